// Row counts of every table, for tests that prove a refused request saved nothing (docs/api.md §4).
import type { Queryable } from '../db/store';

/** The store's tables (schema `public`), by name: read once per store, so a table added later is counted too. */
export async function tableNames(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  return rows.map((r) => r.name);
}

/**
 * The number of rows in each of `tables`, in one statement.
 *
 * @example
 * await tableCounts(store, ['funds', 'runs']) //=> { funds: 2, runs: 0 }
 */
export async function tableCounts(db: Queryable, tables: readonly string[]): Promise<Record<string, number>> {
  const sql = `select ${tables.map((t, i) => `(select count(*) from "${t.replaceAll('"', '""')}") as c${i}`).join(', ')}`;
  const [row] = await db.query<Record<string, string>>(sql);
  return Object.fromEntries(tables.map((t, i) => [t, Number(row![`c${i}`])]));
}

/** The tables whose count changed between two snapshots, with the change (`{ runs: 1 }`). */
export function countChanges(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys({ ...before, ...after }).map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)] as const).filter(([, d]) => d !== 0));
}

/**
 * A test-only log of row writes: an AFTER trigger on each of `tables` counts every inserted, updated and deleted row by
 * table and operation, in the writing transaction (a rolled-back write counts nothing). Reading it is one small
 * query, where {@link tableCounts} counts every table; and it also sees an update, which leaves the counts as they were.
 */
export async function installWriteLog(db: Queryable, tables: readonly string[]): Promise<void> {
  await db.exec(`
    create table test_row_writes (table_name text not null, op text not null, n bigint not null, primary key (table_name, op));
    create function test_log_write() returns trigger language plpgsql as $$
    begin
      insert into test_row_writes values (tg_table_name, lower(tg_op), 1) on conflict (table_name, op) do update set n = test_row_writes.n + 1;
      return null;
    end $$;
    ${tables.map((t) => `create trigger test_log_write after insert or update or delete on "${t.replaceAll('"', '""')}" for each row execute function test_log_write();`).join('\n')}
  `);
}

/** Rows written so far per table: `{ runs: 3 }` for inserts, `'memberships.update': 1` for updates and deletes. */
export async function rowWrites(db: Queryable): Promise<Record<string, number>> {
  const rows = await db.query<{ table_name: string; op: string; n: string }>('select table_name, op, n from test_row_writes');
  return Object.fromEntries(rows.map((r) => [r.op === 'insert' ? r.table_name : `${r.table_name}.${r.op}`, Number(r.n)]));
}
