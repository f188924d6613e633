// `npm run bench`: prints a table of medians of repeated runs. Benchmarks report; no test asserts a time.
import { cpus } from 'node:os';
import { type BenchRow, machineLoad } from './measure';
import { benchLedger } from './ledger.bench';

async function optional(path: string, exportName: string): Promise<BenchRow[]> {
  try {
    const mod = (await import(path)) as Record<string, () => Promise<BenchRow[]>>;
    const fn = mod[exportName];
    return fn ? await fn() : [];
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return [];
    throw e;
  }
}

const rows: BenchRow[] = [];
const only = process.argv[2];
console.error(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? '?'}; load before: ${machineLoad()}; node ${process.version}`);
if (!only || only === 'startup') rows.push(...(await optional('./startup.bench.ts', 'benchStartup')));
if (!only || only === 'ledger') rows.push(...(await benchLedger()));
if (!only || only === 'forecast') rows.push(...(await optional('./forecast.bench.ts', 'benchForecast')));
if (!only || only === 'optimizer') rows.push(...(await optional('./optimizer.bench.ts', 'benchOptimizer')));
if (only === 'city') rows.push(...(await optional('./city.bench.ts', 'benchCity')));
if (!only || only === 'safety') rows.push(...(await optional('./safety.bench.ts', 'benchSafety')));
if (!only || only === 'api') rows.push(...(await optional('./api.bench.ts', 'benchApi')));
if (!only || only === 'sweep') rows.push(...(await optional('./sweep.bench.ts', 'benchSweep')));
if (!only || only === 'web') rows.push(...(await optional('./web.bench.ts', 'benchWeb')));

const header = ['benchmark', 'median ms', 'min ms', 'max ms', 'runs', 'target', 'note'];
const body = rows.map((r) => [r.name, r.medianMs.toFixed(1), r.minMs?.toFixed(1) ?? '', r.maxMs?.toFixed(1) ?? '', String(r.runs), r.target ?? '', r.note ?? '']);
const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 || i >= 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const b of body) console.log(line(b));
console.error(`load after: ${machineLoad()}`);
