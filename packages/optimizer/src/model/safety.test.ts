// Safe plans on the forecast's paths (docs/optimizer.md §16).
import { describe, expect, it } from 'vitest';
import { type MonthlyFlow, type Scenario, dec, mulberry32, scenarioSchema } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { binomialCdf, committedRisk, discardedPathsAllowed, intraMonthNeed, pathFloats, pathsNeededFor, safetyFloors, withCommittedFloors } from './safety';
import { prepareLadderData } from './data';
import { planSafely, safetyIssues } from '../safePlan';
import { nothingPlacedGaps, stressTest } from '../stress';

/** Paths around the scenario's flows: each month's outflow × (1 + spread·u), u uniform in [−1, 1], seeded. */
function noisyPaths(scenario: Scenario, count: number, seed: number, spread: number): MonthlyFlow[][] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () =>
    scenario.flows.map((f) => ({ ...f, outflow: f.outflow.times(1 + spread * (2 * random() - 1)).toDecimalPlaces(2) })),
  );
}

describe('intraMonthNeed', () => {
  it('payouts on the 5th and contributions on the 20th, placements on the 1st: the cash after placing must cover the month before its inflow', () => {
    // After placing on the 1st, the LP counts the whole month (+300 − 200); on the 5th only −200 has posted:
    // y − 100 − 200 ≥ 0 → y ≥ 300 (the month's inflow).
    expect(intraMonthNeed({ placementDay: 1, inflowDay: 20, outflowDay: 5 }, 300, 200, 0, 0)).toBe(300);
  });
  it('contributions before payouts: the month’s net inflow is not there yet on the placement day, a net outflow is covered by the inflow first', () => {
    // y counts +100 for the month; on the 1st it has not come: y − 100 ≥ 0.
    expect(intraMonthNeed({ placementDay: 1, inflowDay: 5, outflowDay: 20 }, 300, 200, 0, 0)).toBe(100);
    // y counts −100; on the 1st the cash is y + 100, on the 5th y + 200, on the 20th y: y ≥ 0.

    expect(intraMonthNeed({ placementDay: 1, inflowDay: 5, outflowDay: 20 }, 100, 200, 0, 0)).toBe(0);
  });
  it('everything on the placement day: nothing extra', () => {
    expect(intraMonthNeed({ placementDay: 1, inflowDay: 1, outflowDay: 1 }, 300, 200, 0, 0)).toBe(0);
  });
  it('flows of the next month before its placement day: its payout due before its inflow needs this month’s cash', () => {
    // Placements on the 10th; next month pays on the 5th and collects on the 8th, both before its placement day.
    expect(intraMonthNeed({ placementDay: 10, inflowDay: 8, outflowDay: 5 }, 300, 200, 50, 120)).toBe(120);
  });
});

describe('pathsNeededFor', () => {
  it('asks for two expected failures: 0.99 → 200, 0.999 → 2,000', () => {
    expect(pathsNeededFor(0.99)).toBe(200);
    expect(pathsNeededFor(0.999)).toBe(2000);
    expect(pathsNeededFor(0.95)).toBe(40);
  });
});

describe('committedRisk (a rolling re-plan’s committed months)', () => {
  it('gives each quarter of three years 1/12 of the risk, so the twelve add up to the static plan’s 1 − c', () => {
    const q = committedRisk(0.99, 36, 3, 1000);
    expect(q.confidence).toBeCloseTo(1 - 0.01 / 12, 15);
    expect(q.paths).toBe(12_000);
    expect(12 * (1 - q.confidence)).toBeCloseTo(0.01, 15);
    // The same ε·N, so the same scenario-approach guarantee as the static plan's 1,000 paths (500 to calibrate).
    expect(discardedPathsAllowed(q.paths / 2, 1 - q.confidence, 0.05)).toBe(discardedPathsAllowed(500, 0.01, 0.05));
    // A last, shorter step takes its share; a step as long as the horizon is the static plan.
    expect(committedRisk(0.99, 36, 2, 1000).confidence).toBeCloseTo(1 - 0.01 * 2 / 36, 15);
    expect(committedRisk(0.99, 36, 36, 1000)).toEqual({ confidence: 0.99, paths: 1000 });
  });
});

