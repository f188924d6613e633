import type { DomainIssue } from '@fundladder/core';
import type { Queryable } from '../db/store';

export type RunState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/** A run as the API shows it; `result` (the app layer's wire form) only when asked for. */
export interface Run {
  readonly id: string;
  readonly fundId: string;
  readonly kind: string;
  readonly scenarioVersionIds: string[];
  readonly request: unknown;
  readonly requestHash: string;
  readonly codeVersion: string;
  readonly state: RunState;
  readonly progress: RunProgress | null;
  readonly issues: DomainIssue[] | null;
  readonly cancelRequested: boolean;
  readonly attempts: number;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly result?: unknown;
}

interface RunRow {
  id: string; fund_id: string; kind: string; scenario_version_ids: string[]; request: unknown; request_hash: string; code_version: string; state: RunState;
  progress: RunProgress | null; issues: DomainIssue[] | null; cancel_requested: boolean; attempts: number; created_by: string | null; created_at: Date; started_at: Date | null; finished_at: Date | null; result?: unknown;
}
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const runOf = (r: RunRow): Run => ({
  id: r.id, fundId: r.fund_id, kind: r.kind, scenarioVersionIds: r.scenario_version_ids.map(String), request: r.request, requestHash: r.request_hash, codeVersion: r.code_version, state: r.state,
  progress: r.progress, issues: r.issues, cancelRequested: r.cancel_requested, attempts: r.attempts, createdBy: r.created_by, createdAt: iso(r.created_at)!, startedAt: iso(r.started_at), finishedAt: iso(r.finished_at),
  ...(r.result !== undefined ? { result: r.result } : {}),
});
const COLUMNS = 'id, fund_id, kind, scenario_version_ids, request, request_hash, code_version, state, progress, issues, cancel_requested, attempts, created_by, created_at, started_at, finished_at';

/**
 * A queued run for this request, or the live or finished run with the same hash (`reused`): an identical request is
 * never run twice. Failed and cancelled runs do not count, so they can be retried.
 */
export async function createRun(db: Queryable, input: { fundId: string; kind: string; scenarioVersionIds: readonly string[]; request: unknown; requestHash: string; codeVersion: string; createdBy?: string }): Promise<{ run: Run; reused: boolean }> {
  const [inserted] = await db.query<RunRow>(
    `insert into runs (fund_id, kind, scenario_version_ids, request, request_hash, code_version, created_by) values ($1, $2, $3::bigint[], $4, $5, $6, $7)
     on conflict (fund_id, request_hash) where state in ('queued', 'running', 'done') do nothing returning ${COLUMNS}`,
    [input.fundId, input.kind, input.scenarioVersionIds, JSON.stringify(input.request), input.requestHash, input.codeVersion, input.createdBy ?? null],
  );
  if (inserted) return { run: runOf(inserted), reused: false };
  const [existing] = await db.query<RunRow>(`select ${COLUMNS} from runs where fund_id = $1 and request_hash = $2 and state in ('queued', 'running', 'done') limit 1`, [input.fundId, input.requestHash]);
  return { run: runOf(existing!), reused: true };
}

export async function getRun(db: Queryable, fundId: string, runId: string, withResult = false): Promise<Run | undefined> {
  if (!/^\d{1,18}$/.test(runId)) return undefined;
  const [row] = await db.query<RunRow>(`select ${COLUMNS}${withResult ? ', result' : ''} from runs where id = $1 and fund_id = $2`, [runId, fundId]);
  return row ? runOf(row) : undefined;
}

/** A fund's runs, newest first (without results). */
export async function listRuns(db: Queryable, fundId: string, options: { limit?: number; before?: string } = {}): Promise<Run[]> {
  const rows = await db.query<RunRow>(`select ${COLUMNS} from runs where fund_id = $1 and ($2::bigint is null or id < $2::bigint) order by id desc limit $3`, [fundId, options.before ?? null, options.limit ?? 50]);
  return rows.map(runOf);
}

/** Asks a queued or running run to stop: a queued one is cancelled at once, a running one by its worker. */
export async function requestCancel(db: Queryable, fundId: string, runId: string): Promise<Run | undefined> {
  if (!/^\d{1,18}$/.test(runId)) return undefined;
  const [row] = await db.query<RunRow>(
    `update runs set cancel_requested = true,
            state = case when state = 'queued' then 'cancelled' else state end,
            finished_at = case when state = 'queued' then now() else finished_at end
      where id = $1 and fund_id = $2 and state in ('queued', 'running') returning ${COLUMNS}`,
    [runId, fundId],
  );
  // A finished run is left as it is (nothing to cancel): it is returned unchanged.
  return row ? runOf(row) : getRun(db, fundId, runId);
}

