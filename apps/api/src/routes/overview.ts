import { createRoute, z } from '@hono/zod-openapi';
import { Decimal, type Scenario, evaluatePlan } from '@fundladder/core';
import { readScenarioJson } from '@fundladder/app';
import type { Queryable } from '../db/store';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { problem } from '../http/problem';
import { fundIdParam, idParam, responses } from '../http/schemas';
import { listActuals } from '../repo/actuals';
import { getRun, listRuns } from '../repo/runs';
import { getVersion } from '../repo/scenarios';
import { ladderOf } from '../overview/ladder';
import { type PositionRow, coverOf, nextMaturities, openingPositions, positionOf, statutoryFindings } from '../overview/position';
import { DEFAULT_WARNING_THRESHOLDS, liquidByFundType, nextOutflows } from '../warnings/rules';

const yuan = z.string().openapi({ description: 'yuan as a decimal string to the fen' });
const rowSchema = z.object({ cash: yuan, liquidDeposits: yuan, termDeposits: yuan, bonds: yuan, total: yuan });
const amountSchema = z.object({ product: z.string(), termMonths: z.int(), amount: yuan });

const overviewSchema = z
  .object({
    scenarioVersionId: z.string(),
    scenarioName: z.string(),
    version: z.int(),
    asOf: z.string(),
    startMonth: z.string(),
    horizonMonths: z.int(),
    bankNames: z.record(z.string(), z.string()),
    position: z.object({ total: rowSchema, byFundType: z.array(rowSchema.extend({ fundType: z.string() })), byBank: z.array(rowSchema.extend({ bankId: z.string().nullable() })) }),
    cover: z.object({
      windowMonths: z.int(),
      threshold: z.string(),
      byFundType: z.array(z.object({ fundType: z.string(), liquid: yuan, meanOutflow: yuan.optional(), monthsCovered: z.string().optional(), months: z.array(z.object({ month: z.string(), outflow: yuan, source: z.enum(['actual', 'forecast']) })) })),
    }),
    maturities: z.array(z.object({ id: z.string(), fundType: z.string(), bankId: z.string().nullable(), product: z.string(), termMonths: z.int(), annualRate: z.string(), principal: yuan, maturityDate: z.string(), interest: yuan })),
    statutory: z.array(z.object({ accountId: z.string(), bankId: z.string().nullable(), fundType: z.string().nullable(), statutoryRule: z.string(), contractRate: z.string(), statutoryRate: z.string(), gapBp: z.string(), message: z.string() })),
    structural: z
      .object({ runId: z.string(), byFundType: z.array(z.object({ fundType: z.string(), structuralShortProbability: z.number(), structuralMedianFirstMonth: z.string().optional(), structuralMedianShort: yuan.optional() })) })
      .nullable()
      .openapi({ description: "the structural-gap facts of the newest finished optimize run on this version (null when none ran): a fund type's own money short on some check paths whatever is placed" }),
  })
  .openapi('Overview');

const overview = createRoute({
  method: 'get', path: '/api/funds/{fundId}/overview',
  summary: "The fund today from the exact ledger (nothing placed): position by fund type and bank, months of payouts covered, the next maturities, statutory-rate findings, and the newest optimize run's structural gaps; of the newest scenario version, or `version`",
  middleware: [requireRole('viewer')] as const,
  request: { params: z.object({ fundId: fundIdParam }), query: z.object({ version: z.string().regex(/^\d{1,18}$/).optional(), maturities: z.coerce.number().int().min(1).max(200).default(8) }) },
  responses: responses(200, 'the overview', overviewSchema),
});

const ladder = createRoute({
  method: 'get', path: '/api/funds/{fundId}/runs/{runId}/ladder',
  summary: "A finished optimize run's maturity ladder from the exact ledger: outstanding deposits and bonds by product and term at each month's end, and what comes back each month",
  middleware: [requireRole('viewer')] as const,
  request: { params: z.object({ fundId: fundIdParam, runId: idParam('runId') }) },
  responses: { ...responses(200, 'the ladder', z.object({ runId: z.string(), months: z.array(z.object({ month: z.string(), outstanding: z.array(amountSchema), maturing: z.array(amountSchema) })) }).openapi('MaturityLadder')), 409: { description: 'not a finished optimize run with a plan' } },
});

const money = (d: Decimal) => d.toFixed(2);
const rowWire = (r: PositionRow) => ({ cash: money(r.cash), liquidDeposits: money(r.liquidDeposits), termDeposits: money(r.termDeposits), bonds: money(r.bonds), total: money(r.total) });
const NOTHING_PLACED = { schemaVersion: 1, name: 'nothing placed', placements: [] };
const stressFacts = z.object({ stress: z.object({ byFundType: z.array(z.object({ fundType: z.string(), structuralShortProbability: z.number(), structuralMedianFirstMonth: z.string().optional(), structuralMedianShort: z.string().optional() })) }) });