describe('withCommittedFloors', () => {
  const scenario = scenarioSchema.parse(tinyScenario());
  const data = prepareLadderData(scenario);
  const inputs = { fundTypes: scenario.fundTypes, openingCash: data.openingCash as never, netFlow: data.netFlow as never, existingCash: data.existingCash as never };
  const more = (extra: number, month: string) => scenario.flows.map((f) => (f.month === month && f.fundType === 'workInjury' ? { ...f, outflow: f.outflow.plus(extra) } : f));

  it('raises the committed months to the larger floor, keeps the later months, and sums the pool again', () => {
    // The remaining months' paths need 100万 from 2026-04; the committed months' paths 50万 in 2026-01 and 2026-02.
    const remaining = safetyFloors(scenario, inputs, [more(1_000_000, '2026-04'), scenario.flows].map((p) => pathFloats(scenario, p)), { confidence: 0.5, perFundType: true });
    const head = { ...scenario, horizonMonths: 2 };
    const committed = safetyFloors(head, inputs, [more(500_000, '2026-01'), scenario.flows].map((p) => pathFloats(head, p)), { confidence: 0.9, perFundType: true });
    const both = withCommittedFloors(remaining, committed);
    const round = (row: readonly number[]) => row.map((x) => Math.round(x * 100) / 100);
    expect(round(remaining.floorWan.get('workInjury')!)).toEqual([0, 0, 0, 100, 100, 100]);
    expect(round(both.floorWan.get('workInjury')!)).toEqual([50, 50, 0, 100, 100, 100]);
    expect(round(both.poolFloorWan)).toEqual([50, 50, 0, 100, 100, 100]);
    expect(both.committed).toMatchObject({ months: 2, confidence: 0.9, planningPaths: 2 });
    expect(both.scale).toBe(remaining.scale);
  });
});

describe('safetyIssues', () => {
  const scenario = scenarioSchema.parse(tinyScenario());
  it('names the field, the rule and the value for a confidence outside [0, 1), a long safety horizon and too few paths', () => {
    expect(safetyIssues(scenario, { confidence: 1, perFundType: true }, 500, 500)[0]).toMatchObject({ path: ['policy', 'safety', 'confidence'], rule: 'confidenceRange', received: '1' });
    expect(safetyIssues(scenario, { confidence: 0.99, horizonMonths: 7, perFundType: true }, 500, 500)[0]).toMatchObject({ path: ['policy', 'safety', 'horizonMonths'], limit: '6' });
    const few = safetyIssues(scenario, { confidence: 0.999, perFundType: true }, 200, 200);
    expect(few.map((i) => i.rule)).toEqual(['pathsForConfidence', 'pathsForConfidence']);
    expect(few[0]!.message).toContain('2000');
    expect(safetyIssues(scenario, { confidence: 0, perFundType: true }, 0, 0)).toEqual([]);
  });
});

