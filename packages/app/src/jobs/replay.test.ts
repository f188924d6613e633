// The replay job on a one-fund, one-bank county (examples/audit/replay), every figure worked by hand in the comments.
// Rules used (来源): docs/domain.md §4.1 demand interest settled on the 20th of Mar/Jun/Sep/Dec and credited the 21st,
// §5.1 F1/F2 (积数 × r / 360), F3 (P × r × months / 12), F5 (to the fen); docs/ledger.md "Time inside a month" (a
// maturity comes before the placements of its day) and "Horizon end" (interest earned = received + accrued at the end).
// Setting: 1亿 in the 财政专户 at a demand contract rate of 0.35%; one product, the 3-month time deposit at 1.10%; the
// budget expected no flows; the reserve is one month of payouts.
import { describe, expect, it } from 'vitest';
import scenario from '../../../../examples/audit/replay/scenario.json' with { type: 'json' };
import plan from '../../../../examples/audit/replay/plan.json' with { type: 'json' };
import { decodeResult, encodeResult, execute } from '../execute';
import { type ReplayResult, replayResult, runReplay } from './replay';

const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const flows = (inflow: Record<string, string>, outflow: Record<string, string> = {}) =>
  MONTHS.map((month) => ({ month, fundType: 'employeePension', inflow: inflow[month] ?? '0.00', outflow: outflow[month] ?? '0.00' }));

