import { z } from 'zod';
import {
  type Decimal, type DomainIssue, type OutstandingAtMonthEnd, type Result, type Scenario, type Tender, AMOUNT_WARN_FROM_YUAN, Decimal as Dec, ZERO,
  allocateFen, allocateTranche, evaluatePlan, indexFlows, monthOrdinal, scoreBids, sum, tenderFloor, tenderMonth, liquidCeiling,
} from '@fundladder/core';
import { type JobContext, cancelledIssue, readScenarioJson } from './context';
import { scenarioRefOf } from './evaluation';
import { runOptimize } from './optimize';
import { runCompare } from './compare';
import { type TenderResult, tenderResult } from './tenderResult';

const DECIMAL_TEXT = /^\d+(\.\d{1,2})?$/;

/**
 * A tender (docs/tender.md): a scenario with a `tender` section, and the options of the optimizer's plan it is compared
 * with (as the compare job takes them). `totalAmount` (yuan, to the fen) overrides the scenario's `tender.totalAmount`;
 * without either, the period's total is what the optimizer places as new time deposits and CDs that month.
 */
export const tenderRequest = z.strictObject({
  kind: z.literal('tender'),
  scenario: z.unknown(),
  options: z
    .strictObject({
      totalAmount: z
        .string()
        .regex(DECIMAL_TEXT, 'is yuan as a plain decimal to the fen, e.g. "100000000.00"')
        .refine((t) => new Dec(t).lt(AMOUNT_WARN_FROM_YUAN), { error: 'is 10^15 yuan or more (more than all deposits in China)', params: { rule: 'plausibleAmount' } })
        .optional(),
      solver: z.enum(['highs', 'jsls']).default('highs'),
      confidence: z.number().min(0).lt(1).optional(),
      paths: z.int().min(0).max(20_000).optional(),
      planningPaths: z.int().min(0).max(20_000).optional(),
      seed: z.int().min(0).max(4_294_967_295).default(1),
    })
    .default({ solver: 'highs', seed: 1 }),
});
export type TenderRequest = z.input<typeof tenderRequest>;

/** The names the two plans carry (and the comparison's columns). */
export const TENDER_PLAN_NAMES = { optimizer: '优化器计划 optimizer’s plan', tender: '招标分配 tender allocation' } as const;

type PlanJson = { schemaVersion: 1; name: string; placements: Array<{ month: string; product: string; termMonths: number; bankId?: string; fundType?: string; amount: string; annualRate?: string; [k: string]: unknown }> };

const at = (prefix: readonly (string | number)[]) => (i: DomainIssue): DomainIssue => ({ ...i, path: [...prefix, ...i.path] });
const isTranche = (product: string) => product === 'timeDeposit' || product === 'largeCd';

/**
 * Splits a bank's amount among fund types in proportion to their parts of the optimizer's tranche (largest remainder,
 * to the fen); a part below the product's minimum joins the largest part, so no part breaks the minimum.
 */
function byFundType(amount: Decimal, shares: ReadonlyArray<readonly [string, Decimal]>, minimum: Decimal): Array<[string, Decimal]> {
  const parts = allocateFen(amount, shares.map(([, s]) => s)).map((p, k) => [shares[k]![0], p] as [string, Decimal]);
  const largest = parts.reduce((a, b) => (b[1].gt(a[1]) ? b : a));
  for (const p of parts) {
    if (p !== largest && p[1].gt(0) && p[1].lt(minimum)) {
      largest[1] = largest[1].plus(p[1]);
      p[1] = ZERO;
    }
  }
  return parts.filter(([, p]) => p.gt(0));
}

/**
 * The tender job (docs/tender.md): scores the bids and suspends those that trip a rule of [004] (core's `scoreBids`),
 * takes the optimizer's safe plan (the optimize job), splits the period's total by score within caps A, B and C given
 * everything else outstanding in that plan (holdings and the plan's other deposits, month by month over the tranche's
 * life: core's `allocateTranche`), writes the tender plan — the optimizer's plan with that month's new time deposits and
 * CDs replaced by the tender's split, each bank's amount divided among fund types as the optimizer's tranche was — and
 * runs both plans through the exact ledger on the same forecast paths (the compare job). Never throws on bad input.
 */
