// The compare job (docs/app.md §1): scenarios compared side by side, each optimized safely with the same options and
// run on the same forecast paths, risk first, the interest difference broken down by product and by bank; plans of one
// scenario as before. The sample county and a variant whose one bank quotes more (examples/county-fund/scenario.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { type Decimal, ZERO } from '@fundladder/core';
import sampleJson from '../../../../examples/county-fund/scenario.json' with { type: 'json' };
import planJson from '../../../../examples/county-fund/plan.json' with { type: 'json' };
import { columnLabel } from '../messages/compare';
import { type CompareResult, compareResult } from './compareResult';
import { type CompareRequest, runCompare } from './compare';

/** The sample with psbc's 1-year time deposit quoted at `rate` (0.0098 in the sample). */
function psbcOneYearAt(rate: string): typeof sampleJson {
  const s = structuredClone(sampleJson);
  const quote = s.banks.find((b) => b.id === 'psbc')!.quotes.find((q) => q.product === 'timeDeposit' && 'termMonths' in q && q.termMonths === 12)!;
  quote.annualRate = rate;
  return s;
}
const variant = psbcOneYearAt('0.0150');
const sum = (m: ReadonlyMap<string, Decimal>) => [...m.values()].reduce((a, d) => a.plus(d), ZERO);

