// Rolling-origin coverage of the annual bands (docs/forecast.md "Rolling-origin coverage of the annual bands"):
// `npx tsx bench/annualCoverage.ts` reads examples/national/national-annual.csv (each row with the page it was read
// from), cuts every fund's revenue and expenditure into runs of consecutive years (the forecaster refuses gaps), and at
// every origin with at least MIN_ANNUAL_YEARS of history forecasts the rest of the run three ways — the random walk
// (`naive`), the random walk with drift (`drift`), and the tool as shipped (`forecastFlows`: automatic choice + bands) —
// counting the actuals inside the 80% and 95% bands by horizon. Then the same count on synthetic random walks with
// drift (seeded), where the bands' assumptions hold by construction: the control that says whether a shortfall on the
// real series is the method's or the data's. Prints markdown tables; asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '@fundladder/core';
import { type FlowTable, MIN_ANNUAL_YEARS, forecastFlows, randomWalk } from '@fundladder/forecast';

const ROOT = join(import.meta.dirname, '..');
const LEVELS = [80, 95] as const;

interface Cell {
  scored: number;
  hits80: number;
  hits95: number;
  absPctError: number;
  /** Σ (95% band width ÷ actual): how much the coverage costs. */
  width95: number;
}
const cell = (): Cell => ({ scored: 0, hits80: 0, hits95: 0, absPctError: 0, width95: 0 });
type Method = 'naive' | 'drift' | 'chosen';
const METHODS: readonly Method[] = ['naive', 'drift', 'chosen'];

interface Run {
  fund: string;
  years: number[];
  inflow: number[];
  outflow: number[];
}

/** Runs of consecutive years with both revenue and expenditure, per fund, from the national CSV. */
function readRuns(): Run[] {
  const lines = readFileSync(join(ROOT, 'examples/national/national-annual.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const at = (name: string) => header.indexOf(name);
  const byFund = new Map<string, { year: number; inflow: number; outflow: number }[]>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const revenue = cells[at('revenue_yi')]!;
    const expenditure = cells[at('expenditure_yi')]!;
    if (revenue === '' || expenditure === '') continue;
    const fund = cells[at('fund')]!;
    const list = byFund.get(fund) ?? [];
    list.push({ year: Number(cells[at('year')]), inflow: Number(revenue), outflow: Number(expenditure) });
    byFund.set(fund, list);
  }
  const runs: Run[] = [];
  for (const [fund, rows] of byFund) {
    rows.sort((a, b) => a.year - b.year);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.year === rows[i - 1]!.year + 1) continue;
      const part = rows.slice(start, i);
      runs.push({ fund, years: part.map((r) => r.year), inflow: part.map((r) => r.inflow), outflow: part.map((r) => r.outflow) });
      start = i;
    }
  }
  return runs;
}

function record(target: Cell, actual: number, mean: number, lo80: number, hi80: number, lo95: number, hi95: number): void {
  target.scored++;
  if (actual >= lo80 && actual <= hi80) target.hits80++;
  if (actual >= lo95 && actual <= hi95) target.hits95++;
  target.absPctError += Math.abs(actual - mean) / Math.abs(actual);
  target.width95 += (hi95 - lo95) / Math.abs(actual);
}

const pct = (hits: number, of: number): string => (of ? `${Math.round((100 * hits) / of)}% (${hits}/${of})` : '—');

