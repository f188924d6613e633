// Cutting the LP's amounts to the fen can leave a bank that the LP put exactly at a cap a few fen over it; the repair
// moves those fen back to cash so that the caps hold exactly in the ledger (docs/optimizer.md §5.10). 来源: docs/domain.md §8.1 [004]:
// cap A ≤ 25% of a tranche, cap C ≤ 20% of the fund's time deposits.
import { describe, expect, it } from 'vitest';
import { Decimal, type Scenario, evaluatePlan, scenarioSchema, validateScenario } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import type { WirePlacement } from './planFromSolution';
import { type CutRow, bondShareCuts, mendRounding, repairCapRounding } from './repairCapRounding';
import sample from '../../../../examples/county-fund/scenario.json';

const FIVE = ['icbc', 'ccb', 'psbc', 'cib', 'citybank'];
const td = (month: string, termMonths: number, bankId: string, amount: string): WirePlacement => ({ month, product: 'timeDeposit', termMonths, bankId, fundType: 'employeePension', amount });
const plan = (placements: WirePlacement[]) => ({ schemaVersion: 1 as const, name: 'knife edge', placements });
const repair = async (scenario: Scenario, placements: WirePlacement[]) => {
  const p = plan(placements);
  const ev = evaluatePlan(scenario, p);
  if (!ev.ok) throw new Error(JSON.stringify(ev.issues));
  return { before: ev.value.report.issues, after: await repairCapRounding(scenario, p, scenario.flows, ev.value) };
};

