import { createRoute, z } from '@hono/zod-openapi';
import { readScenarioJson } from '@fundladder/app';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { bodyIssues, problem } from '../http/problem';
import { fundIdParam, idParam, jsonBody, responses, scenarioSummarySchema, scenarioVersionSchema } from '../http/schemas';
import { addVersion, createScenario, getScenario, getVersion, listScenarios } from '../repo/scenarios';

const params = z.object({ fundId: fundIdParam });
const list = createRoute({ method: 'get', path: '/api/funds/{fundId}/scenarios', summary: "The fund's scenarios, each with its latest version", middleware: [requireRole('viewer')] as const, request: { params }, responses: responses(200, 'scenarios', z.object({ scenarios: z.array(scenarioSummarySchema) })) });
const create = createRoute({
  method: 'post', path: '/api/funds/{fundId}/scenarios', summary: 'A new scenario: its first version, checked as `fundladder validate` checks it', middleware: [requireRole('planner')] as const,
  request: { params, body: jsonBody(z.strictObject({ name: z.string().min(1).max(200), body: z.unknown().openapi({ description: 'the scenario JSON (its JSON Schema: `fundladder schema scenario`)' }), note: z.string().max(2000).optional() })) },
  responses: responses(201, 'created', z.object({ scenario: scenarioSummarySchema, version: scenarioVersionSchema, warnings: z.array(z.unknown()) })),
});
const one = createRoute({ method: 'get', path: '/api/funds/{fundId}/scenarios/{scenarioId}', summary: 'A scenario and all its versions', middleware: [requireRole('viewer')] as const, request: { params: params.extend({ scenarioId: idParam('scenarioId') }) }, responses: responses(200, 'the scenario', z.object({ scenario: scenarioSummarySchema, versions: z.array(scenarioVersionSchema) })) });
const edit = createRoute({
  method: 'post', path: '/api/funds/{fundId}/scenarios/{scenarioId}/versions', summary: 'An edit: a new version (versions are never changed). Refused with 409 when `baseVersion` is not the latest', middleware: [requireRole('planner')] as const,
  request: { params: params.extend({ scenarioId: idParam('scenarioId') }), body: jsonBody(z.strictObject({ baseVersion: z.int().min(1), body: z.unknown(), note: z.string().max(2000).optional() })) },
  responses: responses(201, 'the new version', z.object({ version: scenarioVersionSchema, warnings: z.array(z.unknown()) })),
});
const version = createRoute({ method: 'get', path: '/api/funds/{fundId}/scenario-versions/{versionId}', summary: 'One version with its body', middleware: [requireRole('viewer')] as const, request: { params: params.extend({ versionId: idParam('versionId') }) }, responses: responses(200, 'the version', scenarioVersionSchema) });

export function scenarioRoutes() {
  return router()
    .openapi(list, async (c) => c.json({ scenarios: await listScenarios(c.var.store, c.req.valid('param').fundId) }, 200))
    .openapi(create, async (c) => {
    const { fundId } = c.req.valid('param');
    const body = c.req.valid('json');
    const checked = readScenarioJson(body.body);
    if (!checked.ok) return problem(c, 422, 'invalid_scenario', 'the scenario breaks a rule', bodyIssues(checked.issues, ['body'])) as never;
    const created = await c.var.store.transaction(async (tx) => {
      const v = await createScenario(tx, { fundId, name: body.name, body: body.body, ...(body.note ? { note: body.note } : {}), createdBy: c.var.user!.name });
      return v ? { version: v, scenario: (await getScenario(tx, fundId, v.scenarioId))!.summary } : undefined;
    });
    if (!created) return problem(c, 409, 'exists', `the fund has a scenario named ${body.name}: add a version to it instead`) as never;
    return c.json({ ...created, warnings: bodyIssues(checked.value.warnings, ['body']) }, 201);
  })
    .openapi(one, async (c) => {
    const { fundId, scenarioId } = c.req.valid('param');
    const s = await getScenario(c.var.store, fundId, scenarioId);
    return s ? c.json({ scenario: s.summary, versions: s.versions }, 200) : (problem(c, 404, 'not_found', 'no such scenario in this fund') as never);
  })
    .openapi(edit, async (c) => {
    const { fundId, scenarioId } = c.req.valid('param');
    const body = c.req.valid('json');
    const checked = readScenarioJson(body.body);
    if (!checked.ok) return problem(c, 422, 'invalid_scenario', 'the scenario breaks a rule', bodyIssues(checked.issues, ['body'])) as never;
    const r = await c.var.store.transaction((tx) => addVersion(tx, { fundId, scenarioId, baseVersion: body.baseVersion, body: body.body, ...(body.note ? { note: body.note } : {}), createdBy: c.var.user!.name }));
    if (!r.ok && r.reason === 'notFound') return problem(c, 404, 'not_found', 'no such scenario in this fund') as never;
    if (!r.ok) return problem(c, 409, 'stale_version', `version ${r.latest} is the latest, not ${body.baseVersion}: someone saved a newer version; reload it and edit that`, [{ code: 'conflict', path: ['baseVersion'], rule: 'editLatestVersion', message: 'not the latest version', received: String(body.baseVersion), limit: String(r.latest) }]) as never;
    return c.json({ version: r.version, warnings: bodyIssues(checked.value.warnings, ['body']) }, 201);
  })
    .openapi(version, async (c) => {
    const { fundId, versionId } = c.req.valid('param');
    const v = await getVersion(c.var.store, fundId, versionId);
    return v ? c.json(v, 200) : (problem(c, 404, 'not_found', 'no such scenario version in this fund') as never);
  });
}
