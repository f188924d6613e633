import pg from 'pg';
import { type Queryable, type Store, normaliseRow } from './store';

/**
 * A PostgreSQL server (`DATABASE_URL`). `pg` returns int8 and numeric as strings already; rows pass through
 * `normaliseRow` all the same so both stores share one path. Each transaction takes one pooled connection.
 */
export async function openPostgres(connectionString: string, options: { max?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client's error (the server restarted) must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  const run = async <T extends object>(q: Pick<pg.PoolClient, 'query'>, sql: string, params?: readonly unknown[]): Promise<T[]> => {
    const r = await q.query(sql, params ? [...params] : undefined);
    return (r.rows as Record<string, unknown>[]).map((row) => normaliseRow<T>(row));
  };
  await run(pool as unknown as pg.PoolClient, 'select 1');
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool as unknown as pg.PoolClient, sql, params),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({ query: (sql, params) => run(client, sql, params), exec: async (sql) => void (await client.query(sql)) } satisfies Queryable);
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
