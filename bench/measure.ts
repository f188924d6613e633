import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';

export interface BenchRow {
  name: string;
  medianMs: number;
  runs: number;
  minMs?: number;
  maxMs?: number;
  target?: string;
  note?: string;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median (results are consumed). */
export function measure(name: string, runs: number, warmup: number, fn: () => unknown): BenchRow {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    times.push(performance.now() - t0);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  times.sort((a, b) => a - b);
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  return { name, medianMs: median, runs, minMs: times[0]!, maxMs: times.at(-1)! };
}

/** The machine's 1-minute load, printed with the table so a busy machine is visible. */
export function machineLoad(): string {
  return loadavg()[0]!.toFixed(2);
}
