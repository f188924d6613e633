import { createRoute, z } from '@hono/zod-openapi';
import { type AuditInterestResult, type Names, auditReportHtml, auditReportXlsx, decodeResult, namesOf } from '@fundladder/app';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { problem } from '../http/problem';
import { fundIdParam, idParam } from '../http/schemas';
import { getRun } from '../repo/runs';
import { getVersion } from '../repo/scenarios';
import { getFund } from '../repo/funds';
import { type ExportInput, buildReportHtml, buildWorkbook, exportInputFromResult, renderPdf } from '../export/index';

const params = z.object({ fundId: fundIdParam, runId: idParam('runId') });
const file = <N extends string>(name: N, summary: string, type: string) =>
  createRoute({ method: 'get', path: `/api/funds/{fundId}/runs/{runId}/${name}` as const, summary, middleware: [requireRole('viewer')] as const, request: { params }, responses: { 200: { description: type }, 404: { description: 'no such run' }, 409: { description: 'the run is neither a finished optimize run with a plan nor a finished interest audit' } } });
const xlsx = file('export.xlsx', 'The workbook a finance bureau attaches to a rollover request (假设, 预测, 计划, 分存方案, 分月台账, 指标, 约束, 压力测试); for an interest-audit run, the audit report it sends to the bank (利息复核, 说明)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
const html = file('report.html', 'The printable Chinese report (print it from the browser); for an interest-audit run, the printable audit', 'text/html');
const pdf = file('report.pdf', 'The printable Chinese report as PDF (rendered by Chromium); for an interest-audit run, the audit', 'application/pdf');

/** A finished interest audit's report: its result, the names of the scenario version it ran on, the day it finished. */
interface AuditReport {
  readonly result: AuditInterestResult;
  readonly names: Names;
  readonly preparedOn?: string;
}

/** The day in China (UTC+8, no daylight saving) of an instant: the day a report says it was prepared. */
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * What a stored, finished run exports: an optimize run's export input (the optimizer is not run again), or an interest
 * audit's report (the app layer's `auditReportXlsx`/`auditReportHtml`, the CLI's report, from the stored result).
 */
async function inputOf(c: Context<AppEnv>, fundId: string, runId: string): Promise<{ ok: true; value: ExportInput; audit?: undefined } | { ok: true; audit: AuditReport } | { ok: false; response: Response }> {
  const run = await getRun(c.var.store, fundId, runId, true);
  if (!run) return { ok: false, response: problem(c, 404, 'not_found', 'no such run in this fund') };
  if ((run.kind !== 'optimize' && run.kind !== 'auditInterest') || run.state !== 'done') return { ok: false, response: problem(c, 409, 'not_exportable', `only a finished optimize run or interest audit can be exported; this is a ${run.state} ${run.kind} run`) };
  const decoded = decodeResult(run.result);
  if (!decoded.ok || (decoded.value.kind !== 'optimize' && decoded.value.kind !== 'auditInterest')) return { ok: false, response: problem(c, 500, 'internal', 'the stored result does not decode', decoded.ok ? [] : decoded.issues) };
  const versionId = run.scenarioVersionIds[0]!;
  const version = (await getVersion(c.var.store, fundId, versionId))!;
  if (decoded.value.kind === 'auditInterest') return { ok: true, audit: { result: decoded.value, names: namesOf(version.body, 'zh'), ...(run.finishedAt ? { preparedOn: chinaDay(run.finishedAt) } : {}) } };
  const [scenario] = await c.var.store.query<{ name: string }>('select name from scenarios where id = $1', [version.scenarioId]);
  const fund = (await getFund(c.var.store, fundId))!;
  const seed = ((run.request as { options?: { seed?: number } }).options?.seed) ?? 1;
  const input = await exportInputFromResult(version.body, { fundName: fund.name, scenarioName: `${scenario!.name} v${version.version}`, scenarioVersion: version.id, runId: run.id, codeVersion: run.codeVersion }, decoded.value, seed);
  if (!input.ok) return { ok: false, response: problem(c, 409, 'not_exportable', 'this run has nothing to export', input.issues) };
  return input;
}

const download = (name: string) => `attachment; filename="fundladder-run-${name}"; filename*=UTF-8''${encodeURIComponent(`fundladder-run-${name}`)}`;

export function exportRoutes() {
  return router()
    .openapi(xlsx, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    const input = await inputOf(c as unknown as Context<AppEnv>, fundId, runId);
    if (!input.ok) return input.response as never;
    const body = input.audit ? await auditReportXlsx(input.audit.result, input.audit.names, input.audit) : await buildWorkbook(input.value);
    return c.body(new Uint8Array(body), 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': download(`${runId}${input.audit ? '-audit' : ''}.xlsx`) }) as never;
  })
    .openapi(html, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    const input = await inputOf(c as unknown as Context<AppEnv>, fundId, runId);
    if (!input.ok) return input.response as never;
    return c.html(input.audit ? auditReportHtml(input.audit.result, input.audit.names, input.audit) : buildReportHtml(input.value), 200) as never;
  })
    .openapi(pdf, async (c) => {
    const { fundId, runId } = c.req.valid('param');
    const input = await inputOf(c as unknown as Context<AppEnv>, fundId, runId);
    if (!input.ok) return input.response as never;
    const body = await renderPdf(input.audit ? auditReportHtml(input.audit.result, input.audit.names, input.audit) : buildReportHtml(input.value));
    return c.body(new Uint8Array(body), 200, { 'content-type': 'application/pdf', 'content-disposition': download(`${runId}${input.audit ? '-audit' : ''}.pdf`) }) as never;
  });
}
