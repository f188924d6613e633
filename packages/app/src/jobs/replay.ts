import { z } from 'zod';
import {
  type DomainIssue, type Evaluation, type MonthKey, type MonthlyFlow, type Result, type Scenario, Decimal, ZERO, addMonthsToKey, evaluatePlan, indexFlows, monthOrdinal,
} from '@fundladder/core';
import { explainInfeasible, optimize, rollingPlan } from '@fundladder/optimizer';
import { forecastMeanFlows } from '../paths';
import { scenarioRefOf } from './evaluation';
import { type JobContext, cancelledIssue, readFlowsJson, readScenarioJson } from './context';
import { withHorizon } from './optimize';
import { infeasibilityLines } from '../messages/infeasibility';
import { wordIssue } from '../messages/issues';
import { namesOf } from '../messages/names';

/**
 * Replay a past plan against what happened (docs/audit.md "Replay"): the scenario as it stood when the plan was made,
 * the plan, and the actual monthly flows. The replay runs over the months the actuals cover from the scenario's start.
 */
export const replayRequest = z.strictObject({
  kind: z.literal('replay'),
  scenario: z.unknown(),
  plan: z.unknown(),
  /** The actual flows (JSON as `readFlowsJson` takes it; the CLI reads a flows CSV and hands the rows on). */
  actuals: z.unknown(),
  options: z
    .strictObject({
      solver: z.enum(['highs', 'jsls']).default('highs'),
      /** Re-optimize knowing the actual flows (the best plan with hindsight). */
      hindsight: z.boolean().default(true),
      /** Re-plan every `stepMonths` with only what was known then (docs/optimizer.md §15). */
      rolling: z.boolean().default(true),
      stepMonths: z.int().min(1).max(12).default(3),
    })
    .default({ solver: 'highs', hindsight: true, rolling: true, stepMonths: 3 }),
});
export type ReplayRequest = z.input<typeof replayRequest>;

// The result's schemas live in replayResult.ts (no engine there), for `@fundladder/app/wire`.
export { type ReplayResult, type ReplaySide, payoutGap, replayResult, replaySide, reserveBreach, rollingStep } from './replayResult';
import { type ReplayResult, type ReplaySide, replayResult } from './replayResult';

/** The replayed months: from the scenario's start as far as every fund type's actuals run without a gap, within the horizon. */
function monthsCovered(scenario: Scenario, actuals: readonly MonthlyFlow[]): number {
  const have = new Set(actuals.map((f) => `${f.month}/${f.fundType}`));
  let n = 0;
  while (n < scenario.horizonMonths && scenario.fundTypes.every((ft) => have.has(`${addMonthsToKey(scenario.startMonth, n)}/${ft}`))) n++;
  return n;
}

/** The plan JSON without the placements made from `end` on (counted). A plan that is not an object is left to `evaluatePlan` to refuse. */
function planWithin(plan: unknown, end: MonthKey): { plan: unknown; dropped: number } {
  if (typeof plan !== 'object' || plan === null || !Array.isArray((plan as { placements?: unknown }).placements)) return { plan, dropped: 0 };
  const placements = (plan as { placements: unknown[] }).placements;
  const keep = placements.filter((p) => typeof (p as { month?: unknown })?.month !== 'string' || (p as { month: string }).month < end);
  return { plan: { ...(plan as object), placements: keep }, dropped: placements.length - keep.length };
}

/** A plan's ledger run as the replay shows it. */
function sideOf(ev: Evaluation): ReplaySide {
  const { report } = ev;
  const gaps = report.issues.filter((i) => i.rule === 'cashNotNegative' && i.amount !== undefined);
  const breaches = report.issues.filter((i) => i.rule === 'liquidityReserve' && i.amount !== undefined);
  const fen = (text: string | undefined) => new Decimal(text ?? '0');
  return {
    plan: ev.plan.name,
    placements: ev.placements.length,
    interest: report.totals.interestEarned,
    interestReceived: report.totals.interestReceived,
    payoutGaps: gaps.map((i) => ({ date: i.date ?? '', month: i.monthKey ?? '', fundType: i.fundType ?? '', amount: fen(i.amount) })),
    largestGap: gaps.reduce((a, i) => (fen(i.amount).gt(a) ? fen(i.amount) : a), ZERO),
    reserveBreaches: breaches.map((i) => ({ month: i.monthKey ?? '', ...(i.fundType ? { fundType: i.fundType } : {}), liquid: fen(i.received), required: fen(i.limit), short: fen(i.amount) })),
    issues: [...report.issues],
  };
}

/**
 * The replay job: the past plan priced by the exact ledger on the actual flows (interest earned, every payout gap and
 * reserve breach), against the plan the optimizer would have chosen knowing those flows (hindsight) and the plans it
 * would have chosen re-planning each quarter on what was known then (rolling: the scenario's budget at the start, the
 * forecast refitted on the history so far at each later quarter, the budget where the forecast cannot be fitted). The
 * interest forgone is each of those minus the past plan's interest, all from the ledger.
 * Progress stages: `actual`, `hindsight`, `rolling` (one step per re-plan). Bad input is an issue naming its field.
 */
