// Rolling vs static safe plan on many out-of-sample paths (docs/optimizer.md §15, §16), split over
// processes: `npx tsx bench/rollingStudy.ts FROM COUNT > part.json` runs paths FROM … FROM+COUNT−1 of the check paths
// `fundladder optimize --seed 7` draws; `npx tsx bench/rollingStudy.ts --merge part*.json` prints the summary. It does
// what `fundladder optimize SCENARIO --rolling --rolling-paths N --seed 7` does on one core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Decimal, Decimal as Dec, type Scenario, addMonthsToKey, monthOrdinal, scenarioSchema, toWire } from '@fundladder/core';
import { compareRolling, floorsFor, pathsNeededFor, planSafely } from '@fundladder/optimizer';
import { forecastFlowPaths, forecastMeanFlows, forecastPathFloats, planningSeed } from '@fundladder/app';

const ROOT = join(import.meta.dirname, '..');
const SEED = 7;
const CONFIDENCE = 0.99;

interface Row { staticInterest: string; rollingInterest: string; staticShort: boolean; rollingShort: boolean; staticPlanCaused: boolean; rollingPlanCaused: boolean; elastic: number }

async function run(from: number, count: number): Promise<void> {
  const t0 = performance.now();
  const scenario = scenarioSchema.parse(JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')));
  const planning = forecastPathFloats(scenario, { paths: 1000, seed: planningSeed(SEED) });
  const check = forecastFlowPaths(scenario, { paths: Math.max(pathsNeededFor(CONFIDENCE), from + count), seed: SEED });
  if (!planning.ok || !check.ok) throw new Error('no paths');
  const policy = { ...scenario.policy.safety, confidence: CONFIDENCE };
  const safe = await planSafely(scenario, { planningPaths: planning.value, checkPaths: check.value, safety: policy, compareWithMeanPlan: false });
  if (!safe.ok || safe.value.result.status !== 'optimal') throw new Error(`no static safe plan: ${JSON.stringify(safe.ok ? safe.value.result.status : safe.issues)}`);
  const horizonEnd = addMonthsToKey(scenario.startMonth, scenario.horizonMonths);
  const cmp = await compareRolling(scenario, safe.value.result.plan, check.value.slice(from, from + count), {
    planFlows: (start, history) => (start === scenario.startMonth ? scenario.flows.filter((f) => f.month >= start) : forecastMeanFlows(history, scenario.fundTypes, start, monthOrdinal(horizonEnd) - monthOrdinal(start))),
    safetyFor: (replan: Scenario, start) => {
      if (start === scenario.startMonth) return safe.value.floors;
      const drawn = forecastPathFloats(replan, { paths: Math.max(200, pathsNeededFor(CONFIDENCE)), seed: planningSeed(SEED + monthOrdinal(start)) });
      return drawn.ok ? floorsFor(replan, drawn.value, { ...policy, horizonMonths: undefined }) : undefined;
    },
    onProgress: (done, total) => process.stderr.write(`\r${done}/${total}`),
  });
  const rows: Row[] = cmp.rows.map((r) => ({ staticInterest: r.staticInterest.toFixed(2), rollingInterest: r.rollingInterest.toFixed(2), staticShort: r.staticFirstShort !== undefined, rollingShort: r.rollingFirstShort !== undefined, staticPlanCaused: r.staticPlanCaused, rollingPlanCaused: r.rollingPlanCaused, elastic: r.failedSteps.length }));
  console.log(JSON.stringify({ from, count, wallMs: performance.now() - t0, replans: cmp.replans, elasticReplans: cmp.elasticReplans, staticInterestOnMeanFlows: safe.value.result.ledgerInterest.toFixed(2), rows: toWire(rows) }));
}

function merge(files: string[]): void {
  const parts = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as { wallMs: number; replans: number; elasticReplans: number; rows: Row[] });
  const rows = parts.flatMap((p) => p.rows);
  const n = rows.length;
  const stats = (interest: (r: Row) => string, short: (r: Row) => boolean, caused: (r: Row) => boolean) => {
    const sorted: Decimal[] = rows.map((r) => new Dec(interest(r))).sort((a, b) => a.cmp(b));
    const mean = sorted.reduce((a, b) => a.plus(b), new Dec(0)).div(n);
    return { payoutGap: rows.filter(short).length / n, planCaused: rows.filter(caused).length / n, meanWan: mean.div(10_000).toFixed(2), p5Wan: sorted[Math.max(0, Math.ceil(0.05 * n) - 1)]!.div(10_000).toFixed(2) };
  };
  console.log(JSON.stringify({
    paths: n,
    wallSecondsSum: parts.reduce((a, p) => a + p.wallMs, 0) / 1000,
    wallSecondsMax: Math.max(...parts.map((p) => p.wallMs)) / 1000,
    replans: parts.reduce((a, p) => a + p.replans, 0),
    elasticReplans: parts.reduce((a, p) => a + p.elasticReplans, 0),
    static: stats((r) => r.staticInterest, (r) => r.staticShort, (r) => r.staticPlanCaused),
    rolling: stats((r) => r.rollingInterest, (r) => r.rollingShort, (r) => r.rollingPlanCaused),
  }, null, 1));
}

if (process.argv[2] === '--merge') merge(process.argv.slice(3));
else await run(Number(process.argv[2] ?? 0), Number(process.argv[3] ?? 1));
