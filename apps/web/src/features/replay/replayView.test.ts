import { describe, expect, it } from 'vitest';
import { replayResult } from '../../api/results';
import fixture from './fixtures/replay.json';
import { DEFAULT_REPLAY_FORM, addMonths, coverage, forgoneRows, gapRows, placementsAfter, planRunId, replayRequestOf, riskByMonth, sideRows } from './replayView';

// The replay job's result on the hand-worked example of examples/audit/replay (packages/app/src/jobs/replay.test.ts,
// "2,000万 paid out in March"; docs/audit.md §1.2): one fund type, one bank, 1亿 in the 财政专户 at 0.35%, the 3-month
// time deposit at 1.10%, the reserve one month of payouts, a budget with no flows. The past plan (named '#12', as the
// screen names optimize run 12's plan) places 1亿 on 1 January and 1亿 again on 1 April; in fact nothing came in and
// 2,000万 was paid out on 1 March. Hindsight and quarterly rolling re-plans on. Made by runReplay and encoded with
// replayResult.encode, as the API stores it; decoded here with the app layer's own schema, as the screen does.
const result = fixture as unknown as Parameters<typeof sideRows>[0] & Parameters<typeof riskByMonth>[0] & Parameters<typeof forgoneRows>[0];
const frame = { startMonth: '2026-01', horizonMonths: 36, fundTypes: ['employeePension', 'maternity'] };
const row = (month: string, fundType: string, inflow = '0.00', outflow = '0.00') => ({ month, fundType, inflow, outflow });

describe('the fixture', () => {
  it('is a replay result the app layer reads back', () => {
    expect(replayResult.safeDecode(fixture as never).success).toBe(true);
  });
});

describe('months', () => {
  it('counts months across year ends both ways', () => {
    expect(addMonths('2025-11', 3)).toBe('2026-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', 0)).toBe('2026-01');
    expect(addMonths('2026-01', 35)).toBe('2028-12');
  });
});

describe('coverage of the actuals', () => {
  it('replays from the start while every fund type has a row, and names each fund type’s missing months up to the latest recorded', () => {
    // employeePension has Jan–Mar, maternity Jan and Mar: the replay stops after January; maternity misses February.
    const c = coverage(frame, [row('2026-01', 'employeePension'), row('2026-02', 'employeePension'), row('2026-03', 'employeePension'), row('2026-01', 'maternity'), row('2026-03', 'maternity')]);
    expect(c).toEqual({ count: 1, from: '2026-01', to: '2026-01', through: '2026-03', byFundType: [{ fundType: 'employeePension', recorded: 3, missing: [] }, { fundType: 'maternity', recorded: 2, missing: ['2026-02'] }] });
  });

  it('with nothing from the first month on, every fund type misses the first month and nothing can be replayed', () => {
    // A month before the start and a fund type the scenario does not have do not count.
    const c = coverage(frame, [row('2025-12', 'employeePension'), row('2026-01', 'unemployment')]);
    expect(c).toEqual({ count: 0, from: '2026-01', byFundType: [{ fundType: 'employeePension', recorded: 0, missing: ['2026-01'] }, { fundType: 'maternity', recorded: 0, missing: ['2026-01'] }] });
  });

  it('a late start is a missing first month even when later months are all there', () => {
    const c = coverage(frame, [row('2026-02', 'employeePension'), row('2026-02', 'maternity')]);
    expect([c.count, c.through, c.byFundType.map((f) => f.missing)]).toEqual([0, '2026-02', [['2026-01'], ['2026-01']]]);
  });

  it('stops at the horizon: a month after it neither counts nor is asked for', () => {
    const short = { ...frame, horizonMonths: 2 };
    const all = ['2026-01', '2026-02', '2026-03'].flatMap((m) => [row(m, 'employeePension'), row(m, 'maternity')]);
    expect(coverage(short, all)).toMatchObject({ count: 2, to: '2026-02', through: '2026-02' });
  });
});

