import { join } from 'node:path';
import type { Store } from './db/store';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { migrate } from './db/migrate';

/** Where `npm start` keeps its embedded database unless FUNDLADDER_DATA says otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = join(import.meta.dirname, '..', '..', '..', '.fundladder-data');

/**
 * The store the environment asks for, migrated: a PostgreSQL server when `databaseUrl` (DATABASE_URL) is set,
 * otherwise PGlite in `dataDir` (FUNDLADDER_DATA, default {@link DEFAULT_DATA_DIR}). Returns it with its schema version.
 */
export async function openStore(env: { databaseUrl?: string | undefined; dataDir?: string | undefined } = {}): Promise<{ store: Store; schemaVersion: number; where: string }> {
  const store = env.databaseUrl ? await openPostgres(env.databaseUrl) : await openPglite(env.dataDir ?? DEFAULT_DATA_DIR);
  try {
    const schemaVersion = await migrate(store);
    return { store, schemaVersion, where: env.databaseUrl ? redact(env.databaseUrl) : (env.dataDir ?? DEFAULT_DATA_DIR) };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** A connection string without its password, for printing. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