export async function runTender(request: TenderRequest, context: JobContext = {}): Promise<Result<TenderResult>> {
  const parsed = tenderRequest.safeParse(request);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ code: i.code, path: [...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: (i as { params?: { rule?: string } }).params?.rule ?? 'tenderRequest', message: i.message, ...((i as { input?: unknown }).input !== undefined ? { received: String((i as { input?: unknown }).input) } : {}) })) };
  const o = parsed.data.options;
  const read = readScenarioJson(parsed.data.scenario);
  if (!read.ok) return { ok: false, issues: read.issues.map(at(['scenario'])) };
  const scenario = read.value.scenario;
  if (!scenario.tender) return { ok: false, issues: [{ code: 'missing', path: ['scenario', 'tender'], rule: 'tenderSection', message: 'the scenario has no tender section (weights and bids)', received: 'nothing' }] };
  const covered = indexFlows(scenario, scenario.flows);
  if (!covered.ok) return { ok: false, issues: covered.issues.map(at(['scenario'])) };
  const withTender = scenario as Scenario & { tender: Tender };
  const t = withTender.tender;
  const month = tenderMonth(withTender);
  const scored = scoreBids(withTender);

  // The optimizer's plan, as `fundladder optimize` makes it (safe at the confidence asked).
  const optimized = await runOptimize({ kind: 'optimize', scenario: parsed.data.scenario, options: { solver: o.solver, seed: o.seed, ...(o.confidence !== undefined ? { confidence: o.confidence } : {}), ...(o.paths !== undefined ? { paths: o.paths } : {}), ...(o.planningPaths !== undefined ? { planningPaths: o.planningPaths } : {}) } }, context);
  if (!optimized.ok) return optimized;
  if (optimized.value.status !== 'optimal' || !optimized.value.plan) {
    return { ok: false, issues: [{ code: 'no_plan', path: ['scenario'], rule: 'tenderNeedsOptimizerPlan', message: `the optimizer found no plan (${optimized.value.status}) to compare the tender with`, received: optimized.value.status }, ...optimized.value.issues] };
  }
  if (context.signal?.aborted) return { ok: false, issues: [cancelledIssue('optimize')] };
  const optimizerPlan: PlanJson = { schemaVersion: 1, name: TENDER_PLAN_NAMES.optimizer, placements: optimized.value.plan.placements.map((p) => ({ ...p })) };

  // The optimizer's tranche that month, and its fund types' parts.
  const tranche = optimizerPlan.placements.filter((p) => p.month === month && isTranche(p.product));
  const rest: PlanJson = { ...optimizerPlan, placements: optimizerPlan.placements.filter((p) => !(p.month === month && isTranche(p.product))) };
  const optimizerTranche = sum(tranche.map((p) => new Dec(p.amount)));
  const fundParts = new Map<string, Decimal>();
  const optimizerByBank = new Map<string, Decimal>();
  for (const p of tranche) {
    fundParts.set(p.fundType ?? '', (fundParts.get(p.fundType ?? '') ?? ZERO).plus(p.amount));
    optimizerByBank.set(p.bankId!, (optimizerByBank.get(p.bankId!) ?? ZERO).plus(p.amount));
  }
  const askedFrom = o.totalAmount !== undefined ? 'request' : t.totalAmount !== undefined ? 'scenario' : 'optimizer';
  const asked = o.totalAmount !== undefined ? new Dec(o.totalAmount) : (t.totalAmount ?? optimizerTranche);
  if (asked.isZero()) {
    return { ok: false, issues: [{ code: 'nothing_to_allocate', path: ['scenario', 'tender', 'totalAmount'], rule: 'tenderTotal', message: `the optimizer places no time deposit in ${month} and no total is given: give tender.totalAmount or --total`, received: '0.00', monthKey: month }] };
  }
  if (scenario.policy.keepFundTypesApart && optimizerTranche.isZero()) {
    return { ok: false, issues: [{ code: 'missing', path: ['scenario', 'tender', 'totalAmount'], rule: 'keepFundTypesApart', message: `fund types are kept apart and the optimizer places nothing in ${month}, so whose money the tender places is unknown`, received: 'nothing', monthKey: month }] };
  }

  // What the caps see at each month end of the tranche's life: holdings and the rest of the optimizer's plan.
  const base = evaluatePlan(scenario, rest);
  if (!base.ok) return { ok: false, issues: base.issues };
  const first = monthOrdinal(month);
  const last = Math.min(first + t.termMonths - 1, monthOrdinal(scenario.startMonth) + scenario.horizonMonths - 1);
  const life: OutstandingAtMonthEnd[] = base.value.report.months
    .filter((m) => monthOrdinal(m.month) >= first && monthOrdinal(m.month) <= last)
    .map((m) => ({ month: m.month, byBank: m.timeDepositsByBank, total: sum(m.timeDepositsByBank.values()) }));
  // What the fund can lock up for the term, at every month end of the tranche's life under the rest of the plan (and,
  // kept apart, from each fund type's own money): above the liquid money there is no money to place (refused); above
  // the liquid money less the reserve, the reserve goes short (allowed, said, and priced by the payout-gap rows).
  const lifeLiquid = base.value.report.months
    .filter((m) => monthOrdinal(m.month) >= first && monthOrdinal(m.month) <= last)
    .map((m) => ({
      month: m.month, liquid: m.closingLiquid, reserve: m.reserveRequired,
      ...(scenario.policy.keepFundTypesApart ? { liquidByFundType: new Map(Object.entries(m.byFundType).map(([f, v]) => [f, v!.closingLiquid])) } : {}),
    }));
  const shares = [...fundParts].filter(([, s]) => s.gt(0)).map(([f, s]) => [f, s] as const);
  const apartShares = scenario.policy.keepFundTypesApart ? shares : [];
  const withinReserve = liquidCeiling(lifeLiquid, apartShares);
  const existing = liquidCeiling(lifeLiquid.map((m) => ({ ...m, reserve: ZERO })), apartShares);
  if (asked.gt(existing.amount)) {
    return { ok: false, issues: [{
      code: 'too_big', path: askedFrom === 'request' ? ['options', 'totalAmount'] : askedFrom === 'scenario' ? ['scenario', 'tender', 'totalAmount'] : ['options'], rule: 'tenderTotalWithinLiquidity',
      message: `a total of ${asked.toFixed(2)} yuan locked up from ${month} for ${t.termMonths} months is more than ${existing.fundType ? `the ${existing.fundType} fund's own` : 'the fund’s'} liquid money at the end of ${existing.month}: at most ${existing.amount.toFixed(2)} yuan exists to place`,
      received: asked.toFixed(2), limit: existing.amount.toFixed(2), monthKey: existing.month, ...(existing.fundType ? { fundType: existing.fundType } : {}),
    }] };
  }
  const banks = new Map(scenario.banks.map((b) => [b.id, b]));
  const taking = scored.filter((b) => !b.suspended && b.score !== undefined);
  const caps = { trancheShare: scenario.policy.caps.trancheShare, bankLocalDepositShare: scenario.policy.caps.bankLocalDepositShare, fundTimeDepositShare: scenario.policy.caps.fundTimeDepositShare, minBanks: scenario.policy.minBanks };
  const split = allocateTranche(asked, taking.map((b) => ({ bankId: b.bankId, score: b.score!, localGeneralDeposits: banks.get(b.bankId)!.localGeneralDeposits })), life, caps);

  // The tender plan: the rest of the optimizer's plan, and the tender's split in the tender's product and term.
  const minimum = t.product === 'largeCd' ? scenario.products.largeCd.minimumLot : scenario.products.timeDeposit.minimumAmount;
  const placements: TenderResult['placements'] = [];
  for (const b of taking) {
    const amount = split.amounts.get(b.bankId) ?? ZERO;
    if (!amount.gt(0)) continue;
    const parts: Array<[string, Decimal]> = shares.length ? byFundType(amount, shares, minimum) : [['', amount]];
    for (const [fundType, part] of parts) placements.push({ bankId: b.bankId, ...(fundType ? { fundType } : {}), amount: part, annualRate: b.quotedRate! });
  }
  const tenderPlan: PlanJson = {
    schemaVersion: 1,
    name: TENDER_PLAN_NAMES.tender,
    placements: [...rest.placements, ...placements.map((p) => ({ month, product: t.product, termMonths: t.termMonths, bankId: p.bankId, ...(p.fundType ? { fundType: p.fundType } : {}), amount: p.amount.toFixed(2), annualRate: p.annualRate.toFixed(), note: 'tender' }))],
  };
  if (context.signal?.aborted) return { ok: false, issues: [cancelledIssue('allocate')] };

  // Both plans in the same ledger, on the same forecast paths.
  const compared = await runCompare({
    kind: 'compare',
    scenarios: [parsed.data.scenario],
    columns: [{ scenario: 0, plan: { kind: 'given', plan: optimizerPlan } }, { scenario: 0, plan: { kind: 'given', plan: tenderPlan } }],
    options: { solver: o.solver, seed: o.seed, ...(o.confidence !== undefined ? { confidence: o.confidence } : {}), ...(o.paths !== undefined ? { paths: o.paths } : {}) },
  }, context);
  if (!compared.ok) return { ok: false, issues: compared.issues.map((i) => (i.path[0] === 'columns' && i.path[1] === 1 ? { ...i, path: ['tenderPlan', ...i.path.slice(2)] } : i)) };
  const column = (name: string) => compared.value.columns.find((c) => c.plan === name);
  const mine = column(TENDER_PLAN_NAMES.tender)?.ledger;
  const theirs = column(TENDER_PLAN_NAMES.optimizer)?.ledger;

  const placed = split.placed;
  const value: TenderResult = {
    kind: 'tender',
    scenario: scenarioRefOf(scenario),
    month,
    product: t.product,
    termMonths: t.termMonths,
    ...(t.source ? { source: t.source } : {}),
    weights: t.weights,
    rateScore: t.rateScore,
    ...(tenderFloor(t, scenario) ? { floor: tenderFloor(t, scenario)! } : {}),
    total: { asked, askedFrom, placed, unplaced: split.unplaced, optimizerTranche, withinReserve: { amount: withinReserve.amount, month: withinReserve.month, ...(withinReserve.fundType ? { fundType: withinReserve.fundType } : {}) } },
    bids: scored.map((b) => {
      const amount = split.amounts.get(b.bankId) ?? ZERO;
      const limit = split.limits.get(b.bankId);
      return {
        bankId: b.bankId,
        ...(b.quotedRate ? { quotedRate: b.quotedRate } : {}),
        quoteSource: b.quoteSource,
        suspended: b.suspended,
        reasons: [...b.reasons],
        ...(b.marks ? { marks: { ...b.marks } } : {}),
        ...(b.score ? { score: b.score } : {}),
        amount,
        share: placed.gt(0) ? amount.div(placed).toDecimalPlaces(6, Dec.ROUND_HALF_UP) : ZERO,
        ...(limit ? { limit: limit.limit, limitRule: limit.rule, ...(limit.month ? { limitMonth: limit.month } : {}) } : {}),
        capped: split.capped.has(b.bankId),
        optimizerAmount: optimizerByBank.get(b.bankId) ?? ZERO,
      };
    }),
    noBid: scenario.banks.map((b) => b.id).filter((id) => !t.bids.some((b) => b.bankId === id)),
    placements,
    comparison: compared.value,
    ...(mine && theirs ? { interestDifference: mine.interest.minus(theirs.interest) } : {}),
    plans: { ...TENDER_PLAN_NAMES },
  };
  const checked = tenderResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}

