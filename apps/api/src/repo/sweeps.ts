// A fund's sweeps as the API shows them (docs/sweep.md §8): the rows of migrations 005 and 006, read by fund. A sweep
// queued by `fundladder sweep --database-url` has no fund and is never shown here.
import type { DomainIssue } from '@fundladder/core';
import type { Queryable, Store } from '../db/store';

export type PointState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export type SweepState = 'queued' | 'running' | 'done' | 'cancelled';

/** Points per state. */
export type SweepCounts = Record<PointState, number> & { readonly total: number };

/** A sweep of a fund, without its points. */
export interface FundSweep {
  readonly id: string;
  readonly fundId: string;
  readonly scenarioVersionId: string;
  /** The checked request (scenario inline) every worker runs. */
  readonly request: unknown;
  readonly codeVersion: string;
  readonly state: SweepState;
  readonly counts: SweepCounts;
  readonly paths: unknown;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
}

/** A point as stored: its values, state, attempts, and its result's wire form (done) or issues (failed, cancelled). */
export interface StoredPoint {
  readonly index: number;
  readonly values: Record<string, string>;
  readonly state: PointState;
  readonly attempts: number;
  readonly result: unknown;
  readonly issues: DomainIssue[] | null;
}

interface Row {
  id: string; fund_id: string; scenario_version_id: string; request?: unknown; code_version: string; points: number; paths: unknown; created_by: string | null; created_at: Date; cancelled_at: Date | null;
  queued: string | number; running: string | number; done: string | number; failed: string | number; cancelled: string | number;
}
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// A point failed with the issue `cancelled` counts as cancelled (cancel keeps 005's four states: src/repo/sweeps.ts).
const CANCELLED = `(state = 'failed' and issues @> '[{"code":"cancelled"}]'::jsonb)`;
const COLUMNS = `s.id, s.fund_id, s.scenario_version_id, s.code_version, s.points, s.paths, s.created_by, s.created_at, s.cancelled_at,
  (select count(*) from sweep_points p where p.sweep_id = s.id and p.state = 'queued') as queued,
  (select count(*) from sweep_points p where p.sweep_id = s.id and p.state = 'running') as running,
  (select count(*) from sweep_points p where p.sweep_id = s.id and p.state = 'done') as done,
  (select count(*) from sweep_points p where p.sweep_id = s.id and p.state = 'failed' and not ${CANCELLED}) as failed,
  (select count(*) from sweep_points p where p.sweep_id = s.id and ${CANCELLED}) as cancelled`;

function sweepOf(r: Row): Omit<FundSweep, 'request'> {
  const counts = { queued: Number(r.queued), running: Number(r.running), done: Number(r.done), failed: Number(r.failed), cancelled: Number(r.cancelled), total: r.points };
  const state: SweepState = r.cancelled_at ? 'cancelled' : counts.queued + counts.running === 0 ? 'done' : counts.running + counts.done + counts.failed > 0 ? 'running' : 'queued';
  return {
    id: r.id, fundId: r.fund_id, scenarioVersionId: String(r.scenario_version_id), codeVersion: r.code_version, state, counts, paths: r.paths,
    createdBy: r.created_by, createdAt: iso(r.created_at)!, cancelledAt: iso(r.cancelled_at),
  };
}

/** A fund's sweeps, newest first (their requests left out: a scenario inline each). */
export async function listSweeps(db: Queryable, fundId: string, limit = 50): Promise<Omit<FundSweep, 'request'>[]> {
  const rows = await db.query<Row>(`select ${COLUMNS} from sweeps s where s.fund_id = $1 order by s.id desc limit $2`, [fundId, limit]);
  return rows.map(sweepOf);
}

/** One sweep of the fund (undefined when it is not this fund's). */
export async function getFundSweep(db: Queryable, fundId: string, sweepId: string): Promise<FundSweep | undefined> {
  if (!/^\d{1,18}$/.test(sweepId)) return undefined;
  const [row] = await db.query<Row>(`select ${COLUMNS}, s.request from sweeps s where s.id = $1 and s.fund_id = $2`, [sweepId, fundId]);
  return row ? { ...sweepOf(row), request: row.request } : undefined;
}

/**
 * How far before the database's clock at a read its cursor is set: a point written by an UPDATE whose statement began
 * before the read but committed after it carries a `changed_at` before the read (migration 008), and is still sent by
 * the next `?since=` read as long as it committed within this margin. Single-row autocommitted UPDATEs take
 * milliseconds; a point changed inside the margin is sent twice, which the reader's merge by index absorbs.
 */
