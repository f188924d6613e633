// A sweep's points as jobs on the database (docs/sweep.md §5): the same claim, lease, heartbeat and finish as the runs
// queue (repo/runs.ts, docs/api.md §9), on the `sweep_points` table of migration 005. The database is the coordinator:
// any number of `fundladder worker --database-url …` processes on any number of machines take points; nothing about a
// point lives only in a process's memory.
import type { DomainIssue } from '@fundladder/core';
import type { Queryable, Store } from '../db/store';
import { openPostgres } from '../db/postgres';
import { migrate } from '../db/migrate';

/** A point as a worker claims it: its sweep, place in the grid, values and key. */
export interface ClaimedPoint {
  readonly sweepId: string;
  readonly index: number;
  readonly values: Record<string, string>;
  readonly key: string;
  readonly attempts: number;
}

/** A sweep as stored: the checked request every worker runs, and the paths' fingerprint every worker must reproduce. */
export interface StoredSweep {
  readonly id: string;
  readonly key: string;
  readonly request: unknown;
  readonly pathsFingerprint: string;
  readonly codeVersion: string;
  readonly points: number;
}

/** A sweep started over the API (migration 006): its fund, the scenario version it varies, who, and its paths' summary. */
export interface SweepFund {
  readonly fundId: string;
  readonly scenarioVersionId: string;
  readonly createdBy: string;
  readonly paths: unknown;
}

/** Attempts after which a point whose worker keeps dying is failed rather than taken again (as runs: 3). */
export const MAX_POINT_ATTEMPTS = 3;

/**
 * Stores a sweep and queues its points, once: a sweep with the same key (the same request and code) is found instead,
 * with the points it already has (finished ones are not queued again). Returns the sweep and whether it was new.
 */
export async function enqueueSweep(store: Store, input: { key: string; request: unknown; pathsFingerprint: string; codeVersion: string; points: readonly { index: number; values: Record<string, string>; key: string }[]; fund?: SweepFund }): Promise<{ sweep: StoredSweep; created: boolean }> {
  return store.transaction(async (tx) => {
    const [inserted] = await tx.query<{ id: string }>(
      `insert into sweeps (sweep_key, request, paths_fingerprint, code_version, points, fund_id, scenario_version_id, created_by, paths)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (sweep_key) do nothing returning id`,
      [input.key, JSON.stringify(input.request), input.pathsFingerprint, input.codeVersion, input.points.length, input.fund?.fundId ?? null, input.fund?.scenarioVersionId ?? null, input.fund?.createdBy ?? null, input.fund ? JSON.stringify(input.fund.paths) : null],
    );
    if (inserted) {
      // One statement for every point: a 10,000-point grid is one round trip.
      await tx.query(
        `insert into sweep_points (sweep_id, point_index, point, point_key)
         select $1, p.i, p.v, p.k from jsonb_to_recordset($2::jsonb) as p(i integer, v jsonb, k text)`,
        [inserted.id, JSON.stringify(input.points.map((p) => ({ i: p.index, v: p.values, k: p.key })))],
      );
    }
    const sweep = (await getSweepByKey(tx, input.key))!;
    return { sweep, created: inserted !== undefined };
  });
}

interface SweepRow { id: string; sweep_key: string; request: unknown; paths_fingerprint: string; code_version: string; points: number }
const sweepOf = (r: SweepRow): StoredSweep => ({ id: r.id, key: r.sweep_key, request: r.request, pathsFingerprint: r.paths_fingerprint, codeVersion: r.code_version, points: r.points });

export async function getSweepByKey(db: Queryable, key: string): Promise<StoredSweep | undefined> {
  const [row] = await db.query<SweepRow>('select id, sweep_key, request, paths_fingerprint, code_version, points from sweeps where sweep_key = $1', [key]);
  return row ? sweepOf(row) : undefined;
}

export async function getSweep(db: Queryable, id: string): Promise<StoredSweep | undefined> {
  const [row] = await db.query<SweepRow>('select id, sweep_key, request, paths_fingerprint, code_version, points from sweeps where id = $1', [id]);
  return row ? sweepOf(row) : undefined;
}

/**
 * The next claimable point of any sweep (queued, or running with its lease run out), oldest sweep first, claimed by
 * `owner` for `leaseSeconds`; two workers never get the same one (`FOR UPDATE SKIP LOCKED`). `fundsOnly`: only points
 * of sweeps started over the API (migration 006), which the API's runner takes; a sweep queued by `fundladder sweep`
 * is left to the workers its user started (of the code version that drew its paths).
 */
export async function claimPoint(db: Queryable, owner: string, leaseSeconds: number, options: { fundsOnly?: boolean } = {}): Promise<ClaimedPoint | undefined> {
  const [row] = await db.query<{ sweep_id: string; point_index: number; point: Record<string, string>; point_key: string; attempts: number }>(
    `update sweep_points set state = 'running', lease_owner = $1, lease_until = now() + make_interval(secs => $2), attempts = attempts + 1, started_at = coalesce(started_at, now()),
            changed_at = clock_timestamp()
      where (sweep_id, point_index) = (select sweep_id, point_index from sweep_points
                   where (state = 'queued' or (state = 'running' and lease_until < now()))
                     and ($3::boolean is not true or sweep_id in (select id from sweeps where fund_id is not null))
                   order by sweep_id, point_index for update skip locked limit 1)
      returning sweep_id, point_index, point, point_key, attempts`,
    [owner, leaseSeconds, options.fundsOnly ?? false],
  );
  return row ? { sweepId: row.sweep_id, index: row.point_index, values: row.point, key: row.point_key, attempts: row.attempts } : undefined;
}

