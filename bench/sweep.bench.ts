// Policy sweeps (docs/sweep.md §6): points per second on the sample with 200 check paths and 1,000 planning paths
// each point, with 1 and 2 worker threads (the CLI's pool), and the time for 1,000 points extrapolated from them
// (a 1,000-point run is 20+ minutes on two cores: too long for a bench run). Interleaved, the same points for both
// thread counts; quote the calibration row and the load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { drawSweepPaths, prepareSweep, sweepPathsToWire } from '@fundladder/app';
import { SweepPool } from '../apps/cli/src/commands/sweep';
import { type BenchRow, machineLoad } from './measure';
import { calibration } from './ledger.bench';

const ROOT = join(import.meta.dirname, '..');

export async function benchSweep(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [calibration()];
  const perWorker = Number(process.env.FL_BENCH_SWEEP_POINTS ?? 4);
  const scenario = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
  // Enough distinct points for both runs: reserve months × cap C.
  const setup = prepareSweep({ kind: 'sweep', scenario, vary: [{ name: 'reserveMonths', values: ['1', '2', '3', '4'] }, { name: 'caps.fundShare', values: ['0.10', '0.12', '0.14', '0.16', '0.18', '0.20'] }], options: { paths: 200, planningPaths: 1000 } });
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  const t0 = performance.now();
  const paths = drawSweepPaths(setup.value);
  if (!paths.ok) throw new Error(JSON.stringify(paths.issues));
  rows.push({ name: 'sweep: drawing the shared paths once (200 check + 1,000 planning)', medianMs: performance.now() - t0, runs: 1 });
  const wire = sweepPathsToWire(paths.value);
  // The same points for 1 and 2 threads (points differ in cost: another reserve and cap C each), rounds alternating.
  // Both pools live through all rounds and every thread is first warmed by `warm` untimed points: a thread's first
  // points run while V8 still compiles and re-optimizes the engine on background threads (about 0.3 s of compiling a
  // point for the first ten points, measured with --trace-opt), which a 1,000-point sweep pays once, not per point.
  const warm = Number(process.env.FL_BENCH_SWEEP_WARM ?? 4);
  const points = setup.value.points.slice(1, 1 + 2 * perWorker);
  const warmPoints = setup.value.points.slice(1 + 2 * perWorker);
  const pools = { 1: new SweepPool(1, setup.value.request, wire), 2: new SweepPool(2, setup.value.request, wire) };
  const rate: Record<1 | 2, number[]> = { 1: [], 2: [] };
  try {
    for (const workers of [1, 2] as const) {
      await pools[workers].ready();
      await Promise.all(Array.from({ length: workers * warm }, (_, k) => pools[workers].run(warmPoints[k % warmPoints.length]!)));
    }
    for (const workers of [1, 2, 1, 2] as const) {
      const start = performance.now();
      await Promise.all(points.map((p) => pools[workers].run(p)));
      rate[workers].push(points.length / ((performance.now() - start) / 1000));
    }
  } finally {
    await Promise.all([pools[1].close(), pools[2].close()]);
  }
  const median = (xs: number[]) => { const t = [...xs].sort((a, b) => a - b); return t.length % 2 ? t[(t.length - 1) / 2]! : (t[t.length / 2 - 1]! + t[t.length / 2]!) / 2; };
  const one = median(rate[1]!), two = median(rate[2]!);
  rows.push({ name: `sweep: ms per point, 1 worker thread (sample, 200 paths; the same ${points.length} points each run)`, medianMs: 1000 / one, runs: rate[1]!.length, note: `${one.toFixed(3)} points/s (each thread warmed by ${warm} points)` });
  rows.push({ name: 'sweep: ms per point, 2 worker threads', medianMs: 1000 / two, runs: rate[2]!.length, note: `${two.toFixed(3)} points/s; speed-up ${(two / one).toFixed(2)}× (target close to 2×); load ${machineLoad()}` });
  rows.push({ name: 'sweep: 1,000 points on 2 threads (extrapolated from the row above)', medianMs: (1000 / two) * 1000, runs: 0, note: `${((1000 / two) / 60).toFixed(1)} min, not run whole` });
  return rows;
}
