// The one data layer the API talks to (docs/api.md §1): PGlite (embedded PostgreSQL in a data folder, the default) or a
// PostgreSQL server (DATABASE_URL). Both speak the same SQL; the differences (PGlite is one connection; int8 comes back
// as BigInt from PGlite and as a string from `pg`) end here.

/** A row as the API reads it: int8 normalised to a string (like numeric: exact), everything else as the driver gives. */
export type Row = Record<string, unknown>;

/** What can run a query: the store itself, or one transaction of it. */
export interface Queryable {
  /** Rows of a parameterised statement (`$1`, `$2`, …); values are never spliced into the SQL. */
  query<T extends object = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Many statements in one string, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The store: queries, one transaction at a time per connection, and the facts `/api/health` reports. */
export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it returns, rolled back when it throws, so a request that fails half-way
   * saves nothing. On PGlite transactions are serialised (one connection); on a server each takes a pooled connection.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A row with every BigInt (PGlite's int8) turned into its decimal string, as `pg` returns int8: callers see one form.
 * Numbers that fit (int4, float8) stay numbers; numeric is a string on both drivers.
 */
export function normaliseRow<T extends object>(row: Record<string, unknown>): T {
  let out: Record<string, unknown> | undefined;
  for (const key in row) {
    const v = row[key];
    if (typeof v === 'bigint') {
      out ??= { ...row };
      out[key] = v.toString();
    }
  }
  return (out ?? row) as T;
}

/**
 * A first-in, first-out lock: PGlite is one connection, so a transaction must not interleave with other statements.
 * `run` waits for every earlier holder, then runs `fn`, and releases even when `fn` throws.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
