import type { Queryable } from '../db/store';
import { hashJson } from '../http/hash';

/** What a user does to a run in the decision log (审批记录). */
export const DECISION_ACTIONS = ['propose', 'review', 'approve', 'reject', 'withdraw'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** One entry of a fund's decision log, as stored and as the API shows it. */
export interface Decision {
  readonly id: string;
  readonly fundId: string;
  readonly runId: string;
  readonly action: DecisionAction;
  readonly userName: string;
  readonly comment: string | null;
  /** ISO time to the millisecond (stored to the millisecond, so the hashed text reads back the same). */
  readonly createdAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The `prevHash` of a fund's first entry: a fixed value, so the first entry too can be checked. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash of an entry: sha256 of the canonical JSON of its fields with the hash of the entry before it.
 *
 * @example decisionHash({ id: '1', fundId: 'north', runId: '7', action: 'propose', userName: 'li', comment: null, createdAt: '2026-01-05T08:00:00.000Z', prevHash: GENESIS_HASH }).length //=> 64
 */
export function decisionHash(entry: Omit<Decision, 'hash'>): string {
  return hashJson({ id: entry.id, fundId: entry.fundId, runId: entry.runId, action: entry.action, userName: entry.userName, comment: entry.comment, createdAt: entry.createdAt, prevHash: entry.prevHash });
}

/** Where a chain stops verifying: the entry, and whether its own fields or its link to the entry before changed. */
export interface ChainBreak {
  readonly id: string;
  /** `hash`: the entry's fields no longer give its hash (edited); `link`: its `prevHash` is not the previous entry's hash (an entry removed, inserted or reordered). */
  readonly reason: 'hash' | 'link';
  readonly expected: string;
  readonly stored: string;
}

/**
 * Recomputes every hash of a fund's chain, oldest first. Returns the first entry that does not verify, or undefined
 * when all do.
 */
export function verifyChain(entries: readonly Decision[]): ChainBreak | undefined {
  let prev = GENESIS_HASH;
  for (const e of entries) {
    if (e.prevHash !== prev) return { id: e.id, reason: 'link', expected: prev, stored: e.prevHash };
    const expected = decisionHash(e);
    if (expected !== e.hash) return { id: e.id, reason: 'hash', expected, stored: e.hash };
    prev = e.hash;
  }
  return undefined;
}

interface DecisionRow { id: string; fund_id: string; run_id: string; action: DecisionAction; user_name: string; comment: string | null; created_at: Date | string; prev_hash: string; hash: string }
const decisionOf = (r: DecisionRow): Decision => ({
  id: String(r.id), fundId: r.fund_id, runId: String(r.run_id), action: r.action, userName: r.user_name, comment: r.comment, createdAt: new Date(r.created_at).toISOString(), prevHash: r.prev_hash, hash: r.hash,
});
const COLUMNS = 'id, fund_id, run_id, action, user_name, comment, created_at, prev_hash, hash';

/** A fund's log, oldest first (the chain's order). */
export async function listDecisions(db: Queryable, fundId: string): Promise<Decision[]> {
  return (await db.query<DecisionRow>(`select ${COLUMNS} from decisions where fund_id = $1 order by id`, [fundId])).map(decisionOf);
}

/** One run's entries, oldest first. */
export async function runDecisions(db: Queryable, fundId: string, runId: string): Promise<Decision[]> {
  return (await db.query<DecisionRow>(`select ${COLUMNS} from decisions where fund_id = $1 and run_id = $2 order by id`, [fundId, runId])).map(decisionOf);
}

/**
 * Appends an entry to the fund's chain. Call inside a transaction after `lockFund` (repo/fundLock.ts): the previous entry is read
 * under the lock, the time is taken under it too (so ids and times run in the same order), to the millisecond.
 */
export async function appendDecision(db: Queryable, input: { fundId: string; runId: string; action: DecisionAction; userName: string; comment: string | null }): Promise<Decision> {
  const [last] = await db.query<{ hash: string }>('select hash from decisions where fund_id = $1 order by id desc limit 1', [input.fundId]);
  const [meta] = await db.query<{ id: string; at: string }>(
    `select nextval(pg_get_serial_sequence('decisions', 'id'))::text as id,
            to_char(date_trunc('milliseconds', clock_timestamp()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at`,
  );
  const entry = { id: meta!.id, fundId: input.fundId, runId: input.runId, action: input.action, userName: input.userName, comment: input.comment, createdAt: meta!.at, prevHash: last?.hash ?? GENESIS_HASH };
  const hash = decisionHash(entry);
  const [row] = await db.query<DecisionRow>(
    `insert into decisions (${COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9) returning ${COLUMNS}`,
    [entry.id, entry.fundId, entry.runId, entry.action, entry.userName, entry.comment, entry.createdAt, entry.prevHash, hash],
  );
  return decisionOf(row!);
}
