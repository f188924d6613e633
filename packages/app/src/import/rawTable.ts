import type { CellValue } from './parseAmount';

/** One row of a file as read: its number as a spreadsheet shows it (1-based line or row) and its cells. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
  /** Columns (0-based) whose workbook cells are formatted as percent: their numbers are fractions (0.0135 shown as 1.35%). */
  readonly percentCells?: ReadonlySet<number>;
}

/** A file's rows before any meaning is given to them. */
export interface RawTable {
  /** The file as the user named it. */
  readonly file: string;
  /** The sheet read, for a workbook. */
  readonly sheet?: string;
  /** The encoding the text was read in, for a CSV. */
  readonly encoding?: string;
  readonly rows: readonly RawRow[];
}

/** A cell as text for matching headers and for messages (numbers as JavaScript prints them, dates as YYYY-MM-DD). */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
