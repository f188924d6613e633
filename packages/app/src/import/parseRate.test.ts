import { describe, expect, it } from 'vitest';
import { parseRate } from './parseRate';

const rate = (...args: Parameters<typeof parseRate>) => {
  const r = parseRate(...args);
  return r.ok ? r.fraction.toFixed() : r.problem;
};

describe('parseRate', () => {
  it('reads 1.35% in any column and 1.35 in a column declared in percent', () => {
    expect(rate('1.35%', undefined)).toBe('0.0135');
    expect(rate('1.35 %', 'fraction')).toBe('0.0135');
    expect(rate('1.35', 'percent')).toBe('0.0135');
    expect(rate(1.35, 'percent')).toBe('0.0135');
  });
  it('reads fractions in a column of fractions and in workbook cells formatted as percent', () => {
    expect(rate('0.0135', 'fraction')).toBe('0.0135');
    expect(rate(0.0135, undefined, true)).toBe('0.0135');
    expect(rate(0.0135, 'percent', true)).toBe('0.0135');
  });
  it('refuses a bare number in a column that declares nothing: 1.35 and 0.0135 are both plausible', () => {
    expect(rate('1.35', undefined)).toBe('missing_rate_unit');
    expect(rate(0.0135, undefined)).toBe('missing_rate_unit');
  });
  it('refuses a rate above 20% a year (a percent typed as a fraction) and what is not a rate', () => {
    expect(parseRate('1.35', 'fraction')).toEqual({ ok: false, problem: 'implausible_rate', fraction: '1.35' });
    expect(rate('abc', 'percent')).toBe('invalid_cell');
    expect(rate('-1%', undefined)).toBe('invalid_cell');
    expect(rate('', 'percent')).toBe('missing_cell');
  });
});
