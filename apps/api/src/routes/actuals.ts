import { createRoute, z } from '@hono/zod-openapi';
import { Decimal } from '@fundladder/core';
import { readScenarioJson } from '@fundladder/app';
import { checkActualRows } from '../actuals/checkRows';
import { variance } from '../actuals/variance';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { bodyIssues, problem } from '../http/problem';
import { fundIdParam, jsonBody, responses } from '../http/schemas';
import { knownFundTypes, listActuals, saveActuals } from '../repo/actuals';
import { lockFund } from '../repo/fundLock';
import { getVersion } from '../repo/scenarios';
import { applyWarnings } from '../repo/warnings';
import { coverOutcome } from '../warnings/evaluate';
import { DEFAULT_WARNING_THRESHOLDS } from '../warnings/rules';
import { warningSchema } from './warnings';

const params = z.object({ fundId: fundIdParam });
const yuan = (description: string) => z.string().max(40).openapi({ description, example: '32364955.00' });

export const actualSchema = z
  .object({ id: z.string(), fundId: z.string(), month: z.string(), fundType: z.string(), inflow: z.string(), outflow: z.string(), source: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string(), supersededBy: z.string().nullable() })
  .openapi('Actual');
const figuresSchema = z.object({ forecast: z.string().nullable(), actual: z.string(), variance: z.string().nullable(), variancePercent: z.string().nullable() });

const record = createRoute({
  method: 'post', path: '/api/funds/{fundId}/actuals',
  summary: "Record a batch of monthly actuals (实际收支), yuan as decimal strings: all rows or none. A row for a month and fund type already recorded is a correction (a new row superseding the old)",
  middleware: [requireRole('planner')] as const,
  request: {
    params,
    body: jsonBody(z.strictObject({
      rows: z.array(z.strictObject({ month: z.string().max(20).openapi({ example: '2026-01' }), fundType: z.string().max(64).openapi({ example: 'employeePension' }), inflow: yuan('yuan received in the month'), outflow: yuan('yuan paid out in the month') })).min(1).max(5000),
      /** Where the figures come from (a ledger export, a bank statement). */
      source: z.string().max(500).optional(),
      /** Check fund types against this scenario's latest version (default: the latest version of each of the fund's scenarios). */
      scenario: z.string().min(1).max(200).optional(),
    })),
  },
  responses: responses(201, 'the rows recorded, the rows they superseded, rows equal to the figures in force (not recorded again), and the warnings this changed', z.object({
    actuals: z.array(actualSchema), superseded: z.array(z.object({ id: z.string(), supersededBy: z.string() })), unchanged: z.array(z.object({ month: z.string(), fundType: z.string(), id: z.string() })),
    warnings: z.object({ opened: z.array(warningSchema), cleared: z.array(warningSchema) }),
  })),
});
const list = createRoute({
  method: 'get', path: '/api/funds/{fundId}/actuals', summary: "The fund's actuals by month and fund type: the figures in force, or with `history=true` every row (a corrected row names the row that superseded it)",
  middleware: [requireRole('viewer')] as const, request: { params, query: z.object({ history: z.enum(['true', 'false']).default('false') }) },
  responses: responses(200, 'actuals', z.object({ actuals: z.array(actualSchema) })),
});
const varianceRoute = createRoute({
  method: 'get', path: '/api/funds/{fundId}/variance', summary: "Forecast (the scenario version's expected `flows`) against the actuals in force, per month and fund type, in yuan and in % of the forecast",
  middleware: [requireRole('viewer')] as const, request: { params, query: z.object({ scenarioVersion: z.string().regex(/^\d{1,18}$/) }) },
  responses: responses(200, 'variance', z.object({
    scenarioVersion: z.string(),
    rows: z.array(z.object({ month: z.string(), fundType: z.string(), inflow: figuresSchema, outflow: figuresSchema })),
    totals: z.array(z.object({ fundType: z.string(), months: z.number(), inflow: figuresSchema, outflow: figuresSchema })),
  })),
});

export function actualRoutes() {
  // The default thresholds, as the runner's hook uses them (src/main.ts): both evaluations judge alike.
  const thresholds = DEFAULT_WARNING_THRESHOLDS;
  return router()
    .openapi(record, async (c) => {
    const { fundId } = c.req.valid('param');
    const body = c.req.valid('json');
    // Check and record under the fund's lock in one transaction: a refused row, or a failure, records no row.
    const out = await c.var.store.transaction(async (tx) => {
      await lockFund(tx, fundId);
      const known = await knownFundTypes(tx, fundId, body.scenario);
      if (!known) return { ok: false as const, status: 422 as const, code: 'unknown_scenario', message: `the fund has no scenario named ${body.scenario}`, issues: [{ code: 'unknown_reference', path: ['scenario'], rule: 'scenarioOfFund', message: 'no scenario of this name in this fund', received: body.scenario! }] };
      const checked = checkActualRows(body.rows, known.fundTypes, known.scenarios);
      if (!checked.ok) return { ok: false as const, status: 422 as const, code: 'invalid_actuals', message: 'a row breaks a rule: nothing was recorded', issues: checked.issues };
      const saved = await saveActuals(tx, { fundId, rows: checked.value, source: body.source ?? null, createdBy: c.var.user!.name });
      const cover = await coverOutcome(tx, fundId, thresholds);
      const changes = cover ? await applyWarnings(tx, fundId, [cover]) : { opened: [], cleared: [] };
      return { ok: true as const, saved, warnings: { opened: changes.opened, cleared: changes.cleared } };
    });
    if (!out.ok) return problem(c, out.status, out.code, out.message, bodyIssues(out.issues)) as never;
    return c.json({ actuals: out.saved.saved, superseded: out.saved.superseded, unchanged: out.saved.unchanged, warnings: out.warnings }, 201);
  })
    .openapi(list, async (c) => {
    const { fundId } = c.req.valid('param');
    return c.json({ actuals: await listActuals(c.var.store, fundId, { history: c.req.valid('query').history === 'true' }) }, 200);
  })
    .openapi(varianceRoute, async (c) => {
    const { fundId } = c.req.valid('param');
    const { scenarioVersion } = c.req.valid('query');
    const version = await getVersion(c.var.store, fundId, scenarioVersion);
    if (!version) return problem(c, 404, 'not_found', 'no such scenario version in this fund', [{ code: 'unknown_reference', path: ['query', 'scenarioVersion'], rule: 'scenarioVersionOfFund', message: 'no scenario version with this id in this fund', received: scenarioVersion }]) as never;
    const read = readScenarioJson(version.body);
    if (!read.ok) return problem(c, 500, 'internal', 'the stored scenario version does not read', read.issues) as never;
    const actuals = (await listActuals(c.var.store, fundId)).map((a) => ({ month: a.month, fundType: a.fundType, inflow: new Decimal(a.inflow), outflow: new Decimal(a.outflow) }));
    return c.json({ scenarioVersion: version.id, ...variance(read.value.scenario.flows, actuals) }, 200);
  });
}
