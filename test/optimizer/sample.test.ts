// On the sample county fund (examples/county-fund; figures in docs/optimizer.md §11): the optimized plan beats two simple
// policies priced by the same ledger, and the infeasible variant (reserve of 12 months) is explained.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, Decimal, evaluatePlan, validateScenario } from '@fundladder/core';
import { type OptimizeResult, baselinePlan, bindingFacts, explainInfeasible, optimize, rolloverPlan } from '@fundladder/optimizer';
import { bindingLine, infeasibilityLines, namesOf } from '@fundladder/app';
import { ROOT } from '../cli/harness';

const json = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, 'examples/county-fund', file), 'utf8'));

function load(file: string): Scenario {
  const s = validateScenario(json(file));
  if (!s.ok) throw new Error(JSON.stringify(s.issues));
  return s.value;
}

describe('optimizer on the sample county fund', () => {
  const scenario = load('scenario.json');
  let result: OptimizeResult;
  beforeAll(async () => {
    result = await optimize(scenario);
  }, 120_000);

  it('finds an optimal plan that the ledger checks: no rule broken, LP and ledger within tolerance', () => {
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(result.evaluation.report.issues).toEqual([]);
    expect(result.verification?.ok).toBe(true);
    expect(result.ledgerInterest.minus(result.lpInterest).abs().div(result.ledgerInterest).toNumber()).toBeLessThan(0.02);
  });

  it('pools the fund types, then splits every placement so that each fund type pays from its own money', async () => {
    if (result.status !== 'optimal') throw new Error(result.status);
    expect(result.optimality.strategy).toBe('pooled+split');
    // Every placement names its fund type, and the ledger (which checks each fund type's cash every day) found nothing.
    expect(result.plan.placements.every((p) => p.fundType)).toBe(true);
    // The bound holds, and the two-stage plan is within 1.5% of it.
    expect(result.optimality.bound.gte(result.lpInterest)).toBe(true);
    expect(result.optimality.gap).toBeLessThan(0.015);
    // Against the per-fund-type LP solved in one piece (measured 4,132.44万 vs 4,126.37万 on 2026-11-23).
    const joint = await optimize(scenario, { fundTypes: 'joint' });
    if (joint.status !== 'optimal') throw new Error(joint.status);
    expect(joint.optimality.strategy).toBe('joint');
    expect(result.ledgerInterest.div(joint.ledgerInterest).toNumber()).toBeGreaterThan(0.995);
    expect(joint.lpInterest.lte(result.optimality.bound)).toBe(true);
  }, 120_000);

  it('turns the first quarter into a to-do list: what matures, what to place, why, and the liquidity left', () => {
    if (result.status !== 'optimal') throw new Error(result.status);
    const ro = rolloverPlan(result);
    expect(ro.months).toEqual(['2026-01', '2026-02', '2026-03']);
    // Every maturity in the quarter is one the ledger closed, with its interest.
    expect(ro.maturities.length).toBeGreaterThan(0);
    for (const m of ro.maturities) expect(m.date >= '2026-01-01' && m.date < '2026-04-01').toBe(true);
    // The to-do list's placements are exactly the plan's first-quarter placements.
    const planned = result.plan.placements.filter((p) => p.month <= '2026-03');
    expect(ro.placements).toHaveLength(planned.length);
    expect(ro.placements.reduce((a, p) => a + p.amount.toNumber(), 0)).toBeCloseTo(planned.reduce((a, p) => a + Number(p.amount), 0), 2);
    for (const p of ro.placements) {
      expect(p.annualRate.lte(p.bestRateForTerm)).toBe(true);
      expect(p.why.zh.length).toBeGreaterThan(0);
    }
    expect(ro.liquidity.map((l) => l.liquid.gte(l.reserve))).toEqual([true, true, true]);
  });

  it('explains an infeasibility that comes from a forecast reserve with that same reserve', async () => {
    // 50亿 of extra reserve every month: more than the fund has.
    const extraReserve = Array.from({ length: scenario.horizonMonths }, () => new Decimal('5000000000'));
    const r = await optimize(scenario, { extraReserve });
    expect(r.status).toBe('infeasible');
    const why = await explainInfeasible(scenario, { extraReserve });
    expect(why.shortfalls.some((x) => x.rule === 'liquidityReserve' && x.monthKey === '2026-01')).toBe(true);
    // Without it the sample needs no bend at all.
    expect((await explainInfeasible(scenario)).shortfalls).toEqual([]);
  }, 120_000);

  it('keeps large CDs in whole steps above the minimum lot where the scenario sets a lot increment', async () => {
    const withSteps: Scenario = { ...scenario, products: { ...scenario.products, largeCd: { ...scenario.products.largeCd, lotIncrement: new Decimal('1000000') } } };
    const r = await optimize(withSteps);
    if (r.status !== 'optimal') throw new Error(JSON.stringify(r.issues.slice(0, 2)));
    const cds = r.plan.placements.filter((p) => p.product === 'largeCd');
    expect(cds.length).toBeGreaterThan(0);
    for (const p of cds) expect(new Decimal(p.amount).minus(withSteps.products.largeCd.minimumLot).mod(1_000_000).isZero(), p.amount).toBe(true);
    expect(r.evaluation.report.issues).toEqual([]);
  }, 120_000);

  it('beats both simple policies (1-year even split; 3/6/12 ladder), all priced by the same ledger', () => {
    if (result.status !== 'optimal') throw new Error(result.status);
    for (const policy of ['oneYearEven', 'ladder3612'] as const) {
      const ev = evaluatePlan(scenario, baselinePlan(scenario, policy));
      if (!ev.ok) throw new Error(JSON.stringify(ev.issues));
      expect(result.ledgerInterest.gt(ev.value.report.totals.interestEarned), policy).toBe(true);
    }
  });

  it('says which rules bind and what an extra month of reserve costs, banks by the scenario\'s names', () => {
    const facts = bindingFacts(result);
    const lines = facts.map((f) => bindingLine(f, 'en', namesOf(json('scenario.json'), 'en')));
    expect(lines[0]).toMatch(/each extra month of payouts kept in reserve costs about [\d,.]+万/);
    // Each binding cap at a bank names it as the scenario does ("中国工商银行示例县支行"), never by its id.
    const zh = namesOf(json('scenario.json'), 'zh');
    const caps = facts.flatMap((f) => (f.kind === 'cap' ? [f] : []));
    expect(caps.length).toBeGreaterThan(0);
    for (const f of caps) {
      const bank = scenario.banks.find((b) => b.id === f.bankId)!;
      expect(bindingLine(f, 'zh', zh)).toMatch(new RegExp(`^${f.month} ${bank.name} 的上限`));
    }
  });

  it('refuses the pure-JS solver for a model this size, naming the limit', async () => {
    const r = await optimize(scenario, { solver: 'jsls' });
    expect(r.status).toBe('error');
    if (r.status === 'optimal') return;
    expect(r.issues[0]!.message).toMatch(/offered only up to 100 variables/);
  });

  it('explains the infeasible variant (reserve of 12 months of payouts): month, shortfall, rule', async () => {
    const variant = load('scenario-reserve-12m.json');
    const r = await optimize(variant);
    expect(r.status).toBe('infeasible');
    const why = await explainInfeasible(variant);
    expect(why.shortfalls[0]).toMatchObject({ monthKey: '2026-01', rule: 'liquidityReserve' });
    expect(why.shortfalls[0]!.shortWan).toBeGreaterThan(10_000);
    expect(infeasibilityLines(why, 'zh', namesOf(json('scenario-reserve-12m.json'), 'zh'))[0]).toContain('从 2026-01 起不可行');
  }, 60_000);
});
