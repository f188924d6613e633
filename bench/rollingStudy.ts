// Rolling vs static safe plan on many out-of-sample paths (docs/optimizer.md §15, §16), split over
// processes: `npx tsx bench/rollingStudy.ts FROM COUNT > part.json` runs paths FROM … FROM+COUNT−1 of the check paths
// `fundladder optimize --seed 7` draws; `npx tsx bench/rollingStudy.ts --merge part*.json` prints the summary. Each
// re-plan is made safe by the rolling policy's rule (`rollingFloors`): its remaining months at c = 0.99 on 1,000 paths
// of the forecast refitted on the history so far, the quarter it commits at 1 − 0.01·3/36 on 12,000 paths of 3 months.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Decimal, Decimal as Dec, type Scenario, addMonthsToKey, monthOrdinal, scenarioSchema, toWire } from '@fundladder/core';
import { compareRolling, pathsNeededFor, planSafely } from '@fundladder/optimizer';
import { forecastFlowPaths, forecastMeanFlows, forecastPathFloats, planningSeed } from '@fundladder/app';

const ROOT = join(import.meta.dirname, '..');
const SEED = 7;
const CONFIDENCE = 0.99;
const PLANNING_PATHS = 1000;

interface Row {
  staticInterest: string;
  rollingInterest: string;
  staticShort: boolean;
  rollingShort: boolean;
  staticFirstPlanCaused: string | null;
  rollingFirstPlanCaused: string | null;
  elastic: number;
  failedSteps: string[];
}

async function run(from: number, count: number): Promise<void> {
  const t0 = performance.now();
  const scenario = scenarioSchema.parse(JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')));
  const planning = forecastPathFloats(scenario, { paths: PLANNING_PATHS, seed: planningSeed(SEED) });
  const check = forecastFlowPaths(scenario, { paths: Math.max(pathsNeededFor(CONFIDENCE), from + count), seed: SEED });
  if (!planning.ok || !check.ok) throw new Error('no paths');
  const policy = { ...scenario.policy.safety, confidence: CONFIDENCE };
  const safe = await planSafely(scenario, { planningPaths: planning.value, checkPaths: check.value, safety: policy, compareWithMeanPlan: false });
  if (!safe.ok || safe.value.result.status !== 'optimal') throw new Error(`no static safe plan: ${JSON.stringify(safe.ok ? safe.value.result.status : safe.issues)}`);
  const horizonEnd = addMonthsToKey(scenario.startMonth, scenario.horizonMonths);
  const cmp = await compareRolling(scenario, safe.value.result.plan, check.value.slice(from, from + count), {
    planFlows: (start, history) => (start === scenario.startMonth ? scenario.flows.filter((f) => f.month >= start) : forecastMeanFlows(history, scenario.fundTypes, start, monthOrdinal(horizonEnd) - monthOrdinal(start))),
    safety: {
      policy,
      planningPaths: PLANNING_PATHS,
      ...(safe.value.floors ? { firstFloors: safe.value.floors } : {}),
      // Each re-plan's draws from seeds of their own: the quarter's start, and a second stream for the committed months.
      draw: (replan: Scenario, paths, part) => {
        const stream = planningSeed(SEED + monthOrdinal(replan.startMonth));
        const drawn = forecastPathFloats(replan, { paths, seed: part === 'remaining' ? stream : planningSeed(stream) });
        return drawn.ok ? drawn.value : undefined;
      },
    },
    onProgress: (done, total) => process.stderr.write(`\r${done}/${total} ${((performance.now() - t0) / 1000).toFixed(0)} s`),
  });
  const rows: Row[] = cmp.rows.map((r) => ({
    staticInterest: r.staticInterest.toFixed(2),
    rollingInterest: r.rollingInterest.toFixed(2),
    staticShort: r.staticFirstShort !== undefined,
    rollingShort: r.rollingFirstShort !== undefined,
    staticFirstPlanCaused: r.staticFirstPlanCaused ?? null,
    rollingFirstPlanCaused: r.rollingFirstPlanCaused ?? null,
    elastic: r.failedSteps.length,
    failedSteps: r.failedSteps.map((st, i) => `${st} ${r.failedStepBends[i]!.join(',')}`.trim()),
  }));
  console.log(JSON.stringify({ from, count, wallMs: performance.now() - t0, replans: cmp.replans, elasticReplans: cmp.elasticReplans, staticInterestOnMeanFlows: safe.value.result.ledgerInterest.toFixed(2), rows: toWire(rows) }));
}

function merge(files: string[]): void {
  const parts = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { wallMs: number; replans: number; elasticReplans: number; rows: Row[] });
  const rows = parts.flatMap((p) => p.rows);
  const n = rows.length;
  const quarterEnd = '2026-03';
  const stats = (interest: (r: Row) => string, short: (r: Row) => boolean, caused: (r: Row) => string | null) => {
    const sorted: Decimal[] = rows.map((r) => new Dec(interest(r))).sort((a, b) => a.cmp(b));
    const mean = sorted.reduce((a, b) => a.plus(b), new Dec(0)).div(n);
    return {
      payoutGap: rows.filter(short).length / n,
      planCaused: rows.filter((r) => caused(r) !== null).length / n,
      planCausedFirstQuarter: rows.filter((r) => (caused(r) ?? '9999-99') <= quarterEnd).length / n,
      meanWan: mean.div(10_000).toFixed(2),
      p5Wan: sorted[Math.max(0, Math.ceil(0.05 * n) - 1)]!.div(10_000).toFixed(2),
    };
  };
  // What the elastic re-plans bent, by rule (a re-plan that bent two rules counts under both).
  const bent = new Map<string, number>();
  for (const r of rows) for (const st of r.failedSteps ?? []) for (const rule of new Set((st.split(' ')[2] ?? st.split(' ')[1] ?? '').split(',').map((x) => x.split(':')[0]!))) bent.set(rule, (bent.get(rule) ?? 0) + 1);
  console.log(JSON.stringify({
    paths: n,
    wallSecondsSum: parts.reduce((a, p) => a + p.wallMs, 0) / 1000,
    wallSecondsMax: Math.max(...parts.map((p) => p.wallMs)) / 1000,
    replans: parts.reduce((a, p) => a + p.replans, 0),
    elasticReplans: parts.reduce((a, p) => a + p.elasticReplans, 0),
    elasticBent: Object.fromEntries(bent),
    static: stats((r) => r.staticInterest, (r) => r.staticShort, (r) => r.staticFirstPlanCaused ?? null),
    rolling: stats((r) => r.rollingInterest, (r) => r.rollingShort, (r) => r.rollingFirstPlanCaused ?? null),
  }, null, 1));
}

if (process.argv[2] === '--merge') merge(process.argv.slice(3));
else await run(Number(process.argv[2] ?? 0), Number(process.argv[3] ?? 1));