/**
 * Renews a point's lease; false when this worker no longer holds it (it must then drop the point). Leaves `changed_at`
 * (migration 008): the point's state is the same, so a `?since=` read need not send it again.
 */
export async function heartbeatPoint(db: Queryable, point: Pick<ClaimedPoint, 'sweepId' | 'index'>, owner: string, leaseSeconds: number): Promise<boolean> {
  const rows = await db.query(`update sweep_points set lease_until = now() + make_interval(secs => $4) where sweep_id = $1 and point_index = $2 and lease_owner = $3 and state = 'running' returning 1`, [point.sweepId, point.index, owner, leaseSeconds]);
  return rows.length === 1;
}

/** Finishes a point the worker holds, with its result's wire form or issues; false if the lease was lost (nothing written). */
export async function finishPoint(db: Queryable, point: Pick<ClaimedPoint, 'sweepId' | 'index'>, owner: string, outcome: { state: 'done'; result: unknown } | { state: 'failed'; issues: readonly DomainIssue[] }): Promise<boolean> {
  const rows = await db.query(
    `update sweep_points set state = $4, result = $5::jsonb, issues = $6::jsonb, lease_owner = null, lease_until = null, finished_at = now(), changed_at = clock_timestamp()
      where sweep_id = $1 and point_index = $2 and lease_owner = $3 and state = 'running' returning 1`,
    [point.sweepId, point.index, owner, outcome.state, outcome.state === 'done' ? JSON.stringify(outcome.result) : null, outcome.state === 'done' ? null : JSON.stringify(outcome.issues)],
  );
  return rows.length === 1;
}

/** Gives a point back to the queue (a worker stopping): the next worker starts it without waiting for the lease. */
export async function releasePoint(db: Queryable, point: Pick<ClaimedPoint, 'sweepId' | 'index'>, owner: string): Promise<boolean> {
  const rows = await db.query(`update sweep_points set state = 'queued', lease_owner = null, lease_until = null, attempts = greatest(attempts - 1, 0), changed_at = clock_timestamp() where sweep_id = $1 and point_index = $2 and lease_owner = $3 and state = 'running' returning 1`, [point.sweepId, point.index, owner]);
  return rows.length === 1;
}

/** Fails the points whose workers died {@link MAX_POINT_ATTEMPTS} times (lease run out), with the issue `worker_lost`. */
export async function reapPoints(db: Queryable): Promise<number> {
  const rows = await db.query(
    `update sweep_points set state = 'failed', lease_owner = null, lease_until = null, finished_at = now(), changed_at = clock_timestamp(),
            issues = jsonb_build_array(jsonb_build_object('code', 'worker_lost', 'path', '[]'::jsonb, 'rule', 'maxAttempts', 'message', 'the worker running this point stopped ' || attempts || ' times; not retried again', 'received', attempts::text))
      where state = 'running' and lease_until < now() and attempts >= $1 returning 1`,
    [MAX_POINT_ATTEMPTS],
  );
  return rows.length;
}

/** How far a sweep has got: points per state. */
export async function sweepProgress(db: Queryable, sweepId: string): Promise<Record<'queued' | 'running' | 'done' | 'failed', number>> {
  const rows = await db.query<{ state: 'queued' | 'running' | 'done' | 'failed'; n: string }>('select state, count(*) as n from sweep_points where sweep_id = $1 group by state', [sweepId]);
  const out = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

/** The finished points of a sweep (done: the result's wire form; failed: issues), by index; visible as they arrive. */
export async function finishedPoints(db: Queryable, sweepId: string, afterIndex = -1): Promise<{ index: number; key: string; state: 'done' | 'failed'; result: unknown; issues: DomainIssue[] | null }[]> {
  const rows = await db.query<{ point_index: number; point_key: string; state: 'done' | 'failed'; result: unknown; issues: DomainIssue[] | null }>(
    `select point_index, point_key, state, result, issues from sweep_points where sweep_id = $1 and state in ('done', 'failed') and point_index > $2 order by point_index`,
    [sweepId, afterIndex],
  );
  return rows.map((r) => ({ index: r.point_index, key: r.point_key, state: r.state, result: r.result, issues: r.issues }));
}

/**
 * The queue on a PostgreSQL server (`postgres://…`), migrated. PGlite is one process per data folder (docs/api.md §9),
 * so points spread over processes need the server; any other URL is refused with that reason.
 */
export async function openSweepQueue(databaseUrl: string): Promise<Store> {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error(`--database-url ${databaseUrl}: a PostgreSQL server URL (postgres://user@host:port/database) is expected; an embedded PGlite folder serves one process, so it cannot share points between workers`);
  const store = await openPostgres(databaseUrl, { max: 4 });
  await migrate(store);
  return store;
}
