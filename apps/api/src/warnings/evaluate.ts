// Gathers the facts the warning rules need (docs/api.md, "Early warnings") from the store and a finished run's result, runs the
// rules, and stores what they find. Evaluated after every finished run (the runner's `onFinished`) and on every batch
// of actuals (in the batch's own transaction).
import { Decimal, type Scenario, addMonthsToDate, dayOfMonth, monthKey, parseInput, planSchema } from '@fundladder/core';
import { type EvaluationSummary, decodeResult, readScenarioJson } from '@fundladder/app';
import type { Queryable, Store } from '../db/store';
import { listActuals } from '../repo/actuals';
import { lockFund } from '../repo/fundLock';
import { getRun } from '../repo/runs';
import { getVersion } from '../repo/scenarios';
import { type WarningChanges, applyWarnings } from '../repo/warnings';
import { type PlannedPlacement, type RuleOutcome, type WarningHit, type WarningThresholds, DEFAULT_WARNING_THRESHOLDS, bankCapNear, belowStatutoryRate, liquidByFundType, maturityUnplaced, monthsCovered, nextOutflows, structuralGap } from './rules';

/** The thresholds in force: the defaults, with any given replaced. */
export function thresholdsOf(given: Partial<WarningThresholds> = {}): WarningThresholds {
  return { ...DEFAULT_WARNING_THRESHOLDS, ...given };
}

/** Adds where a hit's facts came from to its detail. */
const stamped = (hits: readonly WarningHit[], source: Record<string, string>): WarningHit[] => hits.map((h) => ({ ...h, detail: { ...h.detail, ...source } }));

/** The fund's newest scenario version (the highest id of any of its scenarios), read. */
async function newestScenario(db: Queryable, fundId: string): Promise<{ versionId: string; scenario: Scenario } | undefined> {
  const [row] = await db.query<{ id: string; body: unknown }>('select v.id, v.body from scenario_versions v join scenarios s on s.id = v.scenario_id where s.fund_id = $1 order by v.id desc limit 1', [fundId]);
  if (!row) return undefined;
  const read = readScenarioJson(row.body);
  return read.ok ? { versionId: String(row.id), scenario: read.value.scenario } : undefined;
}

/**
 * (a) on the fund's newest scenario version: each fund type's liquid money (its accounts' balances as of the
 * scenario's `asOf`) against its mean payout over the first `coverWindowMonths` months from the scenario's start, each
 * month's payout the recorded actual where there is one, else the scenario's forecast. Undefined (not evaluated) when the
 * fund has no scenario.
 */
export async function coverOutcome(db: Queryable, fundId: string, thresholds: WarningThresholds): Promise<RuleOutcome | undefined> {
  const newest = await newestScenario(db, fundId);
  if (!newest) return undefined;
  const { scenario } = newest;
  const actuals = (await listActuals(db, fundId)).map((a) => ({ month: a.month, fundType: a.fundType, outflow: new Decimal(a.outflow) }));
  const outflows = nextOutflows({ from: scenario.startMonth, months: thresholds.coverWindowMonths, forecast: scenario.flows, actuals });
  const hits = monthsCovered({ liquidByFundType: liquidByFundType(scenario.accounts), outflows, threshold: thresholds.minMonthsCovered });
  return { rule: 'monthsCovered', hits: stamped(hits, { scenarioVersionId: newest.versionId, asOf: scenario.asOf }) };
}

/**
 * Rules (b)–(e) on a finished run, each only where the run's result carries its facts:
 * (b) bank cap use and (d) statutory-rate findings from the ledger evaluation (evaluate runs, and optimize runs with a
 * plan); (c) maturities from the run's scenario version against the plan (an evaluate run's request, an optimize run's
 * result); (e) the structural short probability per fund type from an optimize run's stress summary.
 */
