import { PGlite } from '@electric-sql/pglite';
import { lockFolder } from './folderLock';
import { type Queryable, type Store, SerialLock, normaliseRow } from './store';

/**
 * The embedded store: PGlite in `dataDir` (a folder; created when absent), or in memory when `dataDir` is undefined
 * (tests). PGlite is one connection in single-user mode: every statement and transaction here takes one lock, and a
 * data folder is opened by one process at a time (docs/api.md §1, §9): `lockFolder` refuses a second one.
 */
export async function openPglite(dataDir?: string): Promise<Store> {
  // int8 (type oid 20: bigserial ids, count(*)) as its decimal string, as `pg` gives it: never a lossy number.
  const options = { parsers: { 20: (text: string) => text } };
  // One process per folder, enforced: a second process is refused before PGlite touches the files.
  const folder = dataDir ? lockFolder(dataDir) : undefined;
  let db: PGlite;
  try {
    db = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  } catch (e) {
    folder?.release();
    throw e;
  }
  const lock = new SerialLock();
  const run = async <T extends object>(q: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<T[]> => {
    const r = await q.query<Record<string, unknown>>(sql, params ? [...params] : undefined);
    return r.rows.map((row) => normaliseRow<T>(row));
  };
  return {
    kind: 'pglite',
    query: (sql, params) => lock.run(() => run(db, sql, params)),
    transaction: (fn) => lock.run(() => db.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params), exec: async (sql) => void (await tx.exec(sql)) } satisfies Queryable))),
    exec: async (sql) => {
      await lock.run(() => db.exec(sql));
    },
    close: () => lock.run(() => db.close()).finally(() => folder?.release()),
  };
}
