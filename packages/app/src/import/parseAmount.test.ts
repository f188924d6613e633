import { describe, expect, it } from 'vitest';
import { parseAmount, parseQuantity } from './parseAmount';

const yuan = (cell: Parameters<typeof parseAmount>[0], unit: Parameters<typeof parseAmount>[1]) => {
  const r = parseAmount(cell, unit);
  return r.ok ? r.yuan.toFixed(2) : r.problem;
};

// 来源: docs/domain.md (万元 = 10,000 yuan; 亿元 = 100,000,000 yuan). Exact Decimal strings, no float on the way.
describe('parseAmount', () => {
  it('converts 元/万元/亿元 to yuan exactly', () => {
    expect(yuan('1,234.56', 'yuan')).toBe('1234.56');
    expect(yuan('1,234.56', 'wan')).toBe('12345600.00');
    expect(yuan('62.123456', 'yi')).toBe('6212345600.00');
    expect(yuan('0.0001', 'wan')).toBe('1.00');
    expect(yuan('12,345,678.9', 'wan')).toBe('123456789000.00');
  });
  it('keeps what a float would lose', () => {
    expect(yuan('9007199254740993.01', 'yuan')).toBe('9007199254740993.01');
    expect(yuan('0.29', 'wan')).toBe('2900.00');
  });
  it('reads full-width digits, a ¥ sign and a unit written after the number', () => {
    expect(yuan('１，２３４．５６', 'yuan')).toBe('1234.56');
    expect(yuan('¥1,000', 'yuan')).toBe('1000.00');
    expect(yuan('12.5万元', undefined)).toBe('125000.00');
    expect(yuan('3亿', 'wan')).toBe('300000000.00');
  });
  it('takes a workbook number as the decimal Excel shows', () => {
    expect(yuan(1234.56, 'wan')).toBe('12345600.00');
    expect(yuan(0.1, 'yuan')).toBe('0.10');
  });
  it('refuses an amount with no unit declared anywhere', () => {
    expect(yuan('1,234.56', undefined)).toBe('missing_unit');
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['n/a', '1,23.4', '1.234,56', '1e5', '—', '12..5', '1,2345']) expect(yuan(bad, 'yuan')).toBe('invalid_cell');
    expect(yuan(Number.NaN, 'yuan')).toBe('invalid_cell');
    expect(yuan(new Date(0), 'yuan')).toBe('invalid_cell');
  });
  it('refuses a negative amount, with a minus or in accounting brackets', () => {
    expect(yuan('-5', 'yuan')).toBe('negative_amount');
    expect(yuan('(1,000.00)', 'yuan')).toBe('negative_amount');
    expect(yuan(-1, 'yuan')).toBe('negative_amount');
  });
  it('refuses an amount finer than a fen once converted, and says what it came to', () => {
    expect(parseAmount('1.234', 'yuan')).toEqual({ ok: false, problem: 'too_precise', yuan: '1.234' });
    expect(parseAmount('0.0000001', 'wan')).toEqual({ ok: false, problem: 'too_precise', yuan: '0.001' });
  });
  it('says an empty cell is empty', () => {
    expect(yuan('', 'yuan')).toBe('missing_cell');
    expect(yuan(null, 'yuan')).toBe('missing_cell');
  });
});

describe('parseQuantity', () => {
  it('reads counts with separators and refuses negatives', () => {
    expect(parseQuantity('12,345')?.toString()).toBe('12345');
    expect(parseQuantity(12.5)?.toString()).toBe('12.5');
    expect(parseQuantity('-1')).toBeUndefined();
    expect(parseQuantity(null)).toBeUndefined();
  });
});
