import { Decimal } from '@fundladder/core';
import type { Queryable } from '../db/store';

/** A month's actual inflow and outflow of one fund type (实际收支), yuan as decimal strings to the fen. */
export interface Actual {
  readonly id: string;
  readonly fundId: string;
  readonly month: string;
  readonly fundType: string;
  readonly inflow: string;
  readonly outflow: string;
  readonly source: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  /** The row that corrected this one; null for the figure in force. */
  readonly supersededBy: string | null;
}

interface ActualRow { id: string; fund_id: string; month: string; fund_type: string; inflow: string; outflow: string; source: string | null; created_by: string | null; created_at: Date; superseded_by: string | null }
// numeric(20,2) reads back as its text on both drivers ('1234.50'); Decimal only normalises it to two places.
const actualOf = (r: ActualRow): Actual => ({
  id: String(r.id), fundId: r.fund_id, month: r.month, fundType: r.fund_type, inflow: new Decimal(r.inflow).toFixed(2), outflow: new Decimal(r.outflow).toFixed(2),
  source: r.source, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString(), supersededBy: r.superseded_by === null ? null : String(r.superseded_by),
});
const COLUMNS = 'id, fund_id, month, fund_type, inflow::text as inflow, outflow::text as outflow, source, created_by, created_at, superseded_by';

/** A fund's actuals by month and fund type: the figures in force, or with `history` every row, corrections after what they corrected. */
export async function listActuals(db: Queryable, fundId: string, options: { history?: boolean } = {}): Promise<Actual[]> {
  const rows = await db.query<ActualRow>(`select ${COLUMNS} from actuals where fund_id = $1 and ($2 or superseded_by is null) order by month, fund_type, id`, [fundId, options.history ?? false]);
  return rows.map(actualOf);
}

/** One row to record: yuan as Decimals (checked already). */
export interface ActualInput {
  readonly month: string;
  readonly fundType: string;
  readonly inflow: Decimal;
  readonly outflow: Decimal;
}

/** What a batch did: rows recorded, the rows they superseded, and rows equal to the figures in force (not recorded again). */
export interface SavedActuals {
  readonly saved: Actual[];
  readonly superseded: Array<{ id: string; supersededBy: string }>;
  readonly unchanged: Array<{ month: string; fundType: string; id: string }>;
}

/**
 * Records a batch of actuals. A row for a month and fund type that has a figure in force is a correction: a new row,
 * and the old one gets `superseded_by` (nothing is overwritten); a row equal to the figure in force is not recorded
 * again. Call inside a transaction, after `lockFund`, so two corrections of one month cannot both supersede one row.
 */
export async function saveActuals(db: Queryable, input: { fundId: string; rows: readonly ActualInput[]; source: string | null; createdBy: string }): Promise<SavedActuals> {
  const out: SavedActuals = { saved: [], superseded: [], unchanged: [] };
  for (const r of input.rows) {
    const [current] = await db.query<{ id: string; inflow: string; outflow: string }>(
      'select id, inflow::text as inflow, outflow::text as outflow from actuals where fund_id = $1 and month = $2 and fund_type = $3 and superseded_by is null',
      [input.fundId, r.month, r.fundType],
    );
    if (current && r.inflow.eq(current.inflow) && r.outflow.eq(current.outflow)) {
      out.unchanged.push({ month: r.month, fundType: r.fundType, id: String(current.id) });
      continue;
    }
    // The new row's id first, so the old row can point at it before the new row takes its place as the one in force.
    const [{ id }] = (await db.query<{ id: string }>(`select nextval(pg_get_serial_sequence('actuals', 'id'))::text as id`)) as [{ id: string }];
    if (current) {
      await db.query('update actuals set superseded_by = $1 where id = $2', [id, current.id]);
      out.superseded.push({ id: String(current.id), supersededBy: id });
    }
    const [row] = await db.query<ActualRow>(
      `insert into actuals (id, fund_id, month, fund_type, inflow, outflow, source, created_by) values ($1, $2, $3, $4, $5::numeric, $6::numeric, $7, $8) returning ${COLUMNS}`,
      [id, input.fundId, r.month, r.fundType, r.inflow.toFixed(2), r.outflow.toFixed(2), input.source, input.createdBy],
    );
    out.saved.push(actualOf(row!));
  }
  return out;
}

/**
 * The fund types the fund's scenarios know, from the latest version of each (or of the one named `scenarioName`);
 * undefined when no scenario has that name.
 */
export async function knownFundTypes(db: Queryable, fundId: string, scenarioName?: string): Promise<{ fundTypes: string[]; scenarios: string[] } | undefined> {
  const rows = await db.query<{ name: string; fund_types: unknown }>(
    `select s.name, v.body -> 'fundTypes' as fund_types
       from scenarios s join lateral (select body from scenario_versions where scenario_id = s.id order by version desc limit 1) v on true
      where s.fund_id = $1 and ($2::text is null or s.name = $2) order by s.id`,
    [fundId, scenarioName ?? null],
  );
  if (scenarioName !== undefined && !rows.length) return undefined;
  const fundTypes = new Set<string>();
  for (const r of rows) if (Array.isArray(r.fund_types)) for (const f of r.fund_types) if (typeof f === 'string') fundTypes.add(f);
  return { fundTypes: [...fundTypes], scenarios: rows.map((r) => r.name) };
}