describe('the request', () => {
  const plan = { runId: '12', versionId: '3', placements: [{ month: '2026-01', amount: '1.00' }, { month: '2026-03', amount: '2.00' }] };
  const actuals = [row('2026-02', 'maternity'), row('2026-01', 'maternity'), row('2026-01', 'employeePension', '10.00', '5.00'), row('2026-02', 'employeePension'), row('2026-03', 'employeePension'), row('2026-01', 'unemployment')];

  it('sends the run’s version by reference, its plan named after the run, and only the replayed months of the scenario’s fund types', () => {
    expect(replayRequestOf(plan, frame, actuals, DEFAULT_REPLAY_FORM)).toEqual({
      ok: true,
      body: {
        kind: 'replay',
        scenario: { scenarioVersion: '3' },
        plan: { schemaVersion: 1, name: '#12', placements: plan.placements },
        actuals: [row('2026-01', 'employeePension', '10.00', '5.00'), row('2026-01', 'maternity'), row('2026-02', 'employeePension'), row('2026-02', 'maternity')],
        options: { hindsight: true, rolling: true, stepMonths: 3 },
      },
    });
    // March is not replayed (maternity has none), so the plan's March placement will be dropped.
    expect(placementsAfter(plan, '2026-02')).toBe(1);
  });

  it('leaves the step out without rolling re-plans, and refuses a step outside 1–12 with them, or no month to replay', () => {
    const body = replayRequestOf(plan, frame, actuals, { hindsight: false, rolling: false, stepMonths: 'x' });
    expect(body.ok && body.body.options).toEqual({ hindsight: false, rolling: false });
    for (const stepMonths of ['0', '13', '1.5', '', 'x']) expect(replayRequestOf(plan, frame, actuals, { ...DEFAULT_REPLAY_FORM, stepMonths })).toEqual({ ok: false, problem: 'stepMonths' });
    expect(replayRequestOf(plan, frame, actuals, { ...DEFAULT_REPLAY_FORM, stepMonths: ' 12 ' }).ok).toBe(true);
    expect(replayRequestOf(plan, frame, actuals.filter((a) => a.fundType !== 'maternity'), DEFAULT_REPLAY_FORM)).toEqual({ ok: false, problem: 'noMonths' });
  });

  it('reads the run back from the plan’s name', () => {
    expect(planRunId('#12')).toBe('12');
    expect(planRunId('2025 上半年计划 past plan')).toBeUndefined();
  });
});

describe('the result', () => {
  it('sets the three plans side by side, payout gaps and reserve breaches before the interest', () => {
    expect(sideRows(result)).toEqual([
      // The past plan: no cash from 1 March (the 2,000万 payout) to the end — 1, 21 Mar (the demand settlement's
      // credit day), 1 Apr (100,275,000 back, 100,000,000 out again: 19,725,000 short), 1 May, 1 and 21 Jun: six days;
      // the reserve (next month's payouts) short at the end of February (2,000万 needed, nothing liquid) and of each month
      // after (the liquid money below zero). Interest 275,000.00 received + 275,000.00 accrued on the April deposit.
      { side: 'actual', gapDays: 6, largestGap: '20000000.00', breachMonths: 5, largestBreach: '20000000.00', interest: '550000.00', placements: 2 },
      // Hindsight keeps 2,000万 in demand and places 8,000万: 452,088.60, no gap, no breach (replay.test.ts).
      { side: 'hindsight', gapDays: 0, largestGap: '0.00', breachMonths: 0, largestBreach: '0.00', interest: '452088.60', placements: 2 },
      // Rolling knows only the budget (no flows) on 1 Jan and again on 1 Apr (three months are too few to fit a
      // forecast), so it places the 1亿 and then the whole 100,275,000: 275,000.00 + 100,275,000 × 1.10% × 3/12 =
      // 275,756.25 accrued = 550,756.25, and 2,000万 short from March to the end.
      { side: 'rolling', gapDays: 6, largestGap: '20000000.00', breachMonths: 5, largestBreach: '20000000.00', interest: '550756.25', placements: 2 },
    ]);
  });

  it('lists the past plan’s payout gaps by month and fund type: the most short that month, and on how many days', () => {
    expect(gapRows(result.actual)).toEqual([
      { month: '2025-03', fundType: 'employeePension', largest: '20000000.00', days: 2, firstDate: '2025-03-01' },
      { month: '2025-04', fundType: 'employeePension', largest: '19725000.00', days: 1, firstDate: '2025-04-01' },
      { month: '2025-05', fundType: 'employeePension', largest: '19725000.00', days: 1, firstDate: '2025-05-01' },
      { month: '2025-06', fundType: 'employeePension', largest: '19725000.00', days: 2, firstDate: '2025-06-01' },
    ]);
    expect(gapRows(result.hindsight!)).toEqual([]);
  });

  it('states the interest forgone, signed: the past plan "earned" 97,911.40 more than hindsight by spending money it did not have', () => {
    // 452,088.60 − 550,000.00 = −97,911.40; 550,756.25 − 550,000.00 = 756.25.
    expect(forgoneRows(result)).toEqual([{ against: 'hindsight', amount: '-97911.40' }, { against: 'rolling', amount: '756.25' }]);
    expect(forgoneRows({ forgone: {} })).toEqual([]);
  });

  it('gives the chart each replayed month’s largest gap and reserve shortfall, 0 where there is none', () => {
    expect(riskByMonth(result)).toEqual([
      { month: '2025-01', largestGap: '0.00', reserveShort: '0.00' },
      { month: '2025-02', largestGap: '0.00', reserveShort: '20000000.00' },
      { month: '2025-03', largestGap: '20000000.00', reserveShort: '20000000.00' },
      { month: '2025-04', largestGap: '19725000.00', reserveShort: '19725000.00' },
      { month: '2025-05', largestGap: '19725000.00', reserveShort: '19725000.00' },
      { month: '2025-06', largestGap: '19725000.00', reserveShort: '19725000.00' },
    ]);
  });
});