async function compare(request: CompareRequest): Promise<CompareResult> {
  const r = await runCompare(request);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('runCompare: the sample against a variant whose one bank quotes more (psbc 1-year 0.98% → 1.50%), each optimized safely', () => {
  let result: CompareResult;
  const stages = new Set<string>();
  beforeAll(async () => {
    const r = await runCompare({ kind: 'compare', scenarios: [sampleJson, variant], columns: [{ scenario: 0, plan: { kind: 'optimized' } }, { scenario: 1, plan: { kind: 'optimized' } }], options: { paths: 200, planningPaths: 400, seed: 7 } }, { onProgress: (p) => stages.add(p.stage) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    result = r.value;
  }, 180_000);

  it('labels each column by its scenario’s name, made unique (the two used to read the same); both on the same paths, risk stated', () => {
    const [a, b] = result.columns;
    expect(result.columns.map((c) => c.label)).toEqual([sampleJson.name, `${sampleJson.name} (2)`]);
    expect(columnLabel(b!, result.scenarios, 'zh')).toBe(`${sampleJson.name}（2）`);
    expect(result.paths).toEqual({ seed: 7, check: 200, planning: 400, groups: [{ scenarios: [0, 1], distinctPaths: 200 }], samePaths: true });
    for (const c of [a!, b!]) {
      expect(c).toMatchObject({ status: 'optimal', source: { kind: 'optimized' }, confidence: 0.99, pathGroup: 0 });
      expect(c.stress).toMatchObject({ paths: 200, outOfSample: true });
      expect(c.stress!.planCausedShortProbability).toBeDefined();
      expect(c.stress!.structuralShortProbability).toBeDefined();
      expect(c.safe).toBe(c.stress!.planCausedShortProbability! <= 0.01 + 1e-12);
      expect(c.meanLargestShort!.lte(c.stress!.largestShort)).toBe(true);
    }
    expect([...stages]).toEqual(expect.arrayContaining(['paths', 'optimize', 'nothingPlaced', 'check']));
  });

  it('the difference from the first column adds up: by product to the interest received, by bank with the bonds (held at no bank)', () => {
    const [a, b] = result.columns;
    const d = b!.vsFirst!;
    expect(a!.vsFirst).toBeUndefined();
    expect(d.interest.eq(b!.ledger!.interest.minus(a!.ledger!.interest))).toBe(true);
    expect(d.interestReceived.eq(b!.ledger!.interestReceived.minus(a!.ledger!.interestReceived))).toBe(true);
    expect(sum(d.interestByProduct).eq(d.interestReceived)).toBe(true);
    // The liquid-balance lines are the ledger's months; their lowest point is the column's lowest liquid money.
    for (const c of [a!, b!]) {
      expect(c.ledger!.liquidity).toHaveLength(result.scenarios[c.scenario]!.horizonMonths);
      expect(c.ledger!.liquidity[0]!.month).toBe(result.scenarios[c.scenario]!.startMonth);
      expect(c.ledger!.liquidity.reduce((m, x) => (x.closingLiquid.lt(m) ? x.closingLiquid : m), c.ledger!.liquidity[0]!.closingLiquid).eq(c.ledger!.lowestLiquid)).toBe(true);
    }
    expect(sum(d.interestByBank).plus(d.interestByProduct.get('govBond') ?? ZERO).eq(d.interestReceived)).toBe(true);
    // Measured at seed 7: the bank that now pays more for a year gets more of the fund's interest (+73,868.28 yuan).
    expect(d.interestByBank.get('psbc')!.gt(0)).toBe(true);
  });

  it('survives encode → JSON → decode unchanged, and structuredClone of its wire form', () => {
    const wire = compareResult.encode(result);
    const text = JSON.stringify(wire);
    expect(compareResult.decode(JSON.parse(text))).toEqual(result);
    expect(structuredClone(wire)).toEqual(wire);
  });
});

describe('runCompare: plans given', () => {
  it('the same plan in both scenarios: the time deposits at the bank whose quote changed earn the difference (exact ledger)', async () => {
    const r = await compare({ kind: 'compare', scenarios: [sampleJson, variant], columns: [{ scenario: 0, plan: { kind: 'given', plan: planJson } }, { scenario: 1, plan: { kind: 'given', plan: planJson } }], options: { paths: 0 } });
    expect(r.paths.check).toBe(0);
    const d = r.columns[1]!.vsFirst!;
    // The plan's 1-year deposits at psbc at 1.50% instead of 0.98%; what they bring back earns demand and agreed interest.
    expect(d.interestByProduct.get('timeDeposit')!.toFixed(2)).toBe('274560.00');
    expect(d.interestByBank.get('psbc')!.toFixed(2)).toBe('275080.11');
    expect(d.interestByBank.get('citic')!.toFixed(2)).toBe('0.00');
    expect(r.columns.every((c) => c.stress === undefined && c.safe === undefined)).toBe(true);
  });

  it('scenarios whose histories differ get paths of their own (the same seed), and the result says they are not the same paths', async () => {
    const other = structuredClone(sampleJson);
    const last = other.history.at(-1)!;
    last.inflow = (Number(last.inflow) + 1000).toFixed(2);
    const r = await compare({ kind: 'compare', scenarios: [sampleJson, other], columns: [0, 1].map((scenario) => ({ scenario, plan: { kind: 'given' as const, plan: planJson } })), options: { paths: 20 } });
    expect(r.paths.samePaths).toBe(false);
    expect(r.paths.groups.map((g) => g.scenarios)).toEqual([[0], [1]]);
    expect(r.columns.map((c) => c.pathGroup).sort()).toEqual([0, 1]);
  }, 60_000);

  it('plans of one scenario: two plans of the same name get different labels; baselines by their policy', async () => {
    const r = await compare({ kind: 'compare', scenarios: [sampleJson], columns: [{ scenario: 0, plan: { kind: 'given', plan: planJson } }, { scenario: 0, plan: { kind: 'given', plan: planJson } }, { scenario: 0, plan: { kind: 'baseline', policy: 'oneYearEven' } }], options: { paths: 0 } });
    expect(r.columns.map((c) => c.label)).toEqual([planJson.name, `${planJson.name} (2)`, 'all idle money in 1-year time deposits, split evenly across eligible banks']);
    expect(columnLabel(r.columns[2]!, r.scenarios, 'zh')).toBe('闲置资金全部存1年期定期，平均分给各合格银行');
    expect(r.columns[1]!.vsFirst!.interest.isZero()).toBe(true);
    // The baseline breaks rules on the sample (its reserve rule is not the policy's); the count is by rule.
    expect([...r.columns[2]!.ledger!.ruleBreaks.keys()].length).toBeGreaterThan(0);
  });
});

describe('runCompare refuses bad requests with the field named, and honours cancellation', () => {
  const optimized = (scenario: number) => ({ scenario, plan: { kind: 'optimized' as const } });

  it('an unknown option, a column naming no scenario, too many optimized columns: issues at their paths in the request', async () => {
    const unknown = await runCompare({ kind: 'compare', scenarios: [sampleJson], columns: [optimized(0)], options: { path: 5 } } as never);
    expect(unknown.ok || unknown.issues[0]!.path).toEqual(['request', 'options']);
    const missing = await runCompare({ kind: 'compare', scenarios: [sampleJson], columns: [optimized(2)] });
    expect(missing.ok || missing.issues.map((i) => i.path)).toEqual([['request', 'columns', 0, 'scenario']]);
    const many = await runCompare({ kind: 'compare', scenarios: [sampleJson], columns: [0, 0, 0, 0, 0].map(optimized) });
    expect(many.ok || many.issues.map((i) => i.path)).toEqual([['request', 'columns']]);
  });

  it('a bad plan and a misspelt scenario key are named by where they are in the request, all reported together', async () => {
    const badPlan = { ...planJson, placements: [{ ...planJson.placements[0]!, amount: '-5' }] };
    const misspelt = { ...structuredClone(sampleJson), policy: { ...sampleJson.policy, reserv: sampleJson.policy.reserve } };
    const r = await runCompare({ kind: 'compare', scenarios: [sampleJson, misspelt], columns: [{ scenario: 0, plan: { kind: 'given', plan: badPlan } }, optimized(1)] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path.slice(0, 2))).toContainEqual(['scenarios', 1]);
    expect(r.issues.map((i) => i.path)).toContainEqual(['columns', 0, 'plan', 'placements', 0, 'amount']);
  });

  it('too few paths for the confidence: says how many are needed, before any work', async () => {
    const r = await runCompare({ kind: 'compare', scenarios: [sampleJson], columns: [optimized(0)], options: { confidence: 0.999, paths: 200, planningPaths: 200 } });
    expect(r.ok || r.issues.map((i) => [i.path.join('.'), i.limit])).toContainEqual(['paths', '2000']);
  });

  it('a cancelled job returns the issue "cancelled", not a comparison', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await runCompare({ kind: 'compare', scenarios: [sampleJson, variant], columns: [optimized(0), optimized(1)], options: { paths: 200, planningPaths: 200 } }, { signal: controller.signal });
    expect(r.ok || r.issues[0]!.code).toBe('cancelled');
  });
});
