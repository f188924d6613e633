// 来源: docs/domain.md §2.1 (银发〔1997〕567号 [R3]; 国发〔1998〕44号 [R6]; 银货政〔1999〕131号 [R5]) and §6.1 benchmark [R14].
import { describe, expect, it } from 'vitest';
import { benchmarkSchema, BENCHMARK_2015 } from '../schemas/scenario';
import { statutoryDemandRate, creditingRateFor } from './statutoryDemandRate';
import { dec } from '../money/decimal';

const reference = benchmarkSchema.parse(BENCHMARK_2015);
const rate = (input: Parameters<typeof statutoryDemandRate>[0]) => statutoryDemandRate(input).governing;

describe('statutoryDemandRate', () => {
  it('employee pension demand money earns the 3-month rate: 1.10% on the 2015 benchmark [R3]', () => {
    const r = rate({ fundType: 'employeePension', accountKind: 'fiscalSpecial', reference });
    expect(r.annualRate.toString()).toBe('0.011');
    expect(r.rule).toBe('pensionDemandAtThreeMonth');
    expect(r.confirmed).toBe(true);
  });
  it('medical money by vintage: this year at demand 0.35%, carried over at 3-month 1.10%, in the 财政专户 at the 3-year 零存整取 1.30% [R6]', () => {
    expect(rate({ fundType: 'employeeMedical', accountKind: 'fiscalSpecial', vintage: 'currentYear', reference }).annualRate.toString()).toBe('0.0035');
    expect(rate({ fundType: 'employeeMedical', accountKind: 'fiscalSpecial', vintage: 'carriedOver', reference }).annualRate.toString()).toBe('0.011');
    expect(rate({ fundType: 'employeeMedical', accountKind: 'fiscalSpecial', reference }).annualRate.toString()).toBe('0.013');
  });
  it('resident pension at the 1-year rate, marked unconfirmed ([000] only)', () => {
    const r = rate({ fundType: 'residentPension', accountKind: 'fiscalSpecial', reference });
    expect(r.annualRate.toString()).toBe('0.015');
    expect(r.confirmed).toBe(false);
  });
  it('work injury and maternity at unit-deposit rules: demand 0.35% [R5]', () => {
    expect(rate({ fundType: 'workInjury', accountKind: 'fiscalSpecial', reference }).annualRate.toString()).toBe('0.0035');
  });
  it('收入户 and 支出户 get at least the 3-month benchmark, so a work-injury expenditure account is owed 1.10%', () => {
    const r = statutoryDemandRate({ fundType: 'workInjury', accountKind: 'expenditure', reference });
    expect(r.governing.annualRate.toString()).toBe('0.011');
    expect(r.applicable.map((a) => a.rule)).toEqual(['unitDepositRules', 'agencyAccountsThreeMonthBenchmark']);
  });
  it('the 记账利率 is an input table (docs/domain.md §2.3, unconfirmed): a missing year is undefined, not a default', () => {
    expect(creditingRateFor(2024, [{ year: 2024, annualRate: dec('0.0262') }])?.toString()).toBe('0.0262');
    expect(creditingRateFor(2025, [])).toBeUndefined();
  });
});