describe('repairCapRounding', () => {
  const scenario = scenarioSchema.parse(tinyScenario());

  it('five banks at 20% a fen apart: the fen over comes off, and every bank holds exactly a fifth again', async () => {
    const { before, after } = await repair(scenario, FIVE.map((b) => td('2026-01', 3, b, b === 'ccb' ? '30000000.01' : '30000000.00')));
    // 30,000,000.01 − 20% × 150,000,000.01 = 0.008 yuan over: a break, however small.
    expect(before.map((i) => [i.rule, i.monthKey, i.bankId])).toEqual(['2026-01', '2026-02', '2026-03'].map((m) => ['fundTimeDepositShareCap', m, 'ccb']));
    expect(after?.evaluation.report.issues).toEqual([]);
    expect(after?.placements.map((p) => p.amount)).toEqual(FIVE.map(() => '30000000.00'));
  });

  it('cuts the fewest fen where one cut would tip the others: two tranches at five banks, 0.01 and 0.02 over, 0.03 cut in all', async () => {
    const placements = [
      ...FIVE.map((b) => td('2026-01', 3, b, b === 'ccb' ? '30000000.01' : '30000000.00')),
      ...FIVE.map((b) => td('2026-02', 12, b, b === 'psbc' ? '20000000.02' : '20000000.00')),
    ];
    const { after } = await repair(scenario, placements);
    expect(after?.evaluation.report.issues).toEqual([]);
    expect(after?.placements.map((p) => p.amount)).toEqual([...FIVE.map(() => '30000000.00'), ...FIVE.map(() => '20000000.00')]);
  });

  it('four banks at 25% of a tranche under cap A (and cap C at 25%, four banks): a fen over at one bank comes off it', async () => {
    const four = scenarioSchema.parse({ ...tinyScenario(), policy: { caps: { fundTimeDepositShare: '0.25' }, minBanks: 4 } });
    const { before, after } = await repair(four, FIVE.slice(0, 4).map((b) => td('2026-01', 6, b, b === 'icbc' ? '25000000.01' : '25000000.00')));
    expect(before.some((i) => i.rule === 'trancheShareCap' && i.bankId === 'icbc')).toBe(true);
    expect(after?.evaluation.report.issues).toEqual([]);
    expect(after?.placements.map((p) => p.amount)).toEqual(['25000000.00', '25000000.00', '25000000.00', '25000000.00']);
  });

  it('adds a fen where no cut alone mends the caps: cap A ties four banks in a tranche, cap C needs one of them to fall against another', async () => {
    // The term deposits of the sample's safe plan at reserveMonths=1, confidence 0.86 (sweep of 2026-11-27) up to
    // 2026-06. In 2026-06 city holds 0.01 less than icbc and citic (its three parts each rounded down), so both are
    // a fraction of a fen over cap C (20%); citic's only part that can be cut is in the 2026-05 tranche, which psbc,
    // cib, citic and city share at exactly 25% each, so cutting it cuts city as well. No cuts exist (the repair gave
    // the plan up and the ledger refused it); a fen added to city's and ccb's 2026-01 parts mends every cap.
    const parsed = validateScenario({ ...sample, policy: { ...sample.policy, reserve: { rule: 'monthsOfPayouts', months: 1 } } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rows: Array<[string, WirePlacement['product'], number, string, WirePlacement['fundType'], string]> = [
      ['2026-01', 'timeDeposit', 6, 'city', 'publicSectorPension', '9832832.15'], ['2026-01', 'largeCd', 3, 'ccb', 'residentMedical', '15615032.34'],
      ['2026-01', 'largeCd', 3, 'cib', 'residentMedical', '26009968.54'], ['2026-01', 'largeCd', 3, 'citic', 'residentMedical', '16009968.54'],
      ['2026-01', 'largeCd', 3, 'city', 'publicSectorPension', '16177136.38'], ['2026-01', 'largeCd', 6, 'icbc', 'residentMedical', '10394936.19'],
      ['2026-01', 'largeCd', 6, 'citic', 'publicSectorPension', '10000000.00'], ['2026-03', 'timeDeposit', 3, 'psbc', 'workInjury', '167167.84'],
      ['2026-03', 'timeDeposit', 3, 'cib', 'employeePension', '167167.84'], ['2026-03', 'timeDeposit', 3, 'citic', 'employeePension', '167167.84'],
      ['2026-03', 'timeDeposit', 6, 'city', 'residentPension', '167167.84'], ['2026-05', 'timeDeposit', 6, 'psbc', 'workInjury', '394936.19'],
      ['2026-05', 'timeDeposit', 6, 'cib', 'workInjury', '394936.19'], ['2026-05', 'timeDeposit', 6, 'citic', 'workInjury', '394936.19'],
      ['2026-05', 'timeDeposit', 6, 'city', 'workInjury', '394936.19'],
    ];
    const placements = rows.map(([month, product, termMonths, bankId, fundType, amount]): WirePlacement => ({ month, product, termMonths, bankId, fundType, amount }));
    const { before, after } = await repair(parsed.value, placements);
    expect(before.map((i) => [i.rule, i.monthKey, i.bankId])).toEqual([
      ['trancheShareCap', '2026-01', 'cib'],
      ['trancheShareCap', '2026-01', 'citic'],
      ['fundTimeDepositShareCap', '2026-06', 'icbc'],
      ['fundTimeDepositShareCap', '2026-06', 'citic'],
    ]);
    expect(after?.evaluation.report.issues).toEqual([]);
    // Fen only: no part moves by as much as a yuan.
    after!.placements.forEach((p, k) => expect(Math.abs(Number(p.amount) - Number(placements[k]!.amount))).toBeLessThan(1));
  });

  it('leaves a real break alone (100,000 yuan over is not rounding): the ledger reports it', async () => {
    const { before, after } = await repair(scenario, FIVE.map((b) => td('2026-01', 3, b, b === 'ccb' ? '30100000.00' : '30000000.00')));
    expect(before.some((i) => i.rule === 'fundTimeDepositShareCap' && i.bankId === 'ccb')).toBe(true);
    expect(after).toBeUndefined();
  });

  it('raises a part left a fen below its product minimum (the LP at exactly 10,000 yuan) to the minimum', async () => {
    const placements = [...FIVE.map((b) => td('2026-01', 3, b, '30000000.00')), { ...td('2026-01', 3, 'icbc', '9999.99'), fundType: 'workInjury' as const }, ...FIVE.slice(1).map((b) => ({ ...td('2026-01', 3, b, '10000.00'), fundType: 'workInjury' as const }))];
    const { before, after } = await repair(scenario, placements);
    expect(before.map((i) => i.rule)).toContain('timeDepositMinimum');
    expect(after?.evaluation.report.issues).toEqual([]);
    expect(after?.placements[5]?.amount).toBe('10000.00');
  });
});

describe('mendRounding', () => {
  // Two banks' cap C rows at 20% over five equal holdings (den 5, num 1): 4·own − Σ others ≥ need. The LP's point
  // rounded up leaves the second row a fen-unit short; one more fen off the second bank mends it.
  const rows: CutRow[] = [
    { name: 'capC[a]', rule: 'fundTimeDepositShareCap', need: 3n, terms: [[0, 4n], [1, -1n]] },
    { name: 'capC[b]', rule: 'fundTimeDepositShareCap', need: 2n, terms: [[1, 4n], [0, -1n]] },
  ];
  const lhs = (cuts: readonly bigint[]) => rows.map((r) => r.terms.reduce((acc, [k, coef]) => acc + coef * cuts[k]!, 0n) - r.need);

  it('takes the fen a row still needs from a cut with a positive coefficient in it, leaving every row kept', () => {
    const start = [1n, 0n];
    expect(lhs(start)).toEqual([1n, -3n]);
    const mended = mendRounding(rows, start, [100n, 100n]);
    expect(mended).toEqual([1n, 1n]);
    expect(lhs(mended!).every((x) => x >= 0n)).toBe(true);
  });

  it('gives up (the integer program then decides) when the cuts a row needs are beyond what a placement may give', () => {
    expect(mendRounding(rows, [1n, 0n], [100n, 0n])).toBeUndefined();
  });
});

describe('bondShareCuts', () => {
  // The bond share is bonds ≤ share × placed money at each month end (docs/domain.md: maxBondShare, a policy input).
  // Cutting x off a bond held then lowers bonds and placed money by x, so the excess falls by (1 − share) × x.
  const bond = (month: string, termMonths: number, amount: string): WirePlacement => ({ month, product: 'govBond', termMonths, fundType: 'employeePension', amount });
  const months = new Map(['2026-01', '2026-02', '2026-03', '2026-04'].map((m, t) => [m, t]));

  it('a month 0.01 over at a 20% share: 0.01 / 0.8 = 0.0125, up to 0.02, and a fen more: 0.03 off the bond', () => {
    // Bonds 20,000,000.01 of 100,000,000.01 placed: 20% of it is 20,000,000.002, the ledger shows 0.01 over. After the
    // cut: 19,999,999.98 ≤ 20% × 99,999,999.98 = 19,999,999.996.
    const cuts = bondShareCuts(new Decimal('0.2'), [bond('2026-01', 12, '20000000.01')], months, new Map([[0, new Decimal('0.01')]]));
    expect([...cuts].map(([k, y]) => [k, y.toFixed(2)])).toEqual([[0, '0.03']]);
    expect(new Decimal('19999999.98').lte(new Decimal('99999999.98').times('0.2'))).toBe(true);
  });

  it('a cut in one month counts in every month the bond is still held: 0.40 and 0.45 over at 30%, 0.66 off in all', () => {
    // Months in order. 2026-01: 0.40 / 0.7 = 0.571… → 0.58, and a fen: 0.59 off the larger bond (held both months).
    // 2026-02 is then 0.45 − 0.7 × 0.59 = 0.037 over: 0.037 / 0.7 = 0.052… → 0.06, and a fen: 0.07 more, 0.66 in all.
    const placements = [bond('2026-01', 12, '5000000.00'), bond('2026-01', 1, '3000000.00')];
    const cuts = bondShareCuts(new Decimal('0.3'), placements, months, new Map([[1, new Decimal('0.45')], [0, new Decimal('0.40')]]));
    expect([...cuts].map(([k, y]) => [k, y.toFixed(2)])).toEqual([[0, '0.66']]);
  });

  it('leaves a month no bond can mend (no bond held then) for the ledger to report', () => {
    expect(bondShareCuts(new Decimal('0.3'), [bond('2026-01', 1, '3000000.00')], months, new Map([[2, new Decimal('0.10')]])).size).toBe(0);
  });
});
