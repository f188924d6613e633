// The split stage's round-by-round search and the lot-edge lift (docs/optimizer.md §13: CD lot rounding made robust;
// the split MIP had no point in time at 84 × 20 and the old switch-off rounds found no split).
import { describe, expect, it } from 'vitest';
import { validateScenario } from '@fundladder/core';
import { highsBackend } from './backends/highs';
import { buildLadderModel } from './model/buildLadderModel';
import { minimumPlacementYuan, poolFundTypes, prepareLadderData } from './model/data';
import { buildSplitModel } from './model/split';
import { pooledPlacements, wanFloatToFen } from './extract/planFromSolution';
import { liftLotEdges } from './extract/lotEdges';
import { solveVerified, verifySolution } from './verify';
import { splitDive } from './splitDive';
import sample from '../../../examples/county-fund/scenario.json';

// The sample county fund (examples/county-fund): 36 months, 8 fund types, 6 eligible banks.
const parsed = validateScenario(sample);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const scenario = parsed.value;

/** The sample's pooled LP (first round: no minimum enforced), its placements and the split LP with every part free. */
async function sampleSplit() {
  const data = prepareLadderData(scenario);
  const pooledData = poolFundTypes(data);
  const pooled = buildLadderModel(pooledData, { lots: 'ignore' });
  const pooledReport = await highsBackend.solve(pooled.model);
  const placements = pooledPlacements(pooledData, pooled.variables, pooledReport.columnValues);
  const minimumWan = (i: number) => minimumPlacementYuan(scenario, data.options[i]!.product) / 10_000;
  const split = buildSplitModel(data, placements, () => 'free', minimumWan);
  const solved = await solveVerified(highsBackend, split.model);
  return { data, pooled: { model: pooled.model, values: pooledReport.columnValues }, placements, minimumWan, split, report: solved.report };
}

describe('splitDive', () => {
  it('decides the placements whose parts the split LP leaves under their minimum, until every part is 0 or at least it', async () => {
    const { data, placements, minimumWan, split, report } = await sampleSplit();
    const under = (values: Float64Array) => split.variables.shares.filter((s) => {
      const wan = values[s.column]!;
      return wan * 10_000 > 0.5 && wan < Math.min(minimumWan(placements[s.placement]!.option), placements[s.placement]!.amountWan) - 1e-9;
    });
    // The starting point has parts under their minimum (else there is nothing to show).
    expect(under(report.columnValues).length).toBeGreaterThan(0);
    const dive = await splitDive(data, placements, minimumWan, highsBackend, { split, report }, { deadline: performance.now() + 60_000, solveSeconds: 30 });
    if (!dive.ok) throw new Error(dive.reason);
    const values = dive.point.report.columnValues;
    expect(under(values)).toEqual([]);
    // A checked point of the split model with the decided bounds: every fund type pays from its own money.
    expect(verifySolution(dive.point.split.model, values).ok).toBe(true);
    // Each placement's parts still add up to it (the totals, and so the caps and the reserve, are the pooled stage's).
    placements.forEach((p, k) => {
      const total = split.variables.shares.filter((s) => s.placement === k).reduce((acc, s) => acc + values[s.column]!, 0);
      expect(total).toBeCloseTo(p.amountWan, 6);
    });
    expect(dive.steps).toBeGreaterThan(0);
  });

  it('gives up with a reason, not a point, when the time is already up', async () => {
    const { data, placements, minimumWan, split, report } = await sampleSplit();
    const dive = await splitDive(data, placements, minimumWan, highsBackend, { split, report }, { deadline: performance.now() - 1, solveSeconds: 30 });
    expect(dive.ok).toBe(false);
    if (!dive.ok) expect(dive.reason).toMatch(/time limit/);
  });
});

describe('liftLotEdges', () => {
  it('lifts a CD part the solver left a fraction of a fen under its lot (9,999,999.99 yuan after rounding down) to the lot', async () => {
    const { data, pooled, placements, minimumWan, split, report } = await sampleSplit();
    const dive = await splitDive(data, placements, minimumWan, highsBackend, { split, report }, { deadline: performance.now() + 60_000, solveSeconds: 30 });
    if (!dive.ok) throw new Error(dive.reason);
    const values = Float64Array.from(dive.point.report.columnValues);
    // A CD part at least a lot, set to the lot less 1e-7 万元 (HiGHS's primal feasibility tolerance): one fen short.
    const cd = split.variables.shares.find((s) => data.options[placements[s.placement]!.option]!.product === 'largeCd' && values[s.column]! >= minimumWan(placements[s.placement]!.option));
    if (!cd) throw new Error('the sample has no CD part');
    const lot = minimumWan(placements[cd.placement]!.option);
    values[cd.column] = lot - 1e-7;
    expect(wanFloatToFen(values[cd.column]!)).toBe(lot * 1_000_000 - 1);
    const edges = liftLotEdges(data, placements, dive.point.split, values, pooled, minimumWan);
    expect(edges.lifted).toBe(1);
    expect(edges.left).toBe(0);
    expect(wanFloatToFen(edges.values[cd.column]!)).toBe(lot * 1_000_000);
    // Nothing else moved but, at most, one donor of the same fund type that month, by the same few fen.
    const moved = split.variables.shares.filter((s) => s !== cd && edges.values[s.column] !== values[s.column]);
    expect(moved.length).toBeLessThanOrEqual(1);
    for (const s of moved) {
      expect(s.fund).toBe(cd.fund);
      expect(placements[s.placement]!.month).toBe(placements[cd.placement]!.month);
      expect(values[s.column]! - edges.values[s.column]!).toBeCloseTo(1e-7, 12);
    }
  });

  it('leaves parts more than a few fen under their minimum to the search (they are decisions, not rounding)', async () => {
    const { data, pooled, placements, minimumWan, split, report } = await sampleSplit();
    const dive = await splitDive(data, placements, minimumWan, highsBackend, { split, report }, { deadline: performance.now() + 60_000, solveSeconds: 30 });
    if (!dive.ok) throw new Error(dive.reason);
    const values = Float64Array.from(dive.point.report.columnValues);
    const cd = split.variables.shares.find((s) => data.options[placements[s.placement]!.option]!.product === 'largeCd' && values[s.column]! >= minimumWan(placements[s.placement]!.option))!;
    values[cd.column] = minimumWan(placements[cd.placement]!.option) - 0.001; // 10 yuan short
    const edges = liftLotEdges(data, placements, dive.point.split, values, pooled, minimumWan);
    expect(edges.lifted).toBe(0);
    expect(edges.values[cd.column]).toBe(values[cd.column]);
  });
});
