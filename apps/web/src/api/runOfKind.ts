// A run a screen of one kind follows (Tender, Replay, Interest audit): the run, the caller's role in the fund (who may
// cancel it) and, once it is done, its result checked with the kind's wire schema.
import type { z } from 'zod';
import { answer, api, withSignal } from './client';
import { checkedResult } from './results';
import { fundSchema, type Run, runSchema } from './schemas';

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