function realSeries(): void {
  const runs = readRuns();
  const maxHorizon = Math.max(0, ...runs.map((r) => r.years.length - MIN_ANNUAL_YEARS));
  const byMethod: Record<Method, Cell[]> = { naive: [], drift: [], chosen: [] };
  for (const m of METHODS) byMethod[m] = Array.from({ length: maxHorizon }, cell);
  const detail: string[] = [];
  console.log('## Runs of consecutive years (examples/national/national-annual.csv)\n');
  console.log('| fund | years | origins with ≥ 3 years of history |');
  console.log('|---|---|---|');
  for (const run of runs) console.log(`| ${run.fund} | ${run.years[0]}–${run.years.at(-1)} (${run.years.length}) | ${Math.max(0, run.years.length - MIN_ANNUAL_YEARS)} |`);
  for (const run of runs) {
    for (let origin = MIN_ANNUAL_YEARS; origin < run.years.length; origin++) {
      const steps = run.years.length - origin;
      const table: FlowTable = {
        frequency: 'annual',
        period: 1,
        periods: run.years.slice(0, origin).map(String),
        series: [{ fundType: run.fund, inflow: run.inflow.slice(0, origin), outflow: run.outflow.slice(0, origin), cohort: run.years.slice(0, origin).map(() => ({})) }],
      };
      const fc = forecastFlows(table, { horizon: steps, levels: [...LEVELS] });
      for (const side of ['inflow', 'outflow'] as const) {
        const history = run[side].slice(0, origin);
        const actuals = run[side].slice(origin);
        const chosen = fc.series.find((s) => s.side === side)!;
        const fits = { naive: randomWalk({ drift: false }).fit(history), drift: randomWalk({ drift: true }).fit(history) };
        for (let k = 0; k < steps; k++) {
          const actual = actuals[k]!;
          for (const m of ['naive', 'drift'] as const) {
            const fit = fits[m];
            if (!fit.ok) continue;
            const p = fit.value.predict(steps, { levels: LEVELS });
            record(byMethod[m][k]!, actual, p.mean[k]!, p.bands[80]!.lo[k]!, p.bands[80]!.hi[k]!, p.bands[95]!.lo[k]!, p.bands[95]!.hi[k]!);
          }
          record(byMethod.chosen[k]!, actual, chosen.mean[k]!, chosen.bands[80]!.lo[k]!, chosen.bands[80]!.hi[k]!, chosen.bands[95]!.lo[k]!, chosen.bands[95]!.hi[k]!);
          const b = chosen.bands[95]!;
          detail.push(`| ${run.fund} ${side} | ${run.years[origin - 1]} | ${run.years[origin + k]} (h=${k + 1}) | ${chosen.model} | ${actual} | ${chosen.mean[k]!.toFixed(0)} | ${b.lo[k]!.toFixed(0)}–${b.hi[k]!.toFixed(0)} | ${actual >= b.lo[k]! && actual <= b.hi[k]! ? 'in' : '**out**'} |`);
        }
      }
    }
  }
  console.log('\n## Coverage by horizon (real series, 亿元)\n');
  console.log('| method | h | pairs | 80% band | 95% band | MAPE | 95% width ÷ actual |');
  console.log('|---|---|---|---|---|---|---|');
  const mean = (sum: number, n: number): string => (n ? `${((100 * sum) / n).toFixed(1)}%` : '—');
  for (const m of METHODS) {
    byMethod[m].forEach((c, k) => console.log(`| ${m} | ${k + 1} | ${c.scored} | ${pct(c.hits80, c.scored)} | ${pct(c.hits95, c.scored)} | ${mean(c.absPctError, c.scored)} | ${mean(c.width95, c.scored)} |`));
  }
  console.log('\n## Every scored pair of the tool as shipped (95% band)\n');
  console.log('| series | last year seen | target | chosen | actual | mean | 95% band | |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const line of detail) console.log(line);
  console.log('\n## The choice scored out of sample (forecastFlows on each whole run)\n');
  console.log('| series | years | chosen | in-sample MASE of the chosen | nested MASE (informed windows, pairs) |');
  console.log('|---|---|---|---|---|');
  for (const run of runs.filter((r) => r.years.length >= MIN_ANNUAL_YEARS)) {
    const table: FlowTable = { frequency: 'annual', period: 1, periods: run.years.map(String), series: [{ fundType: run.fund, inflow: run.inflow, outflow: run.outflow, cohort: run.years.map(() => ({})) }] };
    const fc = forecastFlows(table, { horizon: 3 });
    for (const s of fc.series) {
      const own = s.scores.find((c) => c.model === s.model)!;
      const inSample = Number.isFinite(own.mase) ? own.mase.toFixed(2) : '—';
      const nested = Number.isFinite(s.selection.mase) ? `${s.selection.mase.toFixed(2)} (${s.selection.informedWindows}, ${s.selection.pairs})` : `— (0 of ${s.selection.windows} windows had an earlier error)`;
      console.log(`| ${run.fund} ${s.side} | ${run.years[0]}–${run.years.at(-1)} | ${s.model} | ${inSample} | ${nested} |`);
    }
  }
}

/** Synthetic control: y[t] = y[t−1] + μ + σ·ε, ε standard normal (Box–Muller on mulberry32), μ = 10, σ = 5, y[0] = 100. */
function syntheticControl(): void {
  const rng = mulberry32(13);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const series = 4000;
  console.log('\n## Control: synthetic random walks with drift (μ 10, σ 5, start 100; 4,000 series per row; not real data)\n');
  console.log('| history T | band | h=1 80% / 95% | h=2 80% / 95% | h=3 80% / 95% |');
  console.log('|---|---|---|---|---|');
  for (const T of [3, 4, 5, 7]) {
    const counts = { t: [cell(), cell(), cell()], normal: [cell(), cell(), cell()] };
    for (let r = 0; r < series; r++) {
      const y = [100];
      for (let t = 1; t < T + 3; t++) y.push(y[t - 1]! + 10 + 5 * normal());
      const history = y.slice(0, T);
      for (const [key, quantile] of [['t', 'studentT'], ['normal', 'normal']] as const) {
        const fit = randomWalk({ drift: true, quantile }).fit(history);
        if (!fit.ok) throw new Error('fit');
        const p = fit.value.predict(3, { levels: LEVELS, nonNegative: false });
        for (let k = 0; k < 3; k++) record(counts[key][k]!, y[T + k]!, p.mean[k]!, p.bands[80]!.lo[k]!, p.bands[80]!.hi[k]!, p.bands[95]!.lo[k]!, p.bands[95]!.hi[k]!);
      }
    }
    for (const key of ['t', 'normal'] as const) {
      const cols = counts[key].map((c) => `${Math.round((100 * c.hits80) / c.scored)}% / ${Math.round((100 * c.hits95) / c.scored)}%`);
      console.log(`| ${T} | drift, ${key === 't' ? 'Student t (shipped)' : 'normal (R rwf)'} | ${cols.join(' | ')} |`);
    }
  }
}

realSeries();
syntheticControl();