/** The version asked for, or the fund's newest (the highest id of any of its scenarios), read and validated. */
async function versionOf(db: Queryable, fundId: string, versionId: string | undefined): Promise<{ id: string; version: number; scenarioName: string; scenario: Scenario } | undefined> {
  const id = versionId ?? (await db.query<{ id: string }>('select v.id from scenario_versions v join scenarios s on s.id = v.scenario_id where s.fund_id = $1 order by v.id desc limit 1', [fundId]))[0]?.id;
  if (id === undefined) return undefined;
  const v = await getVersion(db, fundId, String(id));
  if (!v) return undefined;
  const read = readScenarioJson(v.body);
  if (!read.ok) return undefined;
  const [s] = await db.query<{ name: string }>('select name from scenarios where id = $1', [v.scenarioId]);
  return { id: v.id, version: v.version, scenarioName: s!.name, scenario: read.value.scenario };
}

/** The structural-gap facts of the newest finished optimize run on `versionId`, if any. */
async function structuralOf(db: Queryable, fundId: string, versionId: string) {
  const run = (await listRuns(db, fundId, { limit: 200 })).find((r) => r.kind === 'optimize' && r.state === 'done' && r.scenarioVersionIds[0] === versionId);
  if (!run) return null;
  const full = await getRun(db, fundId, run.id, true);
  const facts = stressFacts.safeParse(full?.result);
  return facts.success ? { runId: run.id, byFundType: facts.data.stress.byFundType } : null;
}

export function overviewRoutes() {
  return router()
    .openapi(overview, async (c) => {
    const { fundId } = c.req.valid('param');
    const q = c.req.valid('query');
    const v = await versionOf(c.var.store, fundId, q.version);
    if (!v) return problem(c, 404, 'not_found', q.version ? 'no such scenario version in this fund' : 'this fund has no scenario yet') as never;
    const { scenario } = v;
    const ev = evaluatePlan(scenario, NOTHING_PLACED);
    if (!ev.ok) return problem(c, 409, 'not_evaluable', 'the ledger cannot run this scenario version', ev.issues) as never;
    const position = positionOf(scenario, openingPositions(ev.value));
    const actuals = (await listActuals(c.var.store, fundId)).map((a) => ({ month: a.month, fundType: a.fundType, outflow: new Decimal(a.outflow) }));
    const t = DEFAULT_WARNING_THRESHOLDS;
    const outflows = nextOutflows({ from: scenario.startMonth, months: t.coverWindowMonths, forecast: scenario.flows, actuals });
    const cover = coverOf(liquidByFundType(scenario.accounts), outflows);
    return c.json(
      {
        scenarioVersionId: v.id,
        scenarioName: v.scenarioName,
        version: v.version,
        asOf: scenario.asOf,
        startMonth: scenario.startMonth,
        horizonMonths: scenario.horizonMonths,
        bankNames: Object.fromEntries(scenario.banks.map((b) => [b.id, b.name])),
        position: {
          total: rowWire(position.total),
          byFundType: [...position.byFundType].map(([fundType, r]) => ({ fundType, ...rowWire(r) })),
          byBank: [...position.byBank].sort((a, b) => b[1].total.cmp(a[1].total)).map(([bankId, r]) => ({ bankId, ...rowWire(r) })),
        },
        cover: {
          windowMonths: t.coverWindowMonths,
          threshold: t.minMonthsCovered.toFixed(),
          byFundType: cover.map((x) => ({ fundType: x.fundType, liquid: money(x.liquid), ...(x.meanOutflow ? { meanOutflow: money(x.meanOutflow) } : {}), ...(x.monthsCovered ? { monthsCovered: x.monthsCovered.toFixed(2) } : {}), months: x.months.map((o) => ({ month: o.month, outflow: money(o.outflow), source: o.source })) })),
        },
        maturities: nextMaturities(ev.value, q.maturities).map((m) => ({ ...m, annualRate: m.annualRate.toString(), principal: money(m.principal), interest: money(m.interest) })),
        statutory: statutoryFindings(ev.value.report.findings),
        structural: await structuralOf(c.var.store, fundId, v.id),
      },
      200,
    );
  })
    .openapi(ladder, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    const run = await getRun(c.var.store, fundId, runId, true);
    if (!run) return problem(c, 404, 'not_found', 'no such run in this fund') as never;
    const plan = (run.result as { plan?: Record<string, unknown> } | null)?.plan;
    if (run.kind !== 'optimize' || run.state !== 'done' || !plan) return problem(c, 409, 'no_plan', `only a finished optimize run with a plan has a ladder; this is a ${run.state} ${run.kind} run`) as never;
    const version = await versionOf(c.var.store, fundId, run.scenarioVersionIds[0]);
    if (!version) return problem(c, 409, 'no_plan', 'the run’s scenario version cannot be read') as never;
    // The result's plan is the wire form of the plan the optimizer's ledger priced; plans as files carry their schema version.
    const ev = evaluatePlan(version.scenario, { schemaVersion: 1, ...plan });
    if (!ev.ok) return problem(c, 409, 'no_plan', 'the ledger cannot run this plan', ev.issues) as never;
    const wire = (xs: readonly { product: string; termMonths: number; amount: Decimal }[]) => xs.map((x) => ({ product: x.product, termMonths: x.termMonths, amount: money(x.amount) }));
    return c.json({ runId: run.id, months: ladderOf(ev.value).map((m) => ({ month: m.month, outstanding: wire(m.outstanding), maturing: wire(m.maturing) })) }, 200);
  });
}