describe('safetyFloors', () => {
  const scenario = scenarioSchema.parse(tinyScenario());
  const data = prepareLadderData(scenario);
  const inputs = { fundTypes: scenario.fundTypes, openingCash: data.openingCash as never, netFlow: data.netFlow as never, existingCash: data.existingCash as never };

  it('on the mean path alone, every floor is 0 (the LP’s own cash rows already pay on the mean)', () => {
    const floors = safetyFloors(scenario, inputs, [pathFloats(scenario, scenario.flows)], { confidence: 0.5, perFundType: true });
    for (const row of floors.floorWan.values()) for (const x of row) expect(x).toBeCloseTo(0, 9);
  });

  it('the floors are μ + kσ of the paths’ requirements, k the smallest that keeps all but r paths safe (r from the scenario-approach bound)', () => {
    const more = (extra: number) => scenario.flows.map((f) => (f.month === '2026-02' && f.fundType === 'workInjury' ? { ...f, outflow: f.outflow.plus(extra) } : f));
    const paths = [more(1_000_000), more(2_000_000), scenario.flows].map((p) => pathFloats(scenario, p));
    // From month 2 on the requirements are 100, 200 and 0 万元: μ = 100, σ = 100; k_p = 0, 1, −1.
    // c = 0.5 on 3 paths: P(Binomial(3, 0.5) ≤ 0) = 0.125 > 5%, so no path may be left out: k = 1, floor 200.
    const all = safetyFloors(scenario, inputs, paths, { confidence: 0.5, perFundType: true });
    expect(all.guarantee.discardedAllowed).toBe(0);
    expect(all.discardedPaths).toEqual([]);
    expect(all.scale).toBeCloseTo(1, 9);
    expect(all.floorWan.get('workInjury')!.map((x) => Math.round(x * 100) / 100)).toEqual([0, 200, 200, 200, 200, 200]);
    // c = 0.01: two may be left out (P(Binomial(3, 0.99) ≤ 2) = 2.97%): k = −1, floor max(0, 100 − 100) = 0.
    const loose = safetyFloors(scenario, inputs, paths, { confidence: 0.01, perFundType: true });
    expect(loose.discardedPaths).toEqual([0, 1]);
    expect(loose.floorWan.get('workInjury')!.every((x) => Math.abs(x) < 1e-9)).toBe(true);
    // Only the first month when the safety horizon is one month.
    const short = safetyFloors(scenario, inputs, paths, { confidence: 0.5, horizonMonths: 1, perFundType: true });
    expect(short.floorWan.get('workInjury')!.every((x) => Math.abs(x) < 1e-9)).toBe(true);
  });

  it('takes r from the binomial tail: 1,000 paths at 0.99 leave at most 4 unsafe; 200 paths none', () => {
    expect(binomialCdf(0, 200, 0.01)).toBeCloseTo(Math.pow(0.99, 200), 12);
    expect(discardedPathsAllowed(1000, 0.01, 0.05)).toBe(4);
    expect(binomialCdf(4, 1000, 0.01)).toBeLessThanOrEqual(0.05);
    expect(binomialCdf(5, 1000, 0.01)).toBeGreaterThan(0.05);
    expect(discardedPathsAllowed(200, 0.01, 0.05)).toBe(0);
  });

  it('leaves out a requirement no plan can meet (a structural gap) and counts the path', () => {
    // Work injury holds 3,000万 and nets +30万 a month; a 5亿 payout cannot be met by any plan.
    const huge = scenario.flows.map((f) => (f.month === '2026-03' && f.fundType === 'workInjury' ? { ...f, outflow: f.outflow.plus(500_000_000) } : f));
    const floors = safetyFloors(scenario, inputs, [pathFloats(scenario, huge)], { confidence: 0.5, perFundType: true });
    expect(floors.structuralShareInSample).toBe(1);
    expect(floors.floorWan.get('workInjury')!.slice(2).every((x) => x === 0)).toBe(true);
  });

  it('states each month’s pre-allocation (按月预拨) at the confidence: the c-quantile of the fund type’s payouts', () => {
    const paths = [0, 1, 2, 3].map((k) => scenario.flows.map((f) => (f.fundType === 'workInjury' ? { ...f, outflow: dec(1_000_000 * (k + 1)) } : f)));
    const floors = safetyFloors(scenario, inputs, paths.map((p) => pathFloats(scenario, p)), { confidence: 0.75, perFundType: true });
    // ⌈0.75 × 4⌉ = 3rd smallest of 1, 2, 3, 4 (百万).
    expect(floors.preAllocationYuan.get('workInjury')![0]).toBe(3_000_000);
  });
});

describe('planSafely (tiny county, work injury thin)', () => {
  // Work injury: 3,000万 opening, pays 120万 a month with ±60% noise; the pension fund is large.
  const scenario = scenarioSchema.parse(tinyScenario({ horizonMonths: 6 }));
  const planning = noisyPaths(scenario, 200, 11, 0.6);
  const check = noisyPaths(scenario, 200, 29, 0.6);

  it('the ledger finds no gap the plan causes on any kept planning path; the mean-flow plan has some; the safe plan earns no more', async () => {
    const r = await planSafely(scenario, { planningPaths: planning, checkPaths: check, safety: { confidence: 0.99, perFundType: true }, stressMeanPlan: true });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const { result, floors, meanPlan } = r.value;
    if (result.status !== 'optimal' || meanPlan?.result.status !== 'optimal') throw new Error(`not optimal: ${result.status}`);
    const kept = planning.filter((_, p) => !floors!.discardedPaths.includes(p));
    const inSample = stressTest(scenario, result.plan, kept, { nothingPlaced: nothingPlacedGaps(scenario, kept) });
    expect(inSample.planCausedShortProbability).toBe(0);
    const meanInSample = stressTest(scenario, meanPlan.result.plan, kept, { compareWithNothingPlaced: true });
    expect(meanInSample.planCausedShortProbability).toBeGreaterThan(0.05);
    expect(result.ledgerInterest.lte(meanPlan.result.ledgerInterest)).toBe(true);
    expect(r.value.costOfSafety!.gte(0)).toBe(true);
    // Out of sample: reported as such, with both measures.
    expect(r.value.stress!.outOfSample).toBe(true);
    expect(r.value.stress!.planCausedShortProbability).toBeLessThanOrEqual(meanPlan.stress!.planCausedShortProbability!);
  });

  it('refuses to check a plan on the paths it was fitted to', async () => {
    const r = await planSafely(scenario, { planningPaths: planning, checkPaths: planning, safety: { confidence: 0.99, perFundType: true } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.rule)).toContain('outOfSample');
  });
});
