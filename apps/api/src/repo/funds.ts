import type { Queryable } from '../db/store';

export interface Fund {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

const fundOf = (r: { id: string; name: string; created_at: Date | string }): Fund => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString() });

/** Every fund, or those with the given ids, by id. */
export async function listFunds(db: Queryable, only?: readonly string[]): Promise<Fund[]> {
  const rows = only
    ? await db.query<{ id: string; name: string; created_at: Date }>('select id, name, created_at from funds where id = any($1::text[]) order by id', [only])
    : await db.query<{ id: string; name: string; created_at: Date }>('select id, name, created_at from funds order by id');
  return rows.map(fundOf);
}

export async function getFund(db: Queryable, id: string): Promise<Fund | undefined> {
  const [row] = await db.query<{ id: string; name: string; created_at: Date }>('select id, name, created_at from funds where id = $1', [id]);
  return row ? fundOf(row) : undefined;
}

/** A new fund; undefined when the id is taken. */
export async function createFund(db: Queryable, fund: { id: string; name: string }): Promise<Fund | undefined> {
  const [row] = await db.query<{ id: string; name: string; created_at: Date }>('insert into funds (id, name) values ($1, $2) on conflict (id) do nothing returning id, name, created_at', [fund.id, fund.name]);
  return row ? fundOf(row) : undefined;
}
