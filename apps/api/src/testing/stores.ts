// Test stores (docs/api.md §8): every API suite runs on PGlite (always) and on a PostgreSQL server (when one answers at
// FUNDLADDER_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test — `.ci/run` starts one).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../db/store';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';
import { migrate } from '../db/migrate';

export const TEST_SERVER_URL = process.env.FUNDLADDER_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether the test server answers (checked once per test file). */
export async function serverReachable(url = TEST_SERVER_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A store kind the suites run on: how to open a fresh, migrated store of it. */
export interface TestStoreKind {
  readonly kind: 'pglite' | 'postgres';
  /** A new empty, migrated store: its own database on the server (dropped by `dispose`), in memory for PGlite. */
  open(): Promise<{ store: Store; url?: string; dispose(): Promise<void> }>;
}

export const pgliteKind: TestStoreKind = {
  kind: 'pglite',
  async open() {
    const store = await openPglite();
    await migrate(store);
    return { store, dispose: () => store.close() };
  },
};

/** A fresh database `fl_test_…` on the test server for each `open()`. */
export function postgresKind(adminUrl = TEST_SERVER_URL): TestStoreKind {
  return {
    kind: 'postgres',
    async open() {
      const name = `fl_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      const url = u.toString();
      const store = await openPostgres(url);
      await migrate(store);
      return {
        store,
        url,
        async dispose() {
          await store.close();
          const a = new pg.Client({ connectionString: adminUrl });
          await a.connect();
          await a.query(`drop database if exists ${name} with (force)`);
          await a.end();
        },
      };
    },
  };
}

/**
 * Where the test run's one check of the server is kept: test/setup/postgresServer.ts (vitest's globalSetup, once per
 * run) sets it to `reachable` or `absent` before any test file starts, and prints the notice then.
 */
export const TEST_SERVER_STATE_ENV = 'FUNDLADDER_TEST_SERVER';

/** The one line a run without the server prints: what did not run and how to run it. */
export function noServerNotice(url = TEST_SERVER_URL): string {
  return `fundladder: the PostgreSQL server suite did not run: no server at ${url} (start one, or set FUNDLADDER_TEST_DATABASE_URL; .ci/run starts Debian's postgresql)\n`;
}

/**
 * The store kinds this run tests: PGlite always, the server when it answers. Under `vitest` the run's global setup has
 * checked the server once and said once that its suite did not run; elsewhere (one file run another way) this checks
 * and says so itself, once per module.
 */
export async function testStoreKinds(): Promise<TestStoreKind[]> {
  const checked = process.env[TEST_SERVER_STATE_ENV];
  const reachable = checked === 'reachable' || (checked !== 'absent' && (await serverReachable()));
  if (reachable) return [pgliteKind, postgresKind()];
  if (!warned && checked !== 'absent') {
    warned = true;
    process.stderr.write(noServerNotice());
  }
  return [pgliteKind];
}
let warned = false;
