import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, dec, parseDecimal, sum } from './decimal';
import { LEDGER_ROUNDING, halfEven, halfUp } from './rounding';
import { allocateFen } from './allocate';
import { formatWan, formatYuan, yuanToWan } from './units';

const RUNS = Number(process.env.FL_PROPERTY_RUNS ?? 1000);

describe('dec', () => {
  it('refuses floats, exponents and separators: money is built from decimal strings', () => {
    expect(() => dec(0.1)).toThrow();
    expect(() => dec('1e5')).toThrow();
    expect(() => dec('1,000')).toThrow();
    expect(parseDecimal('NaN')).toBeUndefined();
    expect(dec('0.1').plus(dec('0.2')).toString()).toBe('0.3');
  });
});

describe('LEDGER_ROUNDING (docs/domain.md §5.1 F5: compute to the li, round half up to the fen)', () => {
  it('rounds 31,227.7777… to 31,227.78 and 0.005 up to 0.01', () => {
    expect(LEDGER_ROUNDING.apply(dec('31227.7777')).toFixed(2)).toBe('31227.78');
    expect(LEDGER_ROUNDING.apply(dec('0.005')).toFixed(2)).toBe('0.01');
  });
  it('rounds through the li first, as the rule says: 0.0045 → 0.005 → 0.01 (plain half-up would give 0.00)', () => {
    expect(LEDGER_ROUNDING.apply(dec('0.0045')).toFixed(2)).toBe('0.01');
    expect(halfUp(2).apply(dec('0.0045')).toFixed(2)).toBe('0.00');
  });
  it('names its mode, and other modes are available by name', () => {
    expect(LEDGER_ROUNDING.name).toBe('liThenFenHalfUp');
    expect(halfEven(2).apply(dec('0.125')).toFixed(2)).toBe('0.12');
  });
});

describe('allocateFen (dinero.js allocate)', () => {
  it('splits 100.00 three ways as 33.34 + 33.33 + 33.33', () => {
    expect(allocateFen(dec('100.00'), [dec(1), dec(1), dec(1)]).map((d) => d.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
  });
  it('shares always add up to the amount exactly, and none is negative', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }), (fen, weights) => {
        const amount = new Decimal(fen.toString()).div(100);
        const shares = allocateFen(amount, weights.map((w) => dec(w)));
        return sum(shares).eq(amount) && shares.every((s) => s.gte(0) && s.decimalPlaces() <= 2);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('units', () => {
  it('shows yuan with separators and 万元 for people', () => {
    expect(formatYuan(dec('1234567.8'))).toBe('1,234,567.80');
    expect(formatWan(dec('123456789'))).toBe('12,345.68万');
    expect(yuanToWan(dec('10000')).toString()).toBe('1');
  });
});
