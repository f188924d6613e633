import { type IsoDate, type MonthKey, parseIsoDate } from '@fundladder/core';
import type { CellValue } from './parseAmount';

/** Why a date was refused. `ambiguous_number_date`: a workbook number like 2025.1 that may have been 2025.10. */
export type DateProblem = 'missing_cell' | 'invalid_cell' | 'ambiguous_number_date';
type DateResult<T> = { ok: true; value: T } | { ok: false; problem: DateProblem };

const pad = (n: number): string => String(n).padStart(2, '0');

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function textParts(raw: string): Parts | 'invalid' {
  const text = raw.normalize('NFKC').trim().replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '').replace(/T00:00(:00(\.0+)?)?Z?$/, '');
  let m = /^(\d{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2})[日号]?)?(?:份)?$/.exec(text);
  if (m) {
    const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : chineseNumber(m[2]!);
    return { year: Number(m[1]), month, ...(m[3] ? { day: Number(m[3]) } : {}) };
  }
  m = /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[3]), ...(m[4] ? { day: Number(m[4]) } : {}) };
  m = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), ...(m[3] ? { day: Number(m[3]) } : {}) };
  m = /^(\d{4})年?(?:度)?$/.exec(text);
  if (m) return { year: Number(m[1]) };
  return 'invalid';
}

function chineseNumber(text: string): number {
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + (CN_DIGITS[text[1]!] ?? NaN);
  return CN_DIGITS[text[0]!] ?? NaN;
}

function cellParts(cell: CellValue): Parts | DateProblem {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return 'missing_cell';
  // A workbook's date cell is a moment at UTC midnight of the day shown (exceljs reads the serial as UTC).
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid_cell' : { year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return cell >= 1000 && cell <= 9999 ? { year: cell } : textOrInvalid(String(cell));
    // 2025.01 … 2025.09 and 2025.11, 2025.12 are plain; 2025.1 may have been 2025.10 before Excel dropped the 0.
    const text = String(cell);
    if (/^\d{4}\.1$/.test(text)) return 'ambiguous_number_date';
    return textOrInvalid(text);
  }
  return textOrInvalid(cell);
}

function textOrInvalid(text: string): Parts | DateProblem {
  const parts = textParts(text);
  return parts === 'invalid' ? 'invalid_cell' : parts;
}

function validMonth(p: Parts): p is Parts & { month: number } {
  return p.month !== undefined && p.month >= 1 && p.month <= 12 && p.year >= 1900 && p.year <= 2200;
}

/**
 * Reads a month as finance systems write it: `2025-01`, `2025/1`, `2025年1月`, `2025年一月`, `2025.01`, `202501`,
 * or a day of that month (`2025-01-01`, `2025/1/31`, a workbook date). Text `2025.1` is January; a workbook
 * *number* 2025.1 is refused as ambiguous (it may have been 2025.10).
 * @param cell - the cell
 * @returns the month key, or the problem
 * @example parseMonth('2025年1月') //=> { ok: true, value: '2025-01' }
 * @example parseMonth('2025-02-30') //=> { ok: false, problem: 'invalid_cell' }
 */
export function parseMonth(cell: CellValue): DateResult<MonthKey> {
  const parts = cellParts(cell);
  if (typeof parts === 'string') return { ok: false, problem: parts };
  if (!validMonth(parts)) return { ok: false, problem: 'invalid_cell' };
  if (parts.day !== undefined && !parseIsoDate(`${parts.year}-${pad(parts.month)}-${pad(parts.day)}`)) return { ok: false, problem: 'invalid_cell' };
  return { ok: true, value: `${parts.year}-${pad(parts.month)}` as MonthKey };
}

/**
 * A month ({@link parseMonth}) or a year (`2025`, `2025年`, `2025年度`) for annual flow tables.
 * @example parsePeriod('2024年') //=> { ok: true, value: '2024' }
 */
export function parsePeriod(cell: CellValue): DateResult<string> {
  const parts = cellParts(cell);
  if (typeof parts === 'string') return { ok: false, problem: parts };
  if (parts.month === undefined && parts.day === undefined) return parts.year >= 1900 && parts.year <= 2200 ? { ok: true, value: String(parts.year) } : { ok: false, problem: 'invalid_cell' };
  return parseMonth(cell);
}

/**
 * Reads a calendar day: `2025-01-15`, `2025/1/15`, `2025.1.15`, `2025年1月15日`, `20250115`, a workbook date.
 * @example parseDay('2025年1月15日') //=> { ok: true, value: '2025-01-15' }
 * @example parseDay('2025-01') //=> { ok: false, problem: 'invalid_cell' }
 */
export function parseDay(cell: CellValue): DateResult<IsoDate> {
  const parts = cellParts(cell);
  if (typeof parts === 'string') return { ok: false, problem: parts === 'ambiguous_number_date' ? 'invalid_cell' : parts };
  if (!validMonth(parts) || parts.day === undefined) return { ok: false, problem: 'invalid_cell' };
  const day = parseIsoDate(`${parts.year}-${pad(parts.month)}-${pad(parts.day)}`);
  return day ? { ok: true, value: day } : { ok: false, problem: 'invalid_cell' };
}
