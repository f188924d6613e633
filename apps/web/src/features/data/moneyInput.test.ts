import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyIn } from '../../format/money';
import { parseMoneyInput, parsePercentInput, percentInputOf } from './moneyInput';

// 来源: docs/web.md §2 (money in 万元/亿元, exact to the fen); examples/import/README.md ("2,745.32" 万元 → 27453200.00 元).
describe('parseMoneyInput', () => {
  it('reads 万元 with thousands separators exactly to the fen', () => {
    expect(parseMoneyInput('2,745.32', 'wan')).toEqual({ ok: true, fen: 2745320000n, yuan: '27453200.00' });
    expect(parseMoneyInput('1,234.567891', 'wan')).toEqual({ ok: true, fen: 1234567891n, yuan: '12345678.91' });
    expect(parseMoneyInput('95', 'yi')).toEqual({ ok: true, fen: 950000000000n, yuan: '9500000000.00' });
  });

  it('takes the unit the text names over the field’s, and full-width digits', () => {
    expect(parseMoneyInput('9.45亿元', 'wan')).toMatchObject({ ok: true, yuan: '945000000.00' });
    expect(parseMoneyInput('１２０ 万', 'yuan')).toMatchObject({ ok: true, yuan: '1200000.00' });
    expect(parseMoneyInput('3.5元', 'wan')).toMatchObject({ ok: true, yuan: '3.50' });
  });

  it('refuses a figure finer than a fen instead of rounding it, saying how many places the unit allows', () => {
    expect(parseMoneyInput('0.0000001', 'wan')).toEqual({ ok: false, problem: 'tooPrecise', maxPlaces: 6 });
    expect(parseMoneyInput('1.005', 'yuan')).toEqual({ ok: false, problem: 'tooPrecise', maxPlaces: 2 });
    // trailing zeros beyond the fen are not a finer figure
    expect(parseMoneyInput('1.0000000', 'wan')).toMatchObject({ ok: true, yuan: '10000.00' });
  });

  it('refuses empty text, malformed separators and letters, and a negative amount unless allowed', () => {
    expect(parseMoneyInput('  ', 'wan')).toEqual({ ok: false, problem: 'empty' });
    expect(parseMoneyInput('12,34', 'wan')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseMoneyInput('1e3', 'wan')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseMoneyInput('abc', 'wan')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseMoneyInput('-5', 'wan')).toEqual({ ok: false, problem: 'negative' });
    expect(parseMoneyInput('-5', 'wan', { allowNegative: true })).toMatchObject({ ok: true, yuan: '-50000.00' });
  });

  it('reads back what the money formatter writes, for any amount to the fen (decimal.js as the reference)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n }), (fen) => {
        const yuan = new Decimal(fen.toString()).div(100).toFixed(2);
        const shown = moneyIn(yuan, 'wan', 6);
        const parsed = parseMoneyInput(shown, 'wan');
        expect(parsed).toEqual({ ok: true, fen, yuan });
      }),
    );
  });
});

describe('percent input', () => {
  it('moves the decimal point two places, exactly', () => {
    expect(parsePercentInput('0.95')).toEqual({ ok: true, fraction: '0.0095' });
    expect(parsePercentInput('2.6%')).toEqual({ ok: true, fraction: '0.026' });
    expect(parsePercentInput('2.60')).toEqual({ ok: true, fraction: '0.0260' });
    expect(parsePercentInput('20')).toEqual({ ok: true, fraction: '0.20' });
    expect(parsePercentInput('125')).toEqual({ ok: true, fraction: '1.25' });
  });

  it('refuses more than four decimals of a percent, a negative rate and text', () => {
    expect(parsePercentInput('0.123456')).toEqual({ ok: false, problem: 'tooPrecise', maxPlaces: 4 });
    expect(parsePercentInput('-1')).toEqual({ ok: false, problem: 'negative' });
    expect(parsePercentInput('x')).toEqual({ ok: false, problem: 'notANumber' });
  });

  it('writes a fraction as the percentage typed, and the two round-trip to the same number', () => {
    expect(percentInputOf('0.0095')).toBe('0.95');
    expect(percentInputOf('0.0260')).toBe('2.60');
    expect(percentInputOf('0.01234')).toBe('1.234');
    expect(percentInputOf('0.20')).toBe('20.00');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 8 }), (units) => {
        const fraction = new Decimal(units).div(10 ** 6).toFixed(6);
        const back = parsePercentInput(percentInputOf(fraction));
        expect(back.ok && new Decimal(back.fraction).equals(fraction)).toBe(true);
      }),
    );
  });
});
