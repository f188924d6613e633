import type { Decimal, FundType, IsoDate, MonthKey } from '@fundladder/core';
import type { MappedHeader } from './columns';
import { type Expected, type ImportIssue, importIssue } from './importIssue';
import { type CellValue, parseAmount } from './parseAmount';
import { parseDay, parseMonth, parsePeriod } from './parseDate';
import { type RateScale, parseRate } from './parseRate';
import { resolveFundType } from './fundTypeNames';
import { type RawRow, cellText } from './rawTable';
import { type AmountUnit, UNIT_NAMES_ZH } from './units';
import { FUND_TYPE_NAMES_ZH } from '@fundladder/core';

/** What every table reader is told: the unit for undeclared amount columns (`--unit`), and the fund types already known. */
export interface ReadContext {
  /** Amount unit for columns that declare none (`--unit`). Never guessed: absent, such a column is an error. */
  readonly unit?: AmountUnit;
  /** Fund types the scenario already has, to resolve 养老/医疗 when only one of their kinds is present. */
  readonly fundTypes?: readonly string[];
}

/**
 * Reads typed cells of one table, raising an issue at `file:row:column` for each cell that is not what its column
 * needs. A column's missing unit is raised once, not per row.
 */
export function cellReader<K extends string, X>(mapped: MappedHeader<K, X>, context: ReadContext, issues: ImportIssue[], notes: ImportIssue[]) {
  const { table, header } = mapped;
  const sheet = table.sheet !== undefined ? { sheet: table.sheet } : {};
  const unitReported = new Set<number>();
  const unitNoted = new Set<number>();
  const where = (row: RawRow, column: number) => ({ file: table.file, ...sheet, row: row.row, column: header[column]?.text ?? `#${column + 1}` });
  const raise = (row: RawRow, column: number, code: string, expected: Expected, cell: CellValue, facts: { limit?: string; candidates?: readonly string[] } = {}) => {
    issues.push(importIssue(where(row, column), code, expected, code === 'missing_cell' ? undefined : cellText(cell), facts));
  };
  const cellAt = (row: RawRow, column: number): CellValue => row.cells[column] ?? null;

  /** The unit a column's amounts are in: its header, the note above the table, `--unit`, or yuan when the header is the scenario's own field name. */
  const unitOf = (column: number, idName: string): AmountUnit | undefined => {
    const parts = header[column]!;
    return parts.unit ?? mapped.unitNote ?? context.unit ?? (parts.name === idName.toLowerCase() ? 'yuan' : undefined);
  };

  return {
    cell: cellAt,
    /** An amount in yuan, exact to the fen. `idName`: the scenario's field name, whose bare header means yuan. */
    amountAt(row: RawRow, column: number, idName: string): Decimal | undefined {
      const unit = unitOf(column, idName);
      if (unit && !unitNoted.has(column)) {
        unitNoted.add(column);
        notes.push(importIssue({ file: table.file, ...sheet, column: header[column]!.text }, 'unit_used', 'unit', undefined, { limit: `${UNIT_NAMES_ZH[unit]} (${unit})` }));
      }
      const cell = cellAt(row, column);
      const parsed = parseAmount(cell, unit);
      if (parsed.ok) return parsed.yuan;
      if (parsed.problem === 'missing_unit') {
        if (!unitReported.has(column)) {
          unitReported.add(column);
          issues.push(importIssue({ file: table.file, ...sheet, column: header[column]!.text }, 'missing_unit', 'unit'));
        }
        return undefined;
      }
      raise(row, column, parsed.problem, 'amount', cell, parsed.yuan !== undefined ? { limit: parsed.yuan } : {});
      return undefined;
    },
    /** An annual rate as a fraction. `idNames`: the scenario's field names, whose bare header means a fraction. */
    rateAt(row: RawRow, column: number, idNames: readonly string[]): Decimal | undefined {
      const parts = header[column]!;
      const scale: RateScale = parts.percent || mapped.percentNote ? 'percent' : idNames.some((n) => parts.name === n.toLowerCase()) ? 'fraction' : undefined;
      const cell = cellAt(row, column);
      const parsed = parseRate(cell, scale, row.percentCells?.has(column) ?? false);
      if (parsed.ok) return parsed.fraction;
      if (parsed.problem === 'missing_rate_unit') {
        if (!unitReported.has(column)) {
          unitReported.add(column);
          issues.push(importIssue({ file: table.file, ...sheet, column: parts.text }, 'missing_rate_unit', 'rateUnit'));
        }
        return undefined;
      }
      const shown = parsed.fraction !== undefined ? `${(Number(parsed.fraction) * 100).toFixed(2)}%` : undefined;
      raise(row, column, parsed.problem, 'rate', cell, shown !== undefined ? { limit: shown } : {});
      return undefined;
    },
    monthAt(row: RawRow, column: number): MonthKey | undefined {
      const cell = cellAt(row, column);
      const parsed = parseMonth(cell);
      if (parsed.ok) return parsed.value;
      raise(row, column, parsed.problem, 'month', cell);
      return undefined;
    },
    periodAt(row: RawRow, column: number): string | undefined {
      const cell = cellAt(row, column);
      const parsed = parsePeriod(cell);
      if (parsed.ok) return parsed.value;
      raise(row, column, parsed.problem, 'period', cell);
      return undefined;
    },
    dayAt(row: RawRow, column: number): IsoDate | undefined {
      const cell = cellAt(row, column);
      const parsed = parseDay(cell);
      if (parsed.ok) return parsed.value;
      raise(row, column, parsed.problem, 'day', cell);
      return undefined;
    },
    /** A fund type by name or id. `anyId`: keep an id the scenario does not know (a forecast of national series). */
    fundTypeAt(row: RawRow, column: number, anyId = false): FundType | string | undefined {
      const cell = cellAt(row, column);
      const text = cellText(cell);
      if (text === '') {
        raise(row, column, 'missing_cell', 'fundType', cell);
        return undefined;
      }
      const resolved = resolveFundType(text, context.fundTypes ?? []);
      if (resolved.ok) return resolved.fundType;
      if (resolved.problem === 'ambiguous') {
        raise(row, column, 'ambiguous', 'fundType', cell, { candidates: resolved.candidates.map((c) => `${FUND_TYPE_NAMES_ZH[c]} ${c}`) });
        return undefined;
      }
      if (anyId && /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(text)) return text;
      raise(row, column, 'invalid_cell', 'fundType', cell);
      return undefined;
    },
    /** A cell's text through a vocabulary (products, bank types…); empty gives `fallback` when one is given. */
    wordAt<T>(row: RawRow, column: number, parse: (text: string) => T | undefined, expected: Expected, fallback?: T): T | undefined {
      const cell = cellAt(row, column);
      const text = cellText(cell);
      if (text === '' && fallback !== undefined) return fallback;
      if (text === '') {
        raise(row, column, 'missing_cell', expected, cell);
        return undefined;
      }
      const value = parse(text);
      if (value === undefined) raise(row, column, 'invalid_cell', expected, cell);
      return value;
    },
    textAt(row: RawRow, column: number): string | undefined {
      const cell = cellAt(row, column);
      const text = cellText(cell);
      if (text === '') raise(row, column, 'missing_cell', 'text', cell);
      return text === '' ? undefined : text;
    },
    raise,
    where,
  };
}

export type CellReader = ReturnType<typeof cellReader>;
