import type { DomainIssue, Result } from '../issues';
import { monthOrdinal } from '../dates/monthKey';
import { defaultCouponFrequency } from '../interest/bondCoupon';
import { dayOfMonth } from '../dates/isoDate';
import type { Scenario } from './scenario';
import { type Plan, planSchema } from './plan';
import { parseInput } from './zodIssues';
import { bondYieldOn, quotedRate } from './lookup';
import type { ResolvedPlacement } from '../rules/types';

/**
 * Parses a plan and resolves each placement against the scenario: the bank exists, the month is in
 * the horizon, the fund type is the scenario's, and a rate is known (the plan's, the bank's quote in
 * force on the placement day, or the bond yield). These are the problems that make a plan impossible
 * to price; rule breaks (caps, minimums, suspended banks…) are not checked here but by the ledger,
 * which reports every one of them.
 */
export function resolvePlan(json: unknown, scenario: Scenario): Result<{ plan: Plan; placements: ResolvedPlacement[] }> {
  const parsed = parseInput(planSchema, json);
  if (!parsed.ok) return parsed;
  const plan = parsed.value;
  const issues: DomainIssue[] = [];
  const banks = new Map(scenario.banks.map((b) => [b.id, b] as const));
  const start = monthOrdinal(scenario.startMonth);
  const placements: ResolvedPlacement[] = [];
  plan.placements.forEach((p, index) => {
    const path = (field: string) => ['placements', index, field];
    const before = issues.length;
    const o = monthOrdinal(p.month);
    if (o < start || o >= start + scenario.horizonMonths) {
      issues.push({ code: 'out_of_range', path: path('month'), rule: 'placementInHorizon', message: `month outside the scenario's horizon (${scenario.startMonth} + ${scenario.horizonMonths} months)`, received: p.month });
    }
    if (p.fundType && !scenario.fundTypes.includes(p.fundType)) {
      issues.push({ code: 'unknown_reference', path: path('fundType'), rule: 'knownFundType', message: 'fund type not in the scenario', received: p.fundType });
    }
    if (!p.fundType && scenario.policy.keepFundTypesApart) {
      issues.push({ code: 'missing', path: path('fundType'), rule: 'keepFundTypesApart', message: 'the policy keeps fund types apart, so each placement must name its fund type', received: 'nothing' });
    }
    const bank = p.bankId ? banks.get(p.bankId) : undefined;
    if (p.product !== 'govBond') {
      if (!p.bankId) issues.push({ code: 'missing', path: path('bankId'), rule: 'depositAtBank', message: 'a deposit must name its bank', received: 'nothing' });
      else if (!bank) issues.push({ code: 'unknown_reference', path: path('bankId'), rule: 'knownBank', message: 'no bank with this id in the scenario', received: p.bankId });
    }
    const day = dayOfMonth(p.month, scenario.timing.placementDay);
    let annualRate = p.annualRate;
    let couponFrequency = p.couponFrequency ?? 0;
    if (p.product === 'govBond') {
      const y = bondYieldOn(scenario, p.termMonths, day);
      annualRate ??= y?.annualRate;
      couponFrequency = p.couponFrequency ?? y?.couponFrequency ?? defaultCouponFrequency(p.termMonths);
    } else if (bank) {
      annualRate ??= quotedRate(bank, p.product, p.termMonths, day);
    }
    if (annualRate === undefined && issues.length === before) {
      issues.push({ code: 'missing_rate', path: path('annualRate'), rule: 'knownRate', message: p.product === 'govBond' ? `no bond yield for ${p.termMonths} months in force on ${day}, and the plan gives no rate` : `bank ${p.bankId} quotes no ${p.product} for ${p.termMonths} months on ${day}, and the plan gives no rate`, received: 'nothing' });
    }
    if (issues.length === before && annualRate !== undefined) {
      placements.push({ index, month: p.month, product: p.product, termMonths: p.termMonths, bankId: p.bankId, fundType: p.fundType, amount: p.amount, annualRate, couponFrequency, bondKind: p.bondKind ?? 'bookEntry' });
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: { plan, placements } };
}