async function replay(actuals: unknown): Promise<ReplayResult> {
  const r = await runReplay({ kind: 'replay', scenario, plan, actuals });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('runReplay: 5,000万 came in in February that the budget did not show', () => {
  it('prices the past plan, the hindsight plan and the rolling re-plans in the ledger, and the interest forgone', async () => {
    const r = await replay(flows({ '2025-02': '50000000.00' }));
    expect(r.months).toEqual({ from: '2025-01', to: '2025-06', count: 6 });

    // The past plan: 1亿 for 3 months on 1 Jan (matures 1 Apr: 100,000,000 × 1.10% × 3/12 = 275,000.00) and 1亿 again
    // on 1 Apr (matures 1 Jul, after the horizon: accrued 275,000.00 at the end). The 5,000万 stays in demand from 1 Feb.
    //   20 Mar settlement: 积数 50,000,000 × (28 + 20) days = 2,400,000,000 × 0.35% / 360 = 23,333.33, credited 21 Mar.
    //   1 Apr: 100,275,000 matures, 100,000,000 is placed: cash 50,023,333.33 + 275,000 = 50,298,333.33.
    //   20 Jun settlement: 50,023,333.33 × 11 (21–31 Mar) + 50,298,333.33 × 81 (1 Apr–20 Jun) = 4,624,421,666.36;
    //     × 0.35% / 360 = 44,959.655… → 44,959.66, credited 21 Jun: cash 50,343,292.99.
    //   Accrued at the end: demand 50,343,292.99 × 10 days (21–30 Jun) × 0.35% / 360 = 4,894.49; the April deposit 275,000.00.
    //   Received 275,000.00 + 23,333.33 + 44,959.66 = 343,292.99; earned 343,292.99 + 4,894.49 + 275,000.00 = 623,187.48.
    expect([r.actual.interestReceived.toFixed(2), r.actual.interest.toFixed(2), r.actual.payoutGaps, r.actual.reserveBreaches]).toEqual(['343292.99', '623187.48', [], []]);

    // With hindsight every yuan is placed the day it arrives, interest included: 1亿 on 1 Jan, 5,000万 on 1 Feb
    // (matures 1 May: 50,000,000 × 1.10% × 3/12 = 137,500.00), 100,275,000 on 1 Apr, 50,137,500 on 1 May; cash stays 0.
    //   Received 275,000.00 + 137,500.00 = 412,500.00.
    //   Accrued at the end: 100,275,000 × 1.10% × 3/12 = 275,756.25 (matures 1 Jul) and 50,137,500 × 1.10% × 2/12 = 91,918.75.
    //   Earned 412,500.00 + 275,756.25 + 91,918.75 = 780,175.00; forgone by the past plan 780,175.00 − 623,187.48 = 156,987.52.
    expect([r.hindsight?.placements, r.hindsight?.interestReceived.toFixed(2), r.hindsight?.interest.toFixed(2), r.forgone.vsHindsight?.toFixed(2)]).toEqual([4, '412500.00', '780175.00', '156987.52']);

    // Rolling, quarterly: on 1 Jan the planner knows only the budget (no flows) and places the 1亿; on 1 Apr it knows the
    // actuals so far (three months: too few to fit a forecast, so the budget again) and places everything it sees:
    // 50,023,333.33 + 100,275,000 = 150,298,333.33 (the March demand interest accrued since 21 Mar is not credited yet).
    //   Received 275,000.00 + 23,333.33 + the 20 Jun settlement on 50,023,333.33 × 11 days = 550,256,666.63 × 0.35% / 360
    //     = 5,349.72 → 303,683.05.
    //   Accrued at the end: 150,298,333.33 × 1.10% × 3/12 = 413,320.42; demand 5,349.72 × 10 × 0.35% / 360 = 0.52.
    //   Earned 303,683.05 + 413,320.42 + 0.52 = 717,003.99; forgone 717,003.99 − 623,187.48 = 93,816.51.
    expect([r.rolling?.interestReceived.toFixed(2), r.rolling?.interest.toFixed(2), r.forgone.vsRolling?.toFixed(2)]).toEqual(['303683.05', '717003.99', '93816.51']);
    expect(r.rolling?.steps).toEqual([
      { start: '2025-01', status: 'optimal', placements: 1, expected: 'budget' },
      { start: '2025-04', status: 'optimal', placements: 1, expected: 'budget' },
    ]);
  });
});

describe('runReplay: 2,000万 paid out in March that the budget did not show', () => {
  it('reports the payout gaps and reserve breaches of the past plan, and a hindsight plan with none', async () => {
    const r = await replay(flows({}, { '2025-03': '20000000.00' }));
    // The past plan placed all 1亿 on 1 Jan: on 1 Mar the 2,000万 payout finds no cash, so the fund is 20,000,000 short
    // until the deposit matures on 1 Apr, when 100,275,000 comes back and 100,000,000 goes out again: still 19,725,000 short.
    expect(r.actual.payoutGaps.slice(0, 3).map((g) => [g.date, g.amount.toFixed(2)])).toEqual([['2025-03-01', '20000000.00'], ['2025-03-21', '20000000.00'], ['2025-04-01', '19725000.00']]);
    expect(r.actual.largestGap.toFixed(2)).toBe('20000000.00');
    // The reserve is next month's payouts: at the end of February 2,000万 should be liquid and nothing is.
    expect([r.actual.reserveBreaches[0]?.month, r.actual.reserveBreaches[0]?.required.toFixed(2), r.actual.reserveBreaches[0]?.liquid.toFixed(2), r.actual.reserveBreaches[0]?.short.toFixed(2)]).toEqual(['2025-02', '20000000.00', '0.00', '20000000.00']);
    // Its interest: 275,000.00 received on 1 Apr plus 275,000.00 accrued on the April deposit; the demand balance is never
    // positive, so no demand interest: 550,000.00 — earned in part on money the fund did not have.
    expect(r.actual.interest.toFixed(2)).toBe('550000.00');
    // With hindsight 2,000万 stays in demand until 1 Mar and 8,000万 goes into the 3-month deposit:
    //   80,000,000 × 1.10% × 3/12 = 220,000.00 on 1 Apr; demand 20,000,000 × 59 days (1 Jan–28 Feb) × 0.35% / 360 = 11,472.22
    //   credited 21 Mar and left in demand; on 1 Apr 80,220,000 is placed again (accrued at the end 220,605.00).
    //   20 Jun settlement: 11,472.22 × 92 days × 0.35% / 360 = 10.26; accrued demand 21–30 Jun: 11,482.48 × 10 × 0.35% / 360 = 1.12.
    //   Earned 220,000.00 + 11,472.22 + 10.26 + 220,605.00 + 1.12 = 452,088.60, with no gap and no breach.
    expect([r.hindsight?.interest.toFixed(2), r.hindsight?.payoutGaps, r.hindsight?.reserveBreaches]).toEqual(['452088.60', [], []]);
    expect([r.hindsightIssues, r.hindsightWhy]).toEqual([undefined, undefined]);
    // The past plan "earned" 97,911.40 more than hindsight: by spending money it did not have.
    expect(r.forgone.vsHindsight?.toFixed(2)).toBe('-97911.40');
  });
});

describe('runReplay: what it refuses and what it cuts', () => {
  it('replays only the months the actuals cover, leaving out the plan’s later placements', async () => {
    const r = await runReplay({ kind: 'replay', scenario, plan, actuals: flows({}).slice(0, 2), options: { hindsight: false, rolling: false } });
    expect(r.ok && [r.value.months, r.value.droppedPlacements, r.value.hindsight, r.value.rolling]).toEqual([{ from: '2025-01', to: '2025-02', count: 2 }, 1, undefined, undefined]);
  });

  it('actuals that do not start at the scenario’s first month, and an unknown option, are named', async () => {
    const late = await runReplay({ kind: 'replay', scenario, plan, actuals: flows({}).slice(1) });
    expect(late.ok === false && late.issues.map((i) => [i.path.join('.'), i.rule, i.limit])).toEqual([['actuals', 'actualsFromStart', '2025-01']]);
    const bad = await runReplay({ kind: 'replay', scenario, plan, actuals: flows({}), options: { roling: true } } as never);
    expect(bad.ok === false && bad.issues.map((i) => i.path.join('.'))).toEqual(['request.options']);
  });

  it('the result goes on the wire and comes back; execute runs it by its kind', async () => {
    const run = await execute({ kind: 'replay', scenario, plan, actuals: flows({ '2025-02': '50000000.00' }), options: { rolling: false } });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    const json = JSON.parse(JSON.stringify(encodeResult(run.value)));
    expect(json.forgone).toEqual({ vsHindsight: '156987.52' });
    expect(decodeResult(json)).toEqual({ ok: true, value: run.value });
    expect(replayResult.decode(json)).toEqual(run.value);
  });
});

describe('runReplay: 2亿 paid out in March, twice the fund', () => {
  it('finds no hindsight plan and says why in Chinese and English from the message catalogue, as the screens show it', async () => {
    // 1亿 in the fund and 2亿 paid out: no plan pays that from the fund's own money, with hindsight or without.
    const r = await replay(flows({}, { '2025-03': '200000000.00' }));
    expect(r.hindsight).toBeUndefined();
    expect(r.hindsightIssues?.map((i) => [i.code, i.rule, i.text])).toEqual([
      ['infeasible', 'feasibility', { zh: '没有任何计划能在此情景下满足全部规则', en: 'no plan keeps every rule with this scenario' }],
    ]);
    // And why, as `fundladder optimize` explains an infeasible scenario, the fund type by its name: the elastic model
    // conjures the missing 1亿 into the fund's cash in February, where the reserve (one month of payouts) already asks
    // for March's 2亿.
    expect(r.hindsightWhy).toEqual({
      zh: ['从 2025-02 起不可行：险种现金 1 个月次', '最大短缺：2025-02 险种现金（企业职工基本养老保险基金） 短缺 10,000.0 万元', '2025-02 险种现金 企业职工基本养老保险基金：短缺 10,000.0 万元'],
      en: ["Infeasible from 2025-02: a fund type's cash in 1 month(s)", "Largest shortfall: 2025-02, a fund type's cash (employee pension), short by 10,000.0万", "2025-02 a fund type's cash employee pension: short by 10,000.0万"],
    });
    // The past plan cannot pay it either.
    expect(r.actual.payoutGaps.length).toBeGreaterThan(0);
    // On the wire and back, the words with it; a result stored before the issues carried their words still reads back.
    const json = JSON.parse(JSON.stringify(replayResult.encode(r))) as Parameters<typeof replayResult.decode>[0];
    expect(replayResult.decode(json).hindsightIssues).toEqual(r.hindsightIssues);
    expect(replayResult.decode(json).hindsightWhy).toEqual(r.hindsightWhy);
    for (const i of json.hindsightIssues ?? []) delete i.text;
    delete json.hindsightWhy;
    expect(replayResult.decode(json).hindsightIssues?.[0]?.text).toBeUndefined();
    expect(replayResult.decode(json).hindsightWhy).toBeUndefined();
  });
});
