import { describe, expect, it } from 'vitest';
import { parseDay, parseMonth, parsePeriod } from './parseDate';

const month = (cell: Parameters<typeof parseMonth>[0]) => {
  const r = parseMonth(cell);
  return r.ok ? r.value : r.problem;
};

describe('parseMonth', () => {
  it.each([
    ['2025-01', '2025-01'],
    ['2025/1', '2025-01'],
    ['2025年1月', '2025-01'],
    ['2025年01月', '2025-01'],
    ['2025年十二月', '2025-12'],
    ['2025年1月份', '2025-01'],
    ['2025-01-01', '2025-01'],
    ['2025/1/31', '2025-01'],
    ['2025.01', '2025-01'],
    ['2025.1', '2025-01'],
    ['2025.10', '2025-10'],
    ['202501', '2025-01'],
    ['20250131', '2025-01'],
    ['2025-01-01 00:00:00', '2025-01'],
    ['２０２５年１月', '2025-01'],
  ])('%s → %s', (text, key) => expect(month(text)).toBe(key));
  it('reads workbook dates and numbers', () => {
    expect(month(new Date(Date.UTC(2025, 0, 1)))).toBe('2025-01');
    expect(month(new Date(Date.UTC(2025, 11, 31)))).toBe('2025-12');
    expect(month(202503)).toBe('2025-03');
    expect(month(2025.03)).toBe('2025-03');
    expect(month(2025.12)).toBe('2025-12');
  });
  it('refuses a workbook number 2025.1: it may have been 2025.10 before Excel dropped the 0', () => {
    expect(month(2025.1)).toBe('ambiguous_number_date');
  });
  it('refuses what is not a month', () => {
    for (const bad of ['2025-13', '2025-00', '2025-02-30', 'Jan 2025', '25-01', '2025', 'n/a']) expect(month(bad)).toBe('invalid_cell');
    expect(month('')).toBe('missing_cell');
    expect(month(null)).toBe('missing_cell');
  });
});

describe('parsePeriod', () => {
  it('takes years as well as months (annual flow tables)', () => {
    expect(parsePeriod('2024')).toEqual({ ok: true, value: '2024' });
    expect(parsePeriod('2024年')).toEqual({ ok: true, value: '2024' });
    expect(parsePeriod('2024年度')).toEqual({ ok: true, value: '2024' });
    expect(parsePeriod(2024)).toEqual({ ok: true, value: '2024' });
    expect(parsePeriod('2024年3月')).toEqual({ ok: true, value: '2024-03' });
  });
});

describe('parseDay', () => {
  it.each([
    ['2025-01-15', '2025-01-15'],
    ['2025/1/5', '2025-01-05'],
    ['2025.1.15', '2025-01-15'],
    ['2025年1月15日', '2025-01-15'],
    ['20250115', '2025-01-15'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, day) => expect(parseDay(text)).toEqual({ ok: true, value: day }));
  it('reads a workbook date as the day it shows', () => {
    expect(parseDay(new Date(Date.UTC(2025, 4, 20)))).toEqual({ ok: true, value: '2025-05-20' });
  });
  it('refuses a month without a day and a day that does not exist', () => {
    expect(parseDay('2025-01')).toEqual({ ok: false, problem: 'invalid_cell' });
    expect(parseDay('2025-02-29')).toEqual({ ok: false, problem: 'invalid_cell' });
    expect(parseDay('')).toEqual({ ok: false, problem: 'missing_cell' });
  });
});
