// Safe plans (docs/optimizer.md §16): the whole safe optimize of the sample, a 60 × 8 safe solve, and the
// out-of-sample check per path. Medians of few runs (each run takes seconds): quote them with the calibration row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scenarioSchema } from '@fundladder/core';
import { floorsFor, nothingPlacedGaps, optimize, planSafely, stressTest } from '@fundladder/optimizer';
import { forecastFlowPaths, forecastPathFloats, planningSeed } from '@fundladder/app';

import type { BenchRow } from './measure';
import { sampleLadderScenario } from './optimizer.bench';
import { calibration } from './ledger.bench';

const ROOT = join(import.meta.dirname, '..');

async function measureAsync(name: string, runs: number, fn: () => Promise<unknown>): Promise<BenchRow> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  return { name, medianMs: median, runs, minMs: times[0]!, maxMs: times.at(-1)! };
}

export async function benchSafety(): Promise<BenchRow[]> {
  // The machine-speed row, before and after (this machine's speed drifts; read the rows against it).
  const rows: BenchRow[] = [calibration()];
  const runs = Number(process.env.FL_BENCH_SAFETY_RUNS ?? 3);
  const scenario = scenarioSchema.parse(JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')));

  // The whole of `fundladder optimize` at its defaults, less printing: 1,000 planning + 500 check paths drawn,
  // floors, the safe plan, the mean-flow plan, each check path with nothing placed and with both plans.
  rows.push({
    ...(await measureAsync('safe optimize, sample (paths 1,000 + 500, both plans, out-of-sample check)', runs, async () => {
      const planning = forecastPathFloats(scenario, { paths: 1000, seed: planningSeed(7) });
      const check = forecastFlowPaths(scenario, { paths: 500, seed: 7 });
      if (!planning.ok || !check.ok) throw new Error('bench: no paths');
      const r = await planSafely(scenario, { planningPaths: planning.value, checkPaths: check.value, safety: { confidence: 0.99, perFundType: true } });
      if (!r.ok || r.value.result.status !== 'optimal') throw new Error('bench: no safe plan');
    })),
    target: '< 10,000',
  });

  // Its parts, on paths drawn once.
  const planning = forecastPathFloats(scenario, { paths: 1000, seed: planningSeed(7) });
  const check = forecastFlowPaths(scenario, { paths: 500, seed: 7 });
  if (!planning.ok || !check.ok) throw new Error('bench: no paths');
  rows.push(await measureAsync('  of which: drawing the paths (1,000 planning as floats, 500 check as flows)', runs, async () => {
    forecastPathFloats(scenario, { paths: 1000, seed: planningSeed(7) });
    forecastFlowPaths(scenario, { paths: 500, seed: 7 });
  }));
  const policy = { confidence: 0.99, perFundType: true };
  rows.push(await measureAsync('  of which: floors from 1,000 planning paths', runs, async () => floorsFor(scenario, planning.value, policy)));
  const floors = floorsFor(scenario, planning.value, policy);
  let safe: Awaited<ReturnType<typeof optimize>> | undefined;
  rows.push(await measureAsync('  of which: the safe solve (optimize with floors, ledger check)', runs, async () => {
    safe = await optimize(scenario, { safety: floors });
  }));
  if (safe?.status !== 'optimal') throw new Error('bench: no safe plan');
  const plan = safe.plan;
  const nothing = nothingPlacedGaps(scenario, check.value);
  const perPath = await measureAsync('out-of-sample check, per path (plan + its share of the no-placement run)', runs, async () => {
    stressTest(scenario, plan, check.value, { nothingPlaced: nothing });
  });
  const nothingRow = await measureAsync('  no-placement run, per path', runs, async () => nothingPlacedGaps(scenario, check.value));
  rows.push({ ...perPath, medianMs: perPath.medianMs / 500, minMs: perPath.minMs! / 500, maxMs: perPath.maxMs! / 500, note: 'over 500 paths' });
  rows.push({ ...nothingRow, medianMs: nothingRow.medianMs / 500, minMs: nothingRow.minMs! / 500, maxMs: nothingRow.maxMs! / 500, note: 'over 500 paths' });

  // 60 months × 8 banks (the optimizer bench's stretched sample), floors from 1,000 paths of its own forecast.
  const big = sampleLadderScenario(60, 8);
  const bigPaths = forecastPathFloats(big, { paths: 1000, seed: planningSeed(7) });
  if (!bigPaths.ok) throw new Error('bench: no 60-month paths');
  const bigFloors = floorsFor(big, bigPaths.value, policy);
  rows.push({ ...(await measureAsync('safe solve 60 × 8 (optimize with floors, ledger check)', runs, async () => {
    const r = await optimize(big, { safety: bigFloors });
    if (r.status !== 'optimal') throw new Error(`bench: 60 × 8 safe solve ${r.status}`);
  })), target: '< 2,000' });
  rows.push({ ...calibration(), name: 'calibration again, after the safety rows' });
  return rows;
}
