import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ScenarioInput, addMonthsToKey, monthKey, monthKeyRange, scenarioSchema } from '@fundladder/core';
import { buildLadderModel, poolFundTypes, prepareLadderData } from '@fundladder/optimizer';
import { type BenchRow, measure } from './measure';
import { benchSolvers } from './solvers.bench';

const ROOT = join(import.meta.dirname, '..');

/**
 * The sample county fund stretched to `months` months (flows after the sample's 36 repeat its last
 * year) with `banks` eligible banks (the sample's eligible banks cloned with new ids), built into the
 * real ladder model.
 */
export function sampleLadderScenario(months: number, banks: number) {
  const input = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as ScenarioInput & Record<string, unknown>;
  const start = monthKey(input.startMonth as string);
  const keys = monthKeyRange(start, addMonthsToKey(start, months - 1));
  const flows = input.flows as Array<{ month: string; fundType: string }>;
  const byKey = new Map(flows.map((f) => [`${f.month}/${f.fundType}`, f]));
  const stretched = keys.flatMap((m, k) => (input.fundTypes as string[]).map((ft) => ({ ...byKey.get(`${k < 36 ? m : addMonthsToKey(m, -12 * Math.ceil((k - 35) / 12))}/${ft}`)!, month: m })));
  const eligible = (input.banks as Array<{ id: string; status: string }>).filter((b) => b.status === 'eligible');
  // Clones get their quotes nudged by 0.3 bp each, so that no two banks are identical (identical banks make
  // the LP massively degenerate, which no real county has).
  const cloned = Array.from({ length: banks }, (_, i) => {
    const src = eligible[i % eligible.length] as unknown as { quotes: Array<{ annualRate: string }> };
    return { ...eligible[i % eligible.length]!, id: `bank${i + 1}`, quotes: src.quotes.map((q) => ({ ...q, annualRate: (Number(q.annualRate) + i * 0.00003).toFixed(6) })) };
  });
  const accounts = (input.accounts as Array<{ bankId: string }>).map((a, i) => ({ ...a, bankId: cloned[i % cloned.length]!.id }));
  const holdings = (input.holdings as Array<{ bankId?: string; product: string }>).map((h, i) => (h.product === 'govBond' ? h : { ...h, bankId: cloned[i % cloned.length]!.id }));
  // With fewer banks than the Shenzhen rules assume, cap C and the minimum bank count are loosened to what the banks allow.
  const policy = { ...(input.policy as object), minBanks: Math.min(5, banks - 1), caps: { fundTimeDepositShare: String(Math.max(0.2, Math.ceil(100 / (banks - 1)) / 100)) } };
  return scenarioSchema.parse({ ...input, horizonMonths: months, flows: stretched, banks: cloned, accounts, holdings, policy });
}

/**
 * The model `optimize()` solves first (its default): data prepared from the scenario by core's rules,
 * the fund types pooled, the LP built (minimum lots left to the rounding rounds, as `optimize` does).
 * Everything from the parsed scenario to the LP counts as "build".
 */
export function pooledLadderModel(scenario: ReturnType<typeof sampleLadderScenario>) {
  return buildLadderModel(poolFundTypes(prepareLadderData(scenario)), { lots: 'ignore' }).model;
}

/**
 * Model size and solve times on the real model, on a grid of 12/36/60/120 months × 3/8/20 banks,
 * the pooled LP that `optimize()` solves first (docs/optimizer.md §8). The second stage (each placement
 * split among fund types) is a small model of its own, timed in the sample row below.
 */
export async function benchOptimizer(): Promise<BenchRow[]> {
  const scenarios = new Map<string, ReturnType<typeof sampleLadderScenario>>();
  const build = (months: number, banks: number) => {
    const key = `${months}x${banks}`;
    if (!scenarios.has(key)) scenarios.set(key, sampleLadderScenario(months, banks));
    return pooledLadderModel(scenarios.get(key)!);
  };
  const rows = await benchSolvers(build, process.env.FL_BENCH_QUICK ? { horizons: [12, 60], banks: [3, 8] } : {});
  // The 60 × 8 build, split: coefficients from core's exact rules (prepareLadderData) and the LP itself.
  const scenario = scenarios.get('60x8') ?? sampleLadderScenario(60, 8);
  const data = prepareLadderData(scenario);
  rows.push({ ...measure('  build 60×8, of which prepareLadderData', 9, 2, () => prepareLadderData(scenario)), note: 'coefficients by core\'s Decimal rule functions' });
  rows.push({ ...measure('  build 60×8, of which pool + LP rows', 9, 2, () => buildLadderModel(poolFundTypes(data), { lots: 'ignore' })), note: 'variables, rows, names' });
  return rows;
}
