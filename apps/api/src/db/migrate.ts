import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './store';

/** The folder of numbered migrations (`NNN_name.sql`), applied in order on both stores. */
export const MIGRATIONS_DIR = join(import.meta.dirname, '..', '..', 'migrations');

/** One migration file. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** sha256 of the file's text: an applied migration edited later is refused, not silently re-run. */
  readonly checksum: string;
}

/** The migrations in `dir`, in order; a file not named `NNN_name.sql` or a version used twice is an error. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    const m = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) throw new Error(`migrations/${file}: a migration is named NNN_name.sql (three digits, lower-case name)`);
    const sql = readFileSync(join(dir, file), 'utf8');
    out.push({ version: Number(m[1]), name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations: expected version ${String(i + 1).padStart(3, '0')}, found ${String(m.version).padStart(3, '0')}_${m.name}.sql (numbers run 001, 002, … without gaps)`);
  });
  return out;
}

/** The lock every migrating process takes, so two API processes starting at once never apply a migration twice. */
const MIGRATION_LOCK = 7_202_611;

/**
 * Applies the migrations not yet applied, each recorded with its checksum, all in one transaction under an advisory
 * lock (held to the transaction's end): a failure applies none. Returns the schema version (the highest applied).
 * An applied migration whose file changed since is an error naming it.
 */
export async function migrate(store: Store, migrations: readonly Migration[] = readMigrations()): Promise<number> {
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = new Map((await tx.query<{ version: number; name: string; checksum: string }>('select version, name, checksum from schema_migrations')).map((r) => [r.version, r]));
    let version = 0;
    for (const m of migrations) {
      const done = applied.get(m.version);
      if (done) {
        if (done.checksum !== m.checksum) throw new Error(`migration ${String(m.version).padStart(3, '0')}_${m.name}.sql was applied with checksum ${done.checksum.slice(0, 12)}… and has changed since (${m.checksum.slice(0, 12)}…): add a new migration instead of editing an applied one`);
      } else {
        await tx.exec(m.sql);
        await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [m.version, m.name, m.checksum]);
      }
      version = m.version;
    }
    const newer = [...applied.keys()].filter((v) => v > version);
    if (newer.length) throw new Error(`the database has schema version ${Math.max(...newer)}, newer than this code's ${version}: run a newer fundladder`);
    return version;
  });
}

/** The schema version recorded in the database (0 when none). */
export async function schemaVersion(store: Store): Promise<number> {
  const rows = await store.query<{ v: number | null }>('select max(version) as v from schema_migrations');
  return rows[0]?.v ?? 0;
}
