import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { AMOUNT_UNITS, type ImportIssue, STATEMENT_SHEETS, TEXT_ENCODINGS, formatImportIssue, readStatement, readTable, runAuditInterest, statementOf } from '@fundladder/app';
import type { Context } from 'hono';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { hashJson } from '../http/hash';
import { bodyIssues, problem } from '../http/problem';
import { fundIdParam, responses, runSchema } from '../http/schemas';
import { createRun } from '../repo/runs';
import { resolveRunRequest } from '../runRequest';
import type { RunRouteOptions } from './runs';

const params = z.object({ fundId: fundIdParam });
const form = z.strictObject({
  /** The bank's interest statement (计息清单) as it sent it: CSV in UTF-8 or GBK, or an .xlsx workbook. */
  statement: z.instanceof(File).openapi({ type: 'string', format: 'binary' }),
  /** The stored scenario version whose accounts, banks and statutory reading the statement is audited against. */
  scenarioVersion: z.string().regex(/^\d{1,18}$/),
  /** The unit of amount columns whose header declares none (`余额（元）` declares its own). */
  unit: z.enum(AMOUNT_UNITS).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  /** A workbook's sheet; absent: the first named like 结息/利息/清单/interest/statement, else the first. */
  sheet: z.string().min(1).max(100).optional(),
});

const create = createRoute({
  method: 'post', path: '/api/funds/{fundId}/audits', summary: "Audit a bank's interest statement (利息复核, docs/audit.md §2): upload it with the scenario version to audit against; its lines are read as `fundladder audit-interest` reads them and an auditInterest run is queued (202; follow it with GET …/runs/{runId}, its events, and …/runs/{runId}/export.xlsx for the report)", middleware: [requireRole('planner')] as const,
  request: { params, body: { required: true, content: { 'multipart/form-data': { schema: form } } } },
  responses: { ...responses(202, 'queued (or the identical earlier run, `reused: true`, with 200)', z.object({ run: runSchema, reused: z.boolean() })), 200: { description: 'the identical earlier run', content: { 'application/json': { schema: z.object({ run: runSchema, reused: z.boolean() }) } } } },
});

/**
 * 422 for a statement that cannot be read: every bad cell at its file, row and column (`path` and the `file`, `row`,
 * `column` facts), each with its sentence in both languages, the place first (`q2.csv:3:实付利息（元）: …`).
 */
function unreadable(c: Context, issues: readonly ImportIssue[]) {
  const worded = issues.map((i) => ({ ...i, text: { zh: formatImportIssue(i, 'zh'), en: formatImportIssue(i, 'en') } }));
  return c.json({ error: { code: 'unreadable_statement', message: 'the statement cannot be read: every issue names its file, row and column' }, issues: worded }, 422);
}

/**
 * The interest audit over HTTP: the statement file and a scenario version in, an `auditInterest` run out. The file is
 * read by the application layer's `readTable` + `readStatement` (the CLI's reader: GBK or UTF-8, units from the header),
 * the request is the CLI's (`statementOf`) with the scenario by reference and the file's name and sha256, and it is
 * resolved and stored as `POST …/runs` stores a run, so the run-following routes and the export serve it.
 */
export function auditRoutes(options: RunRouteOptions = {}) {
  return router().openapi(create, async (c) => {
    const { fundId } = c.req.valid('param');
    const f = c.req.valid('form');
    const bytes = new Uint8Array(await f.statement.arrayBuffer());
    const file = f.statement.name || 'statement.csv';
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const table = await readTable({ bytes, file, ...(f.encoding ? { encoding: f.encoding } : {}), ...(f.sheet ? { sheet: f.sheet } : {}) }, STATEMENT_SHEETS);
    if (!table.ok) return unreadable(c, table.issues) as never;
    const lines = readStatement(table.value, f.unit ? { unit: f.unit } : {});
    if (!lines.ok) return unreadable(c, lines.issues) as never;

    const body = { kind: 'auditInterest', scenario: { scenarioVersion: f.scenarioVersion }, statement: statementOf(table.value, lines.value, sha256) };
    const resolved = await resolveRunRequest(c.var.store, fundId, body);
    if (!resolved.ok) return problem(c, 422, 'invalid_request', 'the audit request breaks a rule', bodyIssues(resolved.issues)) as never;
    // A line the audit cannot recompute (an account the scenario lacks, a 积数 a rate change would split) refuses the
    // whole statement, named by its row: said now, while the file is in hand, rather than as a failed run. The audit
    // of a statement takes milliseconds; the run recomputes it and keeps the result.
    const checked = await runAuditInterest(resolved.value.request as Parameters<typeof runAuditInterest>[0]);
    if (!checked.ok) return problem(c, 422, 'audit_refused', 'the statement cannot be audited against this scenario version: every issue names its row', checked.issues) as never;

    const r = resolved.value;
    const requestHash = hashJson({ request: r.stored, codeVersion: c.var.codeVersion });
    const { run, reused } = await createRun(c.var.store, { fundId, kind: r.kind, scenarioVersionIds: r.scenarioVersionIds, request: r.stored, requestHash, codeVersion: c.var.codeVersion, createdBy: c.var.user!.name });
    if (!reused) options.onQueued?.();
    return (reused ? c.json({ run, reused }, 200) : c.json({ run, reused }, 202)) as never;
  });
}
