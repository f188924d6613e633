import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../schemas/scenario';
import { tinyScenario } from '../testing/fixtures';
import { dec } from '../money/decimal';
import { isoDate } from '../dates/isoDate';
import { accruedOn, positionFromHolding } from './positions';

const scenario = scenarioSchema.parse(tinyScenario());
// 10,000,000 face, 2% coupon, twice a year, from 2026-01-01: coupons on 07-01 and 01-01 of 10,000,000 × 2% / 2 = 100,000.00
// (docs/domain.md §5.3 E6's formula: face × coupon / frequency).
const bond = positionFromHolding({ id: 'b', fundType: 'employeePension', product: 'govBond', principal: dec('10000000'), annualRate: dec('0.02'), startDate: isoDate('2026-01-01'), termMonths: 24, couponFrequency: 2 }, scenario);

describe('accruedOn', () => {
  it('counts a coupon due on the day itself as still owed: the whole period, 100,000.00 (regression: it was 0, and a coupon on the horizon end was lost)', () => {
    expect(accruedOn(bond, isoDate('2026-07-01')).toFixed(2)).toBe('100000.00');
    expect(accruedOn(bond, isoDate('2026-06-30')).lt(dec('100000'))).toBe(true);
    // The day after the coupon: a new period starts (1 day of 184).
    expect(accruedOn(bond, isoDate('2026-07-02')).toFixed(2)).toBe(dec('100000').times(1).div(184).toFixed(2));
  });

  it('takes the default coupon frequency of the term when a holding gives none: a 10-year bond pays twice a year', () => {
    const tenYear = positionFromHolding({ id: 't', fundType: 'employeePension', product: 'govBond', principal: dec('10000000'), annualRate: dec('0.02'), startDate: isoDate('2026-01-01'), termMonths: 120 }, scenario);
    expect(tenYear.couponFrequency).toBe(2);
  });
});