export async function runReplay(request: ReplayRequest, context: JobContext = {}): Promise<Result<ReplayResult>> {
  const parsed = replayRequest.safeParse(request);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ code: i.code, path: ['request', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'replayRequest', message: i.message })) };
  const o = parsed.data.options;
  const input = readScenarioJson(parsed.data.scenario);
  if (!input.ok) return input;
  const { scenario: full, warnings } = input.value;
  const read = readFlowsJson(parsed.data.actuals);
  if (!read.ok) return { ok: false, issues: read.issues.map((i) => ({ ...i, path: ['actuals', ...i.path.slice(1)] })) };
  const count = monthsCovered(full, read.value);
  if (count === 0) {
    return { ok: false, issues: [{ code: 'missing', path: ['actuals'], rule: 'actualsFromStart', message: `the actuals must start at the scenario's first month ${full.startMonth}, with a row for every fund type`, received: read.value[0]?.month ?? 'nothing', limit: full.startMonth }] };
  }
  const scenario = withHorizon(full, count);
  // The screens show the hindsight issues, why there is no hindsight plan and the warnings as they come: worded here,
  // banks and fund types by the scenario's names.
  const names = { zh: namesOf(parsed.data.scenario, 'zh'), en: namesOf(parsed.data.scenario, 'en') };
  const end = addMonthsToKey(scenario.startMonth, count);
  const actuals = read.value.filter((f) => monthOrdinal(f.month) < monthOrdinal(end) && scenario.fundTypes.includes(f.fundType));
  const covered = indexFlows(scenario, actuals);
  if (!covered.ok) return covered;
  const { signal, onProgress } = context;
  const { plan, dropped } = planWithin(parsed.data.plan, end);
  onProgress?.({ stage: 'actual', done: 0, total: 1 });
  const past = evaluatePlan(scenario, plan, actuals);
  if (!past.ok) return past;
  const actual = sideOf(past.value);
  onProgress?.({ stage: 'actual', done: 1, total: 1 });

  let hindsight: ReplaySide | undefined;
  let hindsightIssues: DomainIssue[] | undefined;
  let hindsightWhy: ReplayResult['hindsightWhy'];
  if (o.hindsight) {
    if (signal?.aborted) return { ok: false, issues: [cancelledIssue('hindsight')] };
    onProgress?.({ stage: 'hindsight', done: 0, total: 1 });
    const known = { ...scenario, flows: actuals };
    const best = await optimize(known, { solver: o.solver, flows: actuals });
    if (best.status === 'optimal') hindsight = sideOf(best.evaluation);
    else hindsightIssues = best.issues.map((i) => wordIssue(i, names));
    // "No plan with hindsight" alone leaves the reader asking why: what happened that no plan could keep every rule
    // (payouts beyond the money, the reserve the actual payouts asked), as `fundladder optimize` explains it.
    if (best.status === 'infeasible') {
      const why = await explainInfeasible(known, { flows: actuals });
      hindsightWhy = { zh: infeasibilityLines(why, 'zh', names.zh), en: infeasibilityLines(why, 'en', names.en) };
    }
    onProgress?.({ stage: 'hindsight', done: 1, total: 1 });
  }

  let rolling: ReplayResult['rolling'];
  if (o.rolling) {
    if (signal?.aborted) return { ok: false, issues: [cancelledIssue('rolling')] };
    const expected = new Map<string, 'budget' | 'forecast'>();
    const budget = (start: MonthKey) => scenario.flows.filter((f) => monthOrdinal(f.month) >= monthOrdinal(start));
    const r = await rollingPlan(scenario, {
      solver: o.solver,
      realised: actuals,
      stepMonths: o.stepMonths,
      planFlows: (start, history) => {
        if (start !== scenario.startMonth) {
          try {
            const flows = forecastMeanFlows(history, scenario.fundTypes, start, monthOrdinal(end) - monthOrdinal(start));
            expected.set(start, 'forecast');
            return flows;
          } catch {
            // Too little history to fit a forecast: the planner had the budget then, as at the start.
          }
        }
        expected.set(start, 'budget');
        return budget(start);
      },
      onProgress: (done, total) => onProgress?.({ stage: 'rolling', done, total }),
    });
    rolling = { ...sideOf(r.realised), steps: r.steps.map((s) => ({ start: s.start, status: s.status, placements: s.placements.length, expected: expected.get(s.start) ?? 'budget' })) };
  }

  const value: ReplayResult = {
    kind: 'replay',
    scenario: scenarioRefOf(scenario),
    months: { from: scenario.startMonth, to: addMonthsToKey(scenario.startMonth, count - 1), count },
    droppedPlacements: dropped,
    actual,
    ...(hindsight ? { hindsight } : {}),
    ...(hindsightIssues ? { hindsightIssues } : {}),
    ...(hindsightWhy ? { hindsightWhy } : {}),
    ...(rolling ? { rolling } : {}),
    forgone: { ...(hindsight ? { vsHindsight: hindsight.interest.minus(actual.interest) } : {}), ...(rolling ? { vsRolling: rolling.interest.minus(actual.interest) } : {}) },
    warnings: warnings.map((w) => wordIssue(w, names)),
  };
  const checked = replayResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}
