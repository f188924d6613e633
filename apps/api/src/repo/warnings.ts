import type { Queryable } from '../db/store';
import type { RuleOutcome, WarningRule } from '../warnings/rules';

/** A stored warning, as the API shows it. */
export interface Warning {
  readonly id: string;
  readonly fundId: string;
  readonly rule: WarningRule;
  readonly subject: string;
  readonly state: 'open' | 'cleared';
  /** When the condition was first found in its current episode (a warning cleared and found again starts a new one). */
  readonly firstSeen: string;
  /** The last evaluation that found it. */
  readonly lastSeen: string;
  readonly clearedAt: string | null;
  readonly detail: unknown;
}

interface WarningRow { id: string; fund_id: string; rule: WarningRule; subject: string; state: 'open' | 'cleared'; first_seen: Date; last_seen: Date; cleared_at: Date | null; detail: unknown }
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const warningOf = (r: WarningRow): Warning => ({ id: String(r.id), fundId: r.fund_id, rule: r.rule, subject: r.subject, state: r.state, firstSeen: iso(r.first_seen)!, lastSeen: iso(r.last_seen)!, clearedAt: iso(r.cleared_at), detail: r.detail });
const COLUMNS = 'id, fund_id, rule, subject, state, first_seen, last_seen, cleared_at, detail';

/** A fund's warnings: open ones first, then by rule and subject. */
export async function listWarnings(db: Queryable, fundId: string, state?: 'open' | 'cleared'): Promise<Warning[]> {
  const rows = await db.query<WarningRow>(`select ${COLUMNS} from warnings where fund_id = $1 and ($2::text is null or state = $2) order by state = 'open' desc, rule, subject`, [fundId, state ?? null]);
  return rows.map(warningOf);
}

/** What one evaluation changed: warnings opened (new, or found again after clearing), still open, and cleared. */
export interface WarningChanges {
  readonly opened: Warning[];
  readonly stillOpen: Warning[];
  readonly cleared: Warning[];
}

/**
 * Stores the outcome of an evaluation: for each rule evaluated, every subject found is open (inserted, reopened, or
 * its `lastSeen` and detail brought up to date), and the rule's open warnings on other subjects are cleared. Rules not
 * in `outcomes` are left as they are. Call inside the transaction that made the change evaluated, after `lockFund`.
 */
export async function applyWarnings(db: Queryable, fundId: string, outcomes: readonly RuleOutcome[]): Promise<WarningChanges> {
  const changes: WarningChanges = { opened: [], stillOpen: [], cleared: [] };
  for (const outcome of outcomes) {
    const before = new Map((await db.query<{ subject: string; state: string }>('select subject, state from warnings where fund_id = $1 and rule = $2', [fundId, outcome.rule])).map((r) => [r.subject, r.state]));
    for (const hit of outcome.hits) {
      const [row] = await db.query<WarningRow>(
        `insert into warnings (fund_id, rule, subject, state, first_seen, last_seen, detail) values ($1, $2, $3, 'open', now(), now(), $4::jsonb)
         on conflict (fund_id, rule, subject) do update set state = 'open', last_seen = now(), cleared_at = null, detail = excluded.detail,
           first_seen = case when warnings.state = 'cleared' then now() else warnings.first_seen end
         returning ${COLUMNS}`,
        [fundId, outcome.rule, hit.subject, JSON.stringify(hit.detail)],
      );
      (before.get(hit.subject) === 'open' ? changes.stillOpen : changes.opened).push(warningOf(row!));
    }
    const cleared = await db.query<WarningRow>(
      `update warnings set state = 'cleared', cleared_at = now() where fund_id = $1 and rule = $2 and state = 'open' and not (subject = any($3::text[])) returning ${COLUMNS}`,
      [fundId, outcome.rule, outcome.hits.map((h) => h.subject)],
    );
    changes.cleared.push(...cleared.map(warningOf));
  }
  return changes;
}
