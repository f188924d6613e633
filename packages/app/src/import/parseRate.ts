import { Decimal, MAX_PLAUSIBLE_ANNUAL_RATE } from '@fundladder/core';
import type { CellValue } from './parseAmount';

/** How a rate column's bare numbers are meant: declared in percent (`利率（%）`), as fractions (`annualRate`), or not declared. */
export type RateScale = 'percent' | 'fraction' | undefined;

/**
 * Reads an annual rate and returns it as a fraction, as scenarios hold it: `1.35%` (any column), `1.35` in a
 * column declared in percent, `0.0135` in a column of fractions or a workbook cell formatted as percent.
 * A bare number in an undeclared column is refused (`missing_rate_unit`): 1.35 and 0.0135 are both plausible.
 * @param cell - the cell
 * @param scale - what the column declares
 * @param percentFormatted - the workbook cell is formatted as percent (its number is already a fraction)
 * @returns the fraction, or the problem (`implausible_rate` above {@link MAX_PLAUSIBLE_ANNUAL_RATE})
 * @example parseRate('1.35%', undefined) //=> { ok: true, fraction: Decimal('0.0135') }
 * @example parseRate('1.35', 'percent') //=> { ok: true, fraction: Decimal('0.0135') }
 * @example parseRate('1.35', 'fraction') //=> { ok: false, problem: 'implausible_rate', fraction: '1.35' }
 */
export function parseRate(cell: CellValue, scale: RateScale, percentFormatted = false): { ok: true; fraction: Decimal } | { ok: false; problem: 'missing_cell' | 'invalid_cell' | 'missing_rate_unit' | 'implausible_rate'; fraction?: string } {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: false, problem: 'missing_cell' };
  if (cell instanceof Date) return { ok: false, problem: 'invalid_cell' };
  let value: Decimal;
  let cellScale: RateScale;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return { ok: false, problem: 'invalid_cell' };
    value = new Decimal(cell);
    if (percentFormatted) cellScale = 'fraction';
  } else {
    const text = cell.normalize('NFKC').trim();
    const m = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(text);
    if (!m) return { ok: false, problem: 'invalid_cell' };
    value = new Decimal(m[1]!);
    if (m[2]) cellScale = 'percent';
  }
  const chosen = cellScale ?? scale;
  if (!chosen) return { ok: false, problem: 'missing_rate_unit' };
  const fraction = chosen === 'percent' ? value.div(100) : value;
  if (fraction.gt(MAX_PLAUSIBLE_ANNUAL_RATE)) return { ok: false, problem: 'implausible_rate', fraction: fraction.toFixed() };
  return { ok: true, fraction };
}