export async function runOutcomes(db: Queryable, fundId: string, runId: string, thresholds: WarningThresholds): Promise<RuleOutcome[]> {
  const run = await getRun(db, fundId, runId, true);
  if (!run || run.state !== 'done') return [];
  const decoded = decodeResult(run.result);
  if (!decoded.ok) return [];
  const result = decoded.value;
  const versionId = run.scenarioVersionIds[0];
  const version = versionId ? await getVersion(db, fundId, versionId) : undefined;
  const read = version ? readScenarioJson(version.body) : undefined;
  const scenario = read?.ok ? read.value.scenario : undefined;

  let evaluation: EvaluationSummary | undefined;
  let placements: { month: string; fundType?: string | undefined; amount: Decimal }[] | undefined;
  let outcomes: RuleOutcome[] = [];
  if (result.kind === 'evaluate') {
    evaluation = result.evaluation;
    const plan = parseInput(planSchema, (run.request as { plan?: unknown }).plan);
    if (plan.ok) placements = plan.value.placements.map((p) => ({ month: p.month, fundType: p.fundType, amount: p.amount }));
  } else if (result.kind === 'optimize') {
    evaluation = result.evaluation;
    if (result.plan) placements = result.plan.placements.map((p) => ({ month: p.month, fundType: p.fundType, amount: new Decimal(p.amount) }));
    if (result.stress) outcomes.push({ rule: 'structuralGap', hits: structuralGap(result.stress.byFundType) });
  } else return [];

  if (evaluation) {
    outcomes.push({ rule: 'bankCapNear', hits: bankCapNear({ capUse: evaluation.kpis.bankCapUsage, share: thresholds.capUseShare, bankNames: evaluation.scenario.bankNames }) });
    outcomes.push({ rule: 'belowStatutoryRate', hits: belowStatutoryRate(evaluation.findings) });
  }
  if (placements && scenario) {
    const maturities = scenario.holdings.map((h) => ({ id: h.id, fundType: h.fundType, bankId: h.bankId, product: h.product, principal: h.principal, maturityDate: addMonthsToDate(h.startDate, h.termMonths) }));
    // A month's placements are made on the scenario's placement day (docs/ledger.md).
    const planned: PlannedPlacement[] = placements.map((p) => ({ date: dayOfMonth(monthKey(p.month), scenario.timing.placementDay), fundType: p.fundType, amount: p.amount }));
    outcomes.push({ rule: 'maturityUnplaced', hits: maturityUnplaced({ asOf: scenario.asOf, windowDays: thresholds.maturityWindowDays, maturities, placements: planned }) });
  }
  const source = { runId: run.id, runKind: run.kind, ...(versionId ? { scenarioVersionId: versionId } : {}) };
  outcomes = outcomes.map((o) => ({ rule: o.rule, hits: stamped(o.hits, source) }));
  return outcomes;
}

/** Evaluates every rule a finished run informs, and (a) on the fund's newest scenario, in one transaction. */
export async function evaluateAfterRun(store: Store, runId: string, fundId: string, thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS): Promise<WarningChanges> {
  return store.transaction(async (tx) => {
    await lockFund(tx, fundId);
    const outcomes = await runOutcomes(tx, fundId, runId, thresholds);
    const cover = await coverOutcome(tx, fundId, thresholds);
    return applyWarnings(tx, fundId, cover ? [...outcomes, cover] : outcomes);
  });
}

/**
 * The runner's `onFinished` hook (src/main.ts, tests): evaluates the warnings after each finished run. A failure is
 * logged, never thrown into the runner (the run itself is finished and stored).
 */
export function warningsOnFinished(store: Store, thresholds: Partial<WarningThresholds> = {}): (runId: string, fundId: string) => Promise<void> {
  const t = thresholdsOf(thresholds);
  return async (runId, fundId) => {
    try {
      await evaluateAfterRun(store, runId, fundId, t);
    } catch (e) {
      console.error(`warnings after run ${runId} of ${fundId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
