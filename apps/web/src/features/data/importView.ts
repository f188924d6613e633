// The import's answer arranged for the reader: problems grouped by file and row, in the file's order, and for a CSV the
// row itself with the bad cell marked, so the reader sees the row as their spreadsheet shows it.
import type { ImportIssue } from '../../api/dataSchemas';

/** The problems of one row of one file (row undefined: about the whole file or column). */
export interface RowProblems {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly issues: readonly ImportIssue[];
}

/**
 * Issues grouped by file (in the order first seen), then row (ascending; file-wide ones first).
 * @example problemsByRow([{ file: 'a.csv', row: 3, … }, { file: 'a.csv', row: 2, … }]).map((g) => g.row) //=> [2, 3]
 */
export function problemsByRow(issues: readonly ImportIssue[]): RowProblems[] {
  const files: string[] = [];
  const groups = new Map<string, { file: string; sheet?: string; row?: number; issues: ImportIssue[] }>();
  for (const i of issues) {
    const fileKey = `${i.file}#${i.sheet ?? ''}`;
    if (!files.includes(fileKey)) files.push(fileKey);
    const key = `${fileKey}@${i.row ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { file: i.file, ...(i.sheet !== undefined ? { sheet: i.sheet } : {}), ...(i.row !== undefined ? { row: i.row } : {}), issues: [] };
      groups.set(key, g);
    }
    g.issues.push(i);
  }
  return [...groups.values()].sort((a, b) => files.indexOf(`${a.file}#${a.sheet ?? ''}`) - files.indexOf(`${b.file}#${b.sheet ?? ''}`) || (a.row ?? 0) - (b.row ?? 0));
}

/**
 * The cells of one line of CSV text (quotes as RFC 4180 writes them: `"2,788.21"`, `""` for a quote inside).
 * @example csvCells('2025-01,"2,788.21",x') //=> ['2025-01', '2,788.21', 'x']
 */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k += 1) {
    const ch = line[k]!;
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        cell += '"';
        k += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** A row of a CSV file as the reader's spreadsheet shows it, with the header's cell for each. */
export interface RowExcerpt {
  readonly row: number;
  readonly cells: readonly { readonly header: string; readonly value: string; readonly bad: boolean }[];
}

/**
 * The row `row` (1-based, counting every line, as the import's issues do) of a CSV text, each cell under its header (the
 * last line before the row whose cells include one of the bad columns, else the first line), the cells of `badColumns`
 * marked. Undefined when the file has no such row.
 * @example rowExcerpt('月份,收入（万元）\n2025-02,abc\n', 2, ['收入（万元）']).cells[1] //=> { header: '收入（万元）', value: 'abc', bad: true }
 */
export function rowExcerpt(text: string, row: number, badColumns: readonly string[]): RowExcerpt | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const line = lines[row - 1];
  if (line === undefined || row < 1) return undefined;
  let header = csvCells(lines[0] ?? '');
  for (let k = row - 2; k >= 0; k -= 1) {
    const cells = csvCells(lines[k]!);
    if (cells.some((c) => badColumns.includes(c.trim()))) {
      header = cells;
      break;
    }
  }
  const cells = csvCells(line);
  return { row, cells: cells.map((value, k) => ({ header: (header[k] ?? '').trim(), value, bad: badColumns.includes((header[k] ?? '').trim()) })) };
}

/**
 * A file's bytes as text: UTF-8 when they are valid UTF-8, else GBK (what Chinese Excel writes as "ANSI"), as the import reads them.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}
