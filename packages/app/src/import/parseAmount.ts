import { Decimal } from '@fundladder/core';
import { type AmountUnit, YUAN_PER_UNIT, parseUnit } from './units';

/** A cell as read from a CSV (text) or a workbook (number, date, text; null when empty). */
export type CellValue = string | number | Date | null;

/** Why an amount was refused: the issue code to raise. */
export type AmountProblem = 'missing_cell' | 'invalid_cell' | 'negative_amount' | 'too_precise' | 'missing_unit';

const PLAIN = /^\d+(\.\d+)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads an amount as a finance system prints it and converts it to yuan exactly: thousands separators
 * (`1,234.56`), full-width digits, a leading `¥`, a unit after the number (`12.5万元`) that overrides the
 * column's. Negative amounts (`-5`, `(5.00)`) are refused: flows, balances and principals are never negative.
 * A workbook's number is taken as the shortest decimal that gives the same binary value (what Excel shows).
 * @param cell - the cell
 * @param unit - the column's declared unit, if any
 * @returns the yuan amount (at most 2 places), or the problem
 * @example parseAmount('1,234.56', 'wan') //=> { ok: true, yuan: Decimal('12345600') }
 * @example parseAmount('0.000001', 'wan') //=> { ok: false, problem: 'too_precise', yuan: '0.01' }
 * @example parseAmount('n/a', 'yuan') //=> { ok: false, problem: 'invalid_cell' }
 */
export function parseAmount(cell: CellValue, unit: AmountUnit | undefined): { ok: true; yuan: Decimal } | { ok: false; problem: AmountProblem; yuan?: string } {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { ok: false, problem: 'missing_cell' };
  if (cell instanceof Date) return { ok: false, problem: 'invalid_cell' };
  let digits: string;
  let cellUnit: AmountUnit | undefined;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, problem: 'invalid_cell' };
    if (cell < 0) return { ok: false, problem: 'negative_amount' };
    digits = new Decimal(cell).toFixed();
  } else {
    let text = cell.normalize('NFKC').trim().replace(/^[¥]\s*/, '');
    const negative = /^-/.test(text) || /^\(.*\)$/.test(text);
    text = text.replace(/^-\s*|^\(|\)$/g, '').trim().replace(/^[¥]\s*/, '');
    const suffix = /^(.*?)\s*(万元|亿元|元|万|亿)$/.exec(text);
    if (suffix) {
      text = suffix[1]!;
      cellUnit = parseUnit(suffix[2]!);
    }
    if (!PLAIN.test(text) && !GROUPED.test(text)) return { ok: false, problem: 'invalid_cell' };
    if (negative) return { ok: false, problem: 'negative_amount' };
    digits = text.replace(/,/g, '');
  }
  const chosen = cellUnit ?? unit;
  if (!chosen) return { ok: false, problem: 'missing_unit' };
  const yuan = new Decimal(digits).times(YUAN_PER_UNIT[chosen]);
  if (yuan.decimalPlaces() > 2) return { ok: false, problem: 'too_precise', yuan: yuan.toFixed() };
  return { ok: true, yuan };
}

/**
 * Reads a count or a plain non-negative quantity (contributors, an average base): thousands separators allowed,
 * no unit conversion.
 * @example parseQuantity('12,345') //=> Decimal('12345')
 * @example parseQuantity('-1') //=> undefined
 */
export function parseQuantity(cell: CellValue): Decimal | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? new Decimal(cell) : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.normalize('NFKC').trim();
  return PLAIN.test(text) || GROUPED.test(text) ? new Decimal(text.replace(/,/g, '')) : undefined;
}
