// The early-warning rules, one describe per rule (docs/api.md, "Early warnings"). Figures from the sample fund
// (examples/county-fund/scenario.json, asOf 2025-12-31, start 2026-01), computed by hand with Decimal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal, type IsoDate, type MonthKey, addMonthsToDate } from '@fundladder/core';
import { DEFAULT_WARNING_THRESHOLDS, bankCapNear, belowStatutoryRate, liquidByFundType, maturityUnplaced, monthsCovered, nextOutflows, structuralGap } from './rules';

const d = (s: string) => new Decimal(s);
const day = (s: string) => s as IsoDate;
const month = (s: string) => s as MonthKey;

interface SampleFlow { month: string; fundType: string; inflow: string; outflow: string }
const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'examples', 'county-fund', 'scenario.json'), 'utf8')) as {
  accounts: { fundType: string; openingBalance: string }[];
  flows: SampleFlow[];
  holdings: { id: string; fundType: string; product: string; bankId?: string; principal: string; startDate: string; termMonths: number }[];
};
const sampleForecast = sample.flows.map((f) => ({ month: f.month, fundType: f.fundType, outflow: d(f.outflow) }));
const sampleLiquid = liquidByFundType(sample.accounts.map((a) => ({ fundType: a.fundType, openingBalance: d(a.openingBalance) })));

describe('liquidByFundType', () => {
  it("sums each fund type's account balances (sample: 机关事业养老 80,018,826.40 over its accounts)", () => {
    expect(sampleLiquid.get('publicSectorPension')!.toFixed(2)).toBe('80018826.40');
    expect(sampleLiquid.get('employeePension')!.toFixed(2)).toBe('130035199.45');
  });
});

describe('nextOutflows', () => {
  it('takes the recorded actual over the forecast, keeps only the window, and says which it took', () => {
    const out = nextOutflows({
      from: month('2026-01'), months: 3, forecast: sampleForecast.filter((f) => f.fundType === 'publicSectorPension'),
      actuals: [{ month: '2026-02', fundType: 'publicSectorPension', outflow: d('30000000.00') }, { month: '2026-04', fundType: 'publicSectorPension', outflow: d('1.00') }],
    });
    expect(out.map((o) => [o.month, o.outflow.toFixed(2), o.source])).toEqual([
      ['2026-01', '25913967.00', 'forecast'],
      ['2026-02', '30000000.00', 'actual'],
      ['2026-03', '26021942.00', 'forecast'],
    ]);
  });
});

describe('monthsCovered (a)', () => {
  const outflows = nextOutflows({ from: month('2026-01'), months: 3, forecast: sampleForecast, actuals: [] });

  it('finds no fund type of the sample under the default 3 months (the lowest, 机关事业养老, covers 3.08)', () => {
    expect(monthsCovered({ liquidByFundType: sampleLiquid, outflows, threshold: DEFAULT_WARNING_THRESHOLDS.minMonthsCovered })).toEqual([]);
  });

  it('with a threshold of 3.5 finds the three pension funds, with liquid ÷ mean of the first three months', () => {
    const hits = monthsCovered({ liquidByFundType: sampleLiquid, outflows, threshold: d('3.5') });
    expect(hits.map((h) => h.subject)).toEqual(['employeePension', 'residentPension', 'publicSectorPension']);
    // 机关事业养老: (25,913,967 + 25,967,954 + 26,021,942) / 3 = 25,967,954.333…; 80,018,826.40 / that = 3.0814…
    const mean = d('25913967.00').plus('25967954.00').plus('26021942.00').div(3);
    const covered = d('80018826.40').div(mean);
    expect(covered.toFixed(4, Decimal.ROUND_DOWN)).toBe('3.0814');
    expect(hits[2]!.detail).toMatchObject({ liquid: '80018826.40', meanOutflow: '25967954.33', monthsCovered: '3.08', threshold: '3.5' });
  });

  it('opens when actual payouts run above the forecast: 30,000,000 in January brings 机关事业养老 to 2.92 months', () => {
    const withActual = nextOutflows({ from: month('2026-01'), months: 3, forecast: sampleForecast, actuals: [{ month: '2026-01', fundType: 'publicSectorPension', outflow: d('30000000.00') }] });
    const hits = monthsCovered({ liquidByFundType: sampleLiquid, outflows: withActual, threshold: d('3') });
    expect(hits.map((h) => h.subject)).toEqual(['publicSectorPension']);
    // (30,000,000 + 25,967,954 + 26,021,942) / 3 = 27,329,965.333…; 80,018,826.40 / that = 2.9278…
    expect(d('80018826.40').div(d('81989896').div(3)).toFixed(2, Decimal.ROUND_DOWN)).toBe('2.92');
    expect(hits[0]!.detail).toMatchObject({ meanOutflow: '27329965.33', monthsCovered: '2.92' });
  });

  it('skips a fund type with no payouts (the sample’s 生育 fund pays 0.00: merged into 职工医保)', () => {
    const hits = monthsCovered({ liquidByFundType: sampleLiquid, outflows, threshold: d('1000') });
    expect(hits.map((h) => h.subject)).not.toContain('maternity');
  });
});

