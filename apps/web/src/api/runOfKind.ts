// A run a screen of one kind follows (Tender, Replay, Interest audit): the run, the caller's role in the fund (who may
// cancel it) and, once it is done, its result checked with the kind's wire schema; and what the screen's start card
// shows: the versions to start on, the role (who may start) and the earlier runs of that kind.
import type { z } from 'zod';
import { answer, api, withSignal } from './client';
import { loadFundVersions } from './fundVersions';
import { checkedResult } from './results';
import { fundSchema, type Run, runListSchema, runSchema } from './schemas';

/**
 * The fund's scenario versions (each scenario's newest first), the caller's role in it, and its runs of `kind` among
 * the latest 100, as the API lists them (newest first).
 * @example await loadStartOfKind('sample', 'tender', signal) //=> { versions: [{ id, version, scenario }, …], role: 'planner', runs: [tender runs] }
 */
export async function loadStartOfKind(fundId: string, kind: string, signal: AbortSignal): Promise<{ versions: { id: string; version: number; scenario: string }[]; role?: string | null; runs: Run[] }> {
  const fund = api.api.funds[':fundId'];
  const [versions, runs] = await Promise.all([loadFundVersions(fundId, signal), answer(fund.runs.$get({ param: { fundId }, query: { limit: '100' } }, withSignal(signal)), runListSchema, undefined, signal)]);
  return { versions: versions.versions, role: versions.fund.role, runs: runs.runs.filter((r) => r.kind === kind) };
}

/**
 * The run `runId` of the fund with the caller's role, and its result when the run is done and of `kind`.
 * @example await loadRunOfKind('sample', '12', 'tender', tenderResult, signal) //=> { run, role: 'planner', result }
 */
export async function loadRunOfKind<S extends z.ZodType>(fundId: string, runId: string, kind: string, schema: S, signal: AbortSignal): Promise<{ run: Run; role?: string | null; result?: z.input<S> }> {
  const fund = api.api.funds[':fundId'];
  const [run, info] = await Promise.all([
    answer(fund.runs[':runId'].$get({ param: { fundId, runId } }, withSignal(signal)), runSchema, undefined, signal),
    answer(fund.$get({ param: { fundId } }, withSignal(signal)), fundSchema, undefined, signal),
  ]);
  if (run.state !== 'done' || run.kind !== kind) return { run, role: info.role };
  return { run, role: info.role, result: checkedResult(schema, run.result, `GET run ${runId} result`) };
}
