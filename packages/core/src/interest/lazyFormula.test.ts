// withFormulaOnRead: the formula is written when read, and travels with the fields in JSON (docs/sweep.md §6 on why it
// is a class and not a literal with a getter). The figures are docs/domain.md §5.3 E1 (1,022,000,000 × 1.10% / 360).
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { isoDate } from '../dates/isoDate';
import { withFormulaOnRead } from './lazyFormula';
import { accrueDemandDeposit } from './accrueDemandDeposit';

describe('withFormulaOnRead', () => {
  it('writes the formula only when it is read, each time it is read', () => {
    let writes = 0;
    const x = withFormulaOnRead({ interest: dec('31227.78') }, () => {
      writes++;
      return '1022000000 × 1.10% / 360';
    });
    expect(writes).toBe(0);
    expect(x.interest.toFixed(2)).toBe('31227.78');
    expect(x.formula).toBe('1022000000 × 1.10% / 360');
    expect(x.formula).toBe('1022000000 × 1.10% / 360');
    expect(writes).toBe(2);
  });

  it('gives the fields, then the formula, to JSON; the formula is not an own field', () => {
    const x = withFormulaOnRead({ date: '2025-03-21', amount: dec('31227.78'), bankId: undefined as string | undefined }, () => '1022000000 × 1.10% / 360');
    expect(JSON.stringify(x)).toBe('{"date":"2025-03-21","amount":"31227.78","formula":"1022000000 × 1.10% / 360"}');
    expect(Object.keys(x)).toEqual(['date', 'amount', 'bankId']);
  });

  it('is what the demand-interest rule returns: E1 (36,500,000 held 28 days) read back from it', () => {
    const c = accrueDemandDeposit({ spans: [{ from: isoDate('2025-02-21'), to: isoDate('2025-03-21'), balance: dec('36500000') }], rates: [{ effectiveFrom: isoDate('2024-01-01'), annualRate: dec('0.011') }], basis: 'thirty360', rateChangeMethod: 'segmented', settlementDate: isoDate('2025-03-20') });
    expect(c.formula).toBe('1022000000 × 1.10% / 360');
    expect(c.interest.toDecimalPlaces(2).toFixed(2)).toBe('31227.78');
    expect(JSON.parse(JSON.stringify(c))).toMatchObject({ rule: 'accumulatedMethod/segmented', formula: '1022000000 × 1.10% / 360' });
  });
});
