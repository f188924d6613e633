// City size (docs/optimizer.md §11, §13): the sample stretched to 120 months with 20 banks, optimize() end to end, and a what-if
// re-solved warm against the same LP solved cold. Each optimize takes tens of seconds: few runs, quoted with the
// calibration row (this machine's speed drifts; the cores are shared).
import { performance } from 'node:perf_hooks';
import { type Decimal, type MonthKey, type Scenario } from '@fundladder/core';
import { WarmLadderModel, buildLadderModel, floorsFor, loadHighs, optimize, poolFundTypes, prepareLadderData, solveWithHighs } from '@fundladder/optimizer';
import { forecastPathFloats, planningSeed } from '@fundladder/app';
import type { BenchRow } from './measure';
import { calibration } from './ledger.bench';
import { sampleLadderScenario } from './optimizer.bench';

/** The city-size scenario: the sample county stretched to 120 months, its eligible banks cloned to 20 (optimizer.bench.ts). */
export function cityScenario(): Scenario {
  return sampleLadderScenario(120, 20);
}

function summary(name: string, times: number[]): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return { name, medianMs: median, runs: sorted.length, minMs: sorted[0]!, maxMs: sorted.at(-1)! };
}

/** The scenario with `month`'s inflow of `fundType` changed by `deltaYuan` (payouts unchanged), as WarmLadderModel.setFlow reads a what-if. */
function shifted(s: Scenario, fundType: string, month: MonthKey, deltaYuan: Decimal): Scenario {
  return { ...s, flows: s.flows.map((f) => (f.fundType === fundType && f.month === month ? { ...f, inflow: f.inflow.plus(deltaYuan) } : f)) };
}

/**
 * Three rows and the calibration: `optimize()` on the city scenario end to end (pooled rounds, split, ledger, repairs),
 * each run checked (status optimal, no ledger issue); and a what-if — one fund type's inflow in one month 20% lower,
 * cumulatively, a different fund type and year each time — re-solved on a WarmLadderModel against a cold HiGHS solve
 * of the same changed LP (build not timed), the two interleaved, the objectives compared. The first warm re-solve
 * also factorizes the full (unpresolved) model once: it is counted.
 */
export async function benchCity(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [{ ...calibration(), note: 'reference only' }];
  const scenario = cityScenario();
  const highs = await loadHighs();

  const runs = Number(process.env.FL_BENCH_CITY_RUNS ?? 3);
  const times: number[] = [];
  const notes: string[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    const r = await optimize(scenario);
    times.push(performance.now() - t0);
    notes.push(r.status === 'optimal' ? `${r.evaluation.report.issues.length ? `${r.evaluation.report.issues.length} ledger issues` : 'checked'}, ${r.rounds} rounds, gap ${(r.optimality.gap * 100).toFixed(2)}%, ledger ${r.ledgerInterest.div(10_000).toFixed(2)}万` : `${r.status}: ${r.issues[0]?.message ?? ''}`);
  }
  rows.push({ ...summary('city 120 × 20: optimize() end to end returns a checked plan', times), target: '< 60 s', note: [...new Set(notes)].join(' | ') });

  // Safe (docs/optimizer.md §16): floors from 1,000 planning paths of the city's own forecast (drawn once, not timed),
  // then optimize() with them — the per-fund-type LP, its rounds, the ledger check.
  const paths = forecastPathFloats(scenario, { paths: 1000, seed: planningSeed(7) });
  if (!paths.ok) throw new Error('bench: no city paths');
  const floors = floorsFor(scenario, paths.value, { confidence: 0.99, perFundType: true });
  const safeTimes: number[] = [];
  const safeNotes: string[] = [];
  for (let k = 0; k < Number(process.env.FL_BENCH_CITY_SAFE_RUNS ?? runs); k++) {
    const t0 = performance.now();
    const r = await optimize(scenario, { safety: floors });
    safeTimes.push(performance.now() - t0);
    safeNotes.push(r.status === 'optimal' ? `${r.evaluation.report.issues.length ? `${r.evaluation.report.issues.length} ledger issues` : 'checked'}, ${r.size.variables.toLocaleString('en')} columns, ${r.rounds} rounds, ledger ${r.ledgerInterest.div(10_000).toFixed(2)}万` : `${r.status}: ${r.issues[0]?.message ?? ''}`);
  }
  rows.push({ ...summary('city 120 × 20: safe optimize() (floors from 1,000 paths) returns a checked plan', safeTimes), target: '< 60 s', note: [...new Set(safeNotes)].join(' | ') });

  const warm = await WarmLadderModel.create(scenario);
  try {
    const first = warm.resolve();
    let current = scenario;
    const warmTimes: number[] = [];
    const coldTimes: number[] = [];
    let worstGap = 0;
    const whatIfs = Number(process.env.FL_BENCH_WHATIF_RUNS ?? 5);
    const fundTypes = scenario.fundTypes;
    for (let k = 0; k < whatIfs; k++) {
      // A contribution shortfall: one fund type's inflow 20% lower in one month (a different fund type and year each time).
      const fundType = fundTypes[k % fundTypes.length]!;
      const month = scenario.flows.filter((f) => f.fundType === fundType)[7 + k * 13]!.month;
      const before = current.flows.find((f) => f.fundType === fundType && f.month === month)!;
      current = shifted(current, fundType, month, before.inflow.times('-0.2'));
      const flow = current.flows.find((f) => f.fundType === fundType && f.month === month)!;
      // Cold: the changed scenario's pooled LP, built (not timed) and solved from scratch.
      const model = buildLadderModel(poolFundTypes(prepareLadderData(current)), { lots: 'ignore' }).model;
      const c0 = performance.now();
      const cold = solveWithHighs(highs, model);
      coldTimes.push(performance.now() - c0);
      // Warm: the same change as bounds, from the last basis.
      const w0 = performance.now();
      warm.setFlow(fundType, month, flow.inflow.minus(flow.outflow));
      const again = warm.resolve();
      warmTimes.push(performance.now() - w0);
      worstGap = Math.max(worstGap, Math.abs(again.objective - cold.objective) / Math.abs(cold.objective));
      if (again.termination !== 'optimal' || cold.termination !== 'optimal') throw new Error(`what-if ${k}: ${again.termination} / ${cold.termination}`);
    }
    const coldRow = summary('city 120 × 20: what-if LP solved cold (HiGHS from scratch)', coldTimes);
    const warmRow = summary('city 120 × 20: what-if LP re-solved warm (setFlow + resolve)', warmTimes);
    rows.push({ ...coldRow, note: `first solve ${first.solveMs.toFixed(0)} ms; ${model(first)}` });
    rows.push({ ...warmRow, target: '≤ 1/10 of cold', note: `warm/cold = ${(warmRow.medianMs / coldRow.medianMs).toFixed(3)}; same optimum to ${worstGap.toExponential(1)} relative` });
  } finally {
    warm.dispose();
  }
  return rows;
}

function model(report: { columnValues: Float64Array }): string {
  return `${report.columnValues.length.toLocaleString('en')} columns`;
}
