import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/store';
import type { User } from '../http/env';

/** A user's role in one fund; each may do what the ones before it may. */
export const ROLES = ['viewer', 'planner', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `has` is at least `needs` (viewer < planner < approver < admin). */
export function roleAtLeast(has: Role | undefined, needs: Role): boolean {
  return has !== undefined && ROLES.indexOf(has) >= ROLES.indexOf(needs);
}

/** How long a session lasts without being renewed. */
export const SESSION_HOURS = 12;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const token = () => randomBytes(32).toString('base64url');

interface UserRow { id: string; name: string; display_name: string; admin: boolean; password_hash: string | null }
const userOf = (r: UserRow): User => ({ id: r.id, name: r.name, admin: r.admin });

export async function createUser(db: Queryable, input: { name: string; displayName?: string; passwordHash?: string; admin?: boolean }): Promise<User | undefined> {
  const [row] = await db.query<UserRow>('insert into users (name, display_name, password_hash, admin) values ($1, $2, $3, $4) on conflict (name) do nothing returning id, name, display_name, admin, password_hash', [input.name, input.displayName ?? '', input.passwordHash ?? null, input.admin ?? false]);
  return row ? userOf(row) : undefined;
}

export async function userByName(db: Queryable, name: string): Promise<(User & { passwordHash: string | null }) | undefined> {
  const [row] = await db.query<UserRow>('select id, name, display_name, admin, password_hash from users where name = $1', [name]);
  return row ? { ...userOf(row), passwordHash: row.password_hash } : undefined;
}

export async function grantRole(db: Queryable, userId: string, fundId: string, role: Role): Promise<void> {
  await db.query('insert into memberships (user_id, fund_id, role) values ($1, $2, $3) on conflict (user_id, fund_id) do update set role = excluded.role, granted_at = now()', [userId, fundId, role]);
}

/** The user's role in the fund: a site admin is admin of every fund. */
export async function roleIn(db: Queryable, user: User, fundId: string): Promise<Role | undefined> {
  if (user.admin) return 'admin';
  const [row] = await db.query<{ role: Role }>('select role from memberships where user_id = $1 and fund_id = $2', [user.id, fundId]);
  return row?.role;
}

/** The user's role in the fund (a site admin: admin) and whether the fund exists, in one query. */
export async function standingIn(db: Queryable, user: User, fundId: string): Promise<{ role: Role | undefined; fundExists: boolean }> {
  const [row] = await db.query<{ role: Role | null; fund_exists: boolean }>(
    'select (select role from memberships where user_id = $1 and fund_id = $2) as role, exists (select 1 from funds where id = $2) as fund_exists',
    [user.id, fundId],
  );
  return { role: user.admin ? 'admin' : (row?.role ?? undefined), fundExists: row?.fund_exists === true };
}

/** The funds a user may read (every fund for a site admin). */
export async function fundsOf(db: Queryable, user: User): Promise<string[] | 'all'> {
  if (user.admin) return 'all';
  return (await db.query<{ fund_id: string }>('select fund_id from memberships where user_id = $1 order by fund_id', [user.id])).map((r) => r.fund_id);
}

/** A new session: the id goes in the cookie, only its hash in the table; the CSRF token goes with every write. */
export async function openSession(db: Queryable, userId: string): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const id = token();
  const csrfToken = token();
  const [row] = await db.query<{ expires_at: Date }>(`insert into sessions (id_hash, user_id, csrf_token, expires_at) values ($1, $2, $3, now() + interval '${SESSION_HOURS} hours') returning expires_at`, [sha256(id), userId, csrfToken]);
  return { id, csrfToken, expiresAt: new Date(row!.expires_at) };
}

/** The user, CSRF token and end of a live session (not expired, not revoked), by the hash of its id. */
export async function sessionByHash(db: Queryable, idHash: string): Promise<{ user: User; csrfToken: string; expiresAtMs: number } | undefined> {
  const [row] = await db.query<UserRow & { csrf_token: string; expires_at: Date | string }>(
    `select u.id, u.name, u.display_name, u.admin, u.password_hash, s.csrf_token, s.expires_at from sessions s join users u on u.id = s.user_id
      where s.id_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [idHash],
  );
  return row ? { user: userOf(row), csrfToken: row.csrf_token, expiresAtMs: new Date(row.expires_at).getTime() } : undefined;
}

/** The user and CSRF token of a live session (not expired, not revoked). */
export async function sessionUser(db: Queryable, sessionId: string): Promise<{ user: User; csrfToken: string } | undefined> {
  const s = await sessionByHash(db, sha256(sessionId));
  return s ? { user: s.user, csrfToken: s.csrfToken } : undefined;
}

export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('update sessions set revoked_at = now() where id_hash = $1 and revoked_at is null', [sha256(sessionId)]);
}

/** A one-time login token for a user, valid for `minutes` (the link `npm start` prints). */
export async function createLoginToken(db: Queryable, userId: string, minutes = 60): Promise<string> {
  const t = token();
  await db.query(`insert into login_tokens (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(mins => $3))`, [sha256(t), userId, minutes]);
  return t;
}

/** The user of an unused, unexpired login token, marking it used (it works once). */
export async function useLoginToken(db: Queryable, t: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(
    `with t as (update login_tokens set used_at = now() where token_hash = $1 and used_at is null and expires_at > now() returning user_id)
     select u.id, u.name, u.display_name, u.admin, u.password_hash from t join users u on u.id = t.user_id`,
    [sha256(t)],
  );
  return row ? userOf(row) : undefined;
}