// ── The queue (docs/api.md §3): runs are rows; a worker claims one with a lease it renews; a lease that runs out
// (the worker died) lets another worker take the run again; only the lease holder can finish it.

/** The oldest queued run, or a running one whose lease ran out, claimed by `owner` for `leaseSeconds`. */
export async function claimRun(db: Queryable, owner: string, leaseSeconds: number): Promise<(Run & { request: unknown }) | undefined> {
  const [row] = await db.query<RunRow>(
    `update runs set state = 'running', lease_owner = $1, lease_until = now() + make_interval(secs => $2), attempts = attempts + 1, started_at = coalesce(started_at, now())
      where id = (select id from runs
                   where (state = 'queued' or (state = 'running' and lease_until < now())) and not cancel_requested
                   order by id for update skip locked limit 1)
      returning ${COLUMNS}`,
    [owner, leaseSeconds],
  );
  return row ? runOf(row) : undefined;
}

/**
 * Renews the lease and records progress; returns whether the worker still holds the run and whether cancel was asked.
 * A worker that lost its lease must stop: another worker has the run.
 */
export async function heartbeat(db: Queryable, runId: string, owner: string, leaseSeconds: number, progress?: RunProgress): Promise<{ held: boolean; cancelRequested: boolean }> {
  const [row] = await db.query<{ cancel_requested: boolean }>(
    `update runs set lease_until = now() + make_interval(secs => $3), progress = coalesce($4::jsonb, progress)
      where id = $1 and lease_owner = $2 and state = 'running' returning cancel_requested`,
    [runId, owner, leaseSeconds, progress ? JSON.stringify(progress) : null],
  );
  return { held: row !== undefined, cancelRequested: row?.cancel_requested ?? false };
}

/** Finishes a run the worker holds: done with its result, failed with issues, or cancelled. False if the lease was lost. */
export async function finishRun(db: Queryable, runId: string, owner: string, outcome: { state: 'done'; result: unknown } | { state: 'failed' | 'cancelled'; issues: readonly DomainIssue[] }): Promise<boolean> {
  const rows = await db.query(
    `update runs set state = $3, result = $4::jsonb, issues = $5::jsonb, lease_owner = null, lease_until = null, finished_at = now()
      where id = $1 and lease_owner = $2 and state = 'running' returning id`,
    [runId, owner, outcome.state, outcome.state === 'done' ? JSON.stringify(outcome.result) : null, outcome.state === 'done' ? null : JSON.stringify(outcome.issues)],
  );
  return rows.length === 1;
}

/** Attempts after which a run whose worker keeps dying is failed rather than taken again. */
export const MAX_ATTEMPTS = 3;

/**
 * Settles runs whose worker died (lease ran out): cancelled if cancel was asked, failed after {@link MAX_ATTEMPTS}
 * attempts (the issue says so); the others stay claimable. Returns how many were settled.
 */
export async function reapRuns(db: Queryable): Promise<number> {
  const rows = await db.query(
    `update runs set state = case when cancel_requested then 'cancelled' else 'failed' end,
            issues = case when cancel_requested then '[{"code":"cancelled","path":[],"rule":"cancelled","message":"cancelled while its worker was gone"}]'::jsonb
                          else jsonb_build_array(jsonb_build_object('code', 'worker_lost', 'path', '[]'::jsonb, 'rule', 'maxAttempts', 'message', 'the worker running this job stopped ' || attempts || ' times; not retried again', 'received', attempts::text)) end,
            lease_owner = null, lease_until = null, finished_at = now()
      where state = 'running' and lease_until < now() and (cancel_requested or attempts >= $1) returning id`,
    [MAX_ATTEMPTS],
  );
  return rows.length;
}

/** Gives a run back to the queue (a runner shutting down): another runner takes it from the start. */
export async function releaseRun(db: Queryable, runId: string, owner: string): Promise<boolean> {
  const rows = await db.query(`update runs set state = 'queued', lease_owner = null, lease_until = null, progress = null, attempts = greatest(attempts - 1, 0) where id = $1 and lease_owner = $2 and state = 'running' returning id`, [runId, owner]);
  return rows.length === 1;
}
