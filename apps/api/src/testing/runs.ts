// Finished runs for tests that need one (decisions, exports, event streams) without starting a job runner.
import { encodeResult, execute } from '@fundladder/app';
import { tinyPlan, tinyScenario } from '@fundladder/core/testing';
import type { Queryable } from '../db/store';
import { createRun } from '../repo/runs';

let evaluated: Promise<unknown> | undefined;

/** The wire result of evaluating the tiny plan on the tiny scenario, computed once: what a runner would store. */
function tinyEvaluation(): Promise<unknown> {
  evaluated ??= execute({ kind: 'evaluate', scenario: tinyScenario(), plan: tinyPlan() }).then((r) => {
    if (!r.ok) throw new Error(`the tiny evaluation failed: ${JSON.stringify(r.issues)}`);
    return encodeResult(r.value);
  });
  return evaluated;
}

/**
 * A `done` evaluate run of `versionId` in `fundId`, created by `createdBy`, holding the real result of the tiny
 * evaluation: the row a runner leaves behind, written directly (a runner would also take the queued runs a test made).
 *
 * @param tag - makes the request (and so its hash) unique: an identical request would be the same run.
 * @returns the run's id
 */
export async function finishedRun(db: Queryable, input: { fundId: string; versionId: string; createdBy: string; tag: string }): Promise<string> {
  const request = { kind: 'evaluate', scenario: { scenarioVersion: input.versionId }, plan: { ...tinyPlan(), name: input.tag } };
  const { run } = await createRun(db, { fundId: input.fundId, kind: 'evaluate', scenarioVersionIds: [input.versionId], request, requestHash: `fixture:${input.fundId}:${input.tag}`, codeVersion: 'test', createdBy: input.createdBy });
  await db.query(`update runs set state = 'done', result = $2::jsonb, attempts = 1, started_at = now(), finished_at = now() where id = $1`, [run.id, JSON.stringify(await tinyEvaluation())]);
  return run.id;
}