export const SINCE_MARGIN_SECONDS = 10;

/** A `?since=` cursor: microseconds since 1970 on the database's clock, as decimal digits. Opaque to readers. */
export const SWEEP_CURSOR = /^\d{1,17}$/;

/**
 * The cursor a read hands back: the database's clock now, less {@link SINCE_MARGIN_SECONDS}, in microseconds. Taken
 * before the points are read, so every change the read does not see is at or after it (within the margin).
 * @example await sweepCursor(store) //=> '1767225590000000' (the clock at 2026-01-01T00:00:00Z, less 10 s)
 */
export async function sweepCursor(db: Queryable): Promise<string> {
  const [row] = await db.query<{ cursor: string }>(
    `select floor(extract(epoch from clock_timestamp() - make_interval(secs => $1)) * 1000000)::bigint::text as cursor`,
    [SINCE_MARGIN_SECONDS],
  );
  return row!.cursor;
}

/**
 * The points of a sweep, by index, as far as they have got: every one, or with `changedSince` (a {@link sweepCursor})
 * only those whose state, attempts, result or issues changed at or after it (`changed_at`, migration 008).
 */
export async function sweepPoints(db: Queryable, sweepId: string, options: { changedSince?: string } = {}): Promise<StoredPoint[]> {
  const since = options.changedSince;
  if (since !== undefined && !SWEEP_CURSOR.test(since)) throw new Error(`sweepPoints: changedSince ${JSON.stringify(since)} is not a cursor (${SWEEP_CURSOR})`);
  const rows = await db.query<{ point_index: number; point: Record<string, string>; state: 'queued' | 'running' | 'done' | 'failed'; attempts: number; result: unknown; issues: DomainIssue[] | null }>(
    since === undefined
      ? 'select point_index, point, state, attempts, result, issues from sweep_points where sweep_id = $1 order by point_index'
      : `select point_index, point, state, attempts, result, issues from sweep_points
          where sweep_id = $1 and changed_at >= timestamptz 'epoch' + $2::bigint * interval '1 microsecond' order by point_index`,
    since === undefined ? [sweepId] : [sweepId, since],
  );
  return rows.map((r) => ({ index: r.point_index, values: r.point, state: r.state === 'failed' && r.issues?.some((i) => i.code === 'cancelled') ? 'cancelled' : r.state, attempts: r.attempts, result: r.result, issues: r.issues }));
}

/**
 * Cancels a fund's sweep: every point not finished fails with the issue `cancelled` and loses its lease (the worker
 * holding one sees its heartbeat refused, stops, and cannot store a result); finished points stay. A finished or
 * cancelled sweep is returned unchanged. Undefined when it is not this fund's.
 */
export async function cancelSweep(store: Store, fundId: string, sweepId: string): Promise<FundSweep | undefined> {
  if (!/^\d{1,18}$/.test(sweepId)) return undefined;
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>('select id from sweeps where id = $1 and fund_id = $2 for update', [sweepId, fundId]);
    if (!row) return undefined;
    const open = await tx.query(
      `update sweep_points set state = 'failed', lease_owner = null, lease_until = null, finished_at = now(), changed_at = clock_timestamp(),
              issues = '[{"code":"cancelled","path":[],"rule":"cancelled","message":"the sweep was cancelled before this point was finished"}]'::jsonb
        where sweep_id = $1 and state in ('queued', 'running') returning 1`,
      [sweepId],
    );
    if (open.length) await tx.query('update sweeps set cancelled_at = now() where id = $1 and cancelled_at is null', [sweepId]);
    return getFundSweep(tx, fundId, sweepId);
  });
}

/**
 * Queues a cancelled sweep's cancelled points again (the same sweep asked for again: its finished points are kept, as
 * the CLI's resume keeps them). False when nothing was cancelled.
 */
export async function resumeSweep(store: Store, fundId: string, sweepId: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>('update sweeps set cancelled_at = null where id = $1 and fund_id = $2 and cancelled_at is not null returning id', [sweepId, fundId]);
    if (!row) return false;
    await tx.query(`update sweep_points set state = 'queued', issues = null, finished_at = null, attempts = 0, changed_at = clock_timestamp() where sweep_id = $1 and ${CANCELLED}`, [sweepId]);
    return true;
  });
}
