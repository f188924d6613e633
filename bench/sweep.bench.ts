// Policy sweeps (docs/sweep.md §6): points per second on the sample with 200 check paths and 1,000 planning paths
// each point, with 1 and 2 worker processes (the CLI's pool, `fundladder sweep --workers N`), and the time for 1,000
// points extrapolated from them (a 1,000-point run is 15+ minutes on two cores: too long for a bench run). Interleaved,
// the same points for both pool sizes; quote the calibration row and the load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { drawSweepPaths, prepareSweep, sweepPathsToWire } from '@fundladder/app';
import { SweepPool } from '../apps/cli/src/commands/sweep';
import { type BenchRow, machineLoad } from './measure';
import { calibration } from './ledger.bench';

const ROOT = join(import.meta.dirname, '..');

/** CPU time (ms) a process has used so far, from /proc (Linux): user + system, in clock ticks of 10 ms. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export async function benchSweep(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [calibration()];
  const perWorker = Number(process.env.FL_BENCH_SWEEP_POINTS ?? 32);
  const rounds = Number(process.env.FL_BENCH_SWEEP_ROUNDS ?? 3);
  const scenario = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
  // Reserve months × cap C: 128 points, the timed ones (every other point, from the first) spread over the grid and the
  // warm-up on the others. Each round is 2 × perWorker points (64 by default), so the round's end (one worker idle
  // while the other finishes its last point, about half a point) is a small part of it, as in a long sweep. With 24
  // points a round the two workers used 1.84–1.88 cores: inside a point a worker was on the CPU all the time (17.7 s of
  // CPU for 17.5 s on points, measured in the workers) and a result's answer (the next point) came within 1–4 ms, so
  // the idle 6–8% was the round's end; the speed-up then varied 1.59–1.85× from round to round.
  const fundShares = Array.from({ length: 32 }, (_, k) => (0.1 + 0.01 * k).toFixed(2));
  const setup = prepareSweep({ kind: 'sweep', scenario, vary: [{ name: 'reserveMonths', values: ['1', '2', '3', '4'] }, { name: 'caps.fundShare', values: fundShares }], options: { paths: 200, planningPaths: 1000 } });
  if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
  const t0 = performance.now();
  const paths = drawSweepPaths(setup.value);
  if (!paths.ok) throw new Error(JSON.stringify(paths.issues));
  rows.push({ name: 'sweep: drawing the shared paths once (200 check + 1,000 planning)', medianMs: performance.now() - t0, runs: 1 });
  const wire = sweepPathsToWire(paths.value);
  // The same points for 1 and 2 workers (points differ in cost: another reserve and cap C each), rounds alternating.
  // Both pools live through all rounds and every worker is first warmed by `warm` untimed points: a worker's first
  // points run while V8 still compiles and re-optimizes the engine as new points take new branches (measured with
  // --trace-opt: 300–500 ms of compiling a point over the first ten, about 100 ms from the fortieth on), which a
  // 1,000-point sweep (500 a worker) pays once; the default warms each worker into that steady state.
  const warm = Number(process.env.FL_BENCH_SWEEP_WARM ?? 24);
  const points = setup.value.points.filter((p) => p.index % 2 === 0).slice(0, 2 * perWorker);
  const warmPoints = setup.value.points.filter((p) => !points.includes(p));
  const pools = { 1: new SweepPool(1, setup.value.request, wire), 2: new SweepPool(2, setup.value.request, wire) };
  const rate: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const cores: Record<1 | 2, number[]> = { 1: [], 2: [] };
  // The share of each round the workers spent on a point (the pool's own clock), against the CPU they used.
  const onPoints: Record<1 | 2, number[]> = { 1: [], 2: [] };
  try {
    for (const workers of [1, 2] as const) {
      await pools[workers].ready();
      await Promise.all(Array.from({ length: workers * warm }, (_, k) => pools[workers].run(warmPoints[k % warmPoints.length]!)));
    }
    for (let r = 0; r < rounds; r++) {
      for (const workers of [1, 2] as const) {
        const pool = pools[workers];
        const cpu0 = pool.pids.reduce((a, pid) => a + processCpuMs(pid), 0);
        const busy0 = pool.busyMs.reduce((a, b) => a + b, 0);
        const start = performance.now();
        await Promise.all(points.map((p) => pool.run(p)));
        const wall = performance.now() - start;
        rate[workers].push(points.length / (wall / 1000));
        cores[workers].push((pool.pids.reduce((a, pid) => a + processCpuMs(pid), 0) - cpu0) / wall);
        onPoints[workers].push((pool.busyMs.reduce((a, b) => a + b, 0) - busy0) / (workers * wall));
      }
    }
  } finally {
    await Promise.all([pools[1].close(), pools[2].close()]);
  }
  const median = (xs: number[]) => { const t = [...xs].sort((a, b) => a - b); return t.length % 2 ? t[(t.length - 1) / 2]! : (t[t.length / 2 - 1]! + t[t.length / 2]!) / 2; };
  const one = median(rate[1]), two = median(rate[2]);
  const oneCores = median(cores[1]);
  const flags = pools[2].v8Flags.length ? ` (V8 ${pools[2].v8Flags.join(' ')})` : '';
  rows.push({ name: `sweep: ms per point, 1 worker process (sample, 200 paths; the same ${points.length} points each round)`, medianMs: 1000 / one, runs: rate[1].length, note: `${one.toFixed(3)} points/s; used ${oneCores.toFixed(2)} cores (V8's collector and compiler on the idle one), so 2 workers can give at most ${(2 / oneCores).toFixed(2)}× on 2 cores; each warmed by ${warm} points` });
  rows.push({ name: `sweep: ms per point, 2 worker processes${flags}`, medianMs: 1000 / two, runs: rate[2].length, note: `${two.toFixed(3)} points/s, ${median(cores[2]).toFixed(2)} cores, on a point ${(100 * median(onPoints[2])).toFixed(1)}% of the time; speed-up ${(two / one).toFixed(2)}× (target close to 2×; rounds ${rate[1].map((x, k) => (rate[2][k]! / x).toFixed(2)).join(', ')}); load ${machineLoad()}` });
  rows.push({ name: 'sweep: 1,000 points on 2 workers (extrapolated from the row above)', medianMs: (1000 / two) * 1000, runs: 0, note: `${((1000 / two) / 60).toFixed(1)} min, not run whole` });
  return rows;
}