describe('bankCapNear (b)', () => {
  it('warns at 80% of a cap and above, listing each cap so used; 79.99% and absent caps do not count', () => {
    const hits = bankCapNear({
      capUse: [{ bankId: 'icbc', tranche: d('0.8'), localDeposits: d('0.1'), fundShare: d('0.9462') }, { bankId: 'ccb', tranche: d('0.7999'), fundShare: undefined }],
      share: DEFAULT_WARNING_THRESHOLDS.capUseShare,
      bankNames: new Map([['icbc', '工商银行']]),
    });
    expect(hits).toEqual([{ rule: 'bankCapNear', subject: 'icbc', detail: { bankId: 'icbc', bankName: '工商银行', share: '0.8', caps: [{ cap: 'tranche', rule: 'trancheShareCap', use: '0.80' }, { cap: 'fundShare', rule: 'fundTimeDepositShareCap', use: '0.94' }] } }]);
  });
});

describe('maturityUnplaced (c)', () => {
  const maturities = sample.holdings.map((h) => ({ id: h.id, fundType: h.fundType, bankId: h.bankId, product: h.product, principal: d(h.principal), maturityDate: addMonthsToDate(day(h.startDate), h.termMonths) }));

  it('finds the sample’s six 职工养老 deposits maturing 2026-01-16 unplaced by a plan that places only on 2026-01-01 and 2026-04-01', () => {
    const placements = [
      { date: day('2026-01-01'), fundType: 'employeePension', amount: d('44400000.00') },
      { date: day('2026-04-01'), fundType: 'employeePension', amount: d('60000000.00') },
    ];
    const hits = maturityUnplaced({ asOf: day('2025-12-31'), windowDays: 30, maturities, placements });
    expect(hits.map((h) => h.subject)).toEqual(['h-ep2301-ccb', 'h-ep2301-cib', 'h-ep2301-citic', 'h-ep2301-city', 'h-ep2301-icbc', 'h-ep2301-psbc']);
    expect(hits[0]!.detail).toMatchObject({ maturityDate: '2026-01-16', principal: '10000000.00', unplaced: '10000000.00', placedBy: '2026-02-16' });
  });

  it('counts placements of its fund type, or of none, made on or after the maturity day within a month, each once, earliest maturity first', () => {
    const two = [
      { id: 'a', fundType: 'maternity', product: 'timeDeposit', principal: d('100.00'), maturityDate: day('2026-01-10') },
      { id: 'b', fundType: 'maternity', product: 'timeDeposit', principal: d('100.00'), maturityDate: day('2026-01-20') },
    ];
    const placements = [
      { date: day('2026-01-05'), fundType: 'maternity', amount: d('500.00') }, // before both maturities
      { date: day('2026-02-01'), fundType: 'workInjury', amount: d('500.00') }, // another fund's money
      { date: day('2026-02-01'), fundType: 'maternity', amount: d('60.00') },
      { date: day('2026-02-01'), amount: d('90.00') }, // no fund type named: anyone's money
    ];
    const hits = maturityUnplaced({ asOf: day('2025-12-31'), windowDays: 30, maturities: two, placements });
    // a takes 60 + 40 of the 90; b gets the 50 left.
    expect(hits.map((h) => [h.subject, h.detail.unplaced])).toEqual([['b', '50.00']]);
    expect(placements[3]!.amount.toFixed(2)).toBe('90.00');
  });

  it('looks only at maturities after asOf and within the window (day 30 in, day 31 out)', () => {
    const m = (id: string, date: string) => ({ id, fundType: 'maternity', product: 'timeDeposit', principal: d('1.00'), maturityDate: day(date) });
    const hits = maturityUnplaced({ asOf: day('2025-12-31'), windowDays: 30, maturities: [m('asOf', '2025-12-31'), m('day30', '2026-01-30'), m('day31', '2026-01-31')], placements: [] });
    expect(hits.map((h) => h.subject)).toEqual(['day30']);
  });
});

describe('belowStatutoryRate (d)', () => {
  it('takes only the ledger’s below_statutory_rate findings, one warning per account', () => {
    const hits = belowStatutoryRate([
      { code: 'below_statutory_rate', path: ['scenario', 'accounts', 0, 'contractRates'], rule: 'pensionDemandAtThreeMonth', message: 'm', received: '0.0065', limit: '0.011', bankId: 'icbc', fundType: 'employeePension', subject: 'ep-fiscal' },
      { code: 'stale_holding', path: [], rule: 'x', message: 'not a rate finding', subject: 'h1' },
    ]);
    expect(hits).toEqual([{ rule: 'belowStatutoryRate', subject: 'ep-fiscal', detail: { bankId: 'icbc', fundType: 'employeePension', findings: [{ statutoryRule: 'pensionDemandAtThreeMonth', message: 'm', contractRate: '0.0065', statutoryRate: '0.011' }] } }]);
  });
});

describe('structuralGap (e)', () => {
  it('warns on each fund type whose own flows run short on some check path', () => {
    const hits = structuralGap([{ fundType: 'residentMedical', structuralShortProbability: 0.015, structuralMedianFirstMonth: '2027-03', structuralMedianShort: d('1250000.00') }, { fundType: 'maternity', structuralShortProbability: 0 }]);
    expect(hits).toEqual([{ rule: 'structuralGap', subject: 'residentMedical', detail: { fundType: 'residentMedical', structuralShortProbability: 0.015, medianFirstMonth: '2027-03', medianShort: '1250000.00' } }]);
  });
});
