import { createRoute, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { ROLES, createUser, fundsOf, openSession, revokeSession, sessionUser, useLoginToken, userByName } from '../auth/access';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { RateLimiter } from '../auth/rateLimit';
import type { AppEnv, User } from '../http/env';
import { SESSION_COOKIE, requireSiteAdmin } from '../http/access';
import { problem } from '../http/problem';
import { jsonBody, responses } from '../http/schemas';
import { router } from '../http/router';

const sessionSchema = z.object({ user: z.object({ id: z.string(), name: z.string(), admin: z.boolean() }), csrfToken: z.string(), funds: z.array(z.object({ id: z.string(), role: z.enum(ROLES) })).or(z.literal('all')) }).openapi('Session');
const login = createRoute({ method: 'post', path: '/api/session', summary: 'Sign in with a name and password', request: { body: jsonBody(z.strictObject({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) })) }, responses: { ...responses(200, 'signed in', sessionSchema), 429: { description: 'too many attempts' } } });
const current = createRoute({ method: 'get', path: '/api/session', summary: 'Who is signed in, with the CSRF token writes need', responses: responses(200, 'the session', sessionSchema) });
const logout = createRoute({ method: 'delete', path: '/api/session', summary: 'Sign out', responses: responses(200, 'signed out', z.object({ ok: z.literal(true) })) });
const tokenLogin = createRoute({ method: 'get', path: '/api/login', summary: 'Sign in with a one-time token (the link `npm start` prints)', request: { query: z.object({ token: z.string().min(1).max(200) }) }, responses: { 302: { description: 'signed in; to the app' }, 401: { description: 'unknown, used or expired token' } } });
const newUser = createRoute({
  method: 'post', path: '/api/users', summary: 'Create a user (site administrators)',
  middleware: [requireSiteAdmin()] as const,
  request: { body: jsonBody(z.strictObject({ name: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/), displayName: z.string().max(200).optional(), password: z.string().min(12).max(1024), admin: z.boolean().default(false) })) },
  responses: responses(201, 'created', z.object({ id: z.string(), name: z.string(), admin: z.boolean() })),
});

export interface SessionOptions {
  /** scrypt parameters for new passwords (tests lower N; the default is OWASP's). */
  readonly passwordParams?: { N: number; r: number; p: number };
  /** Login attempts per user name and per address in 15 minutes (default 10). */
  readonly loginAttempts?: number;
  /** Set the cookie's Secure flag (behind HTTPS). */
  readonly secureCookie?: boolean;
}

export function sessionRoutes(options: SessionOptions = {}) {
  const limiter = new RateLimiter(options.loginAttempts ?? 10, 15 * 60_000);
  const start = async (c: Context<AppEnv>, user: User) => {
    const s = await openSession(c.var.store, user.id);
    setCookie(c, SESSION_COOKIE, s.id, { httpOnly: true, sameSite: 'Strict', path: '/', secure: options.secureCookie ?? false, expires: s.expiresAt });
    const funds = await fundsOf(c.var.store, user);
    return { user, csrfToken: s.csrfToken, funds: funds === 'all' ? ('all' as const) : await rolesOf(c, user, funds) };
  };

  return router()
    .openapi(login, async (c) => {
    const { name, password } = c.req.valid('json');
    const address = clientAddress(c);
    if (!limiter.take(`name:${name}`) || !limiter.take(`addr:${address}`)) {
      c.header('Retry-After', String(Math.max(limiter.retryAfter(`name:${name}`), limiter.retryAfter(`addr:${address}`))));
      return problem(c, 429, 'rate_limited', 'too many sign-in attempts: wait and try again') as never;
    }
    const user = await userByName(c.var.store, name);
    // The same answer, and about the same time, for an unknown name and a wrong password.
    const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : (await verifyPassword(password, DUMMY_HASH), false);
    if (!user || !ok) return problem(c, 401, 'bad_credentials', 'unknown name or wrong password') as never;
    return c.json(await start(c, { id: user.id, name: user.name, admin: user.admin }), 200);
  })
    .openapi(current, async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    const s = id ? await sessionUser(c.var.store, id) : undefined;
    if (!s) return problem(c, 401, 'unauthenticated', 'not signed in') as never;
    const funds = await fundsOf(c.var.store, s.user);
    return c.json({ user: s.user, csrfToken: s.csrfToken, funds: funds === 'all' ? ('all' as const) : await rolesOf(c, s.user, funds) }, 200);
  })
    .openapi(logout, async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await revokeSession(c.var.store, id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true as const }, 200);
  })
    .openapi(tokenLogin, async (c) => {
    const user = await useLoginToken(c.var.store, c.req.valid('query').token);
    if (!user) return problem(c, 401, 'bad_token', 'this sign-in link is unknown, used or expired: start the server again for a new one') as never;
    await start(c, user);
    return c.redirect('/', 302);
  })
    .openapi(newUser, async (c) => {
    const body = c.req.valid('json');
    const user = await createUser(c.var.store, { name: body.name, displayName: body.displayName ?? '', passwordHash: await hashPassword(body.password, options.passwordParams), admin: body.admin });
    if (!user) return problem(c, 409, 'exists', `a user named ${body.name} exists`) as never;
    return c.json(user, 201);
  });
}

async function rolesOf(c: Context<AppEnv>, user: User, funds: readonly string[]) {
  const rows = await c.var.store.query<{ fund_id: string; role: (typeof ROLES)[number] }>('select fund_id, role from memberships where user_id = $1 and fund_id = any($2::text[]) order by fund_id', [user.id, funds]);
  return rows.map((r) => ({ id: r.fund_id, role: r.role }));
}

/** A hash of nothing in particular, checked against when the name is unknown, so both answers take as long. */
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * The caller's address for the sign-in limit: the socket's peer, never a header a client can set
 * (`X-Forwarded-For` is trusted only when FUNDLADDER_TRUST_PROXY=1, behind a proxy that sets it). In-process
 * requests (tests) have no socket: `local`.
 */
function clientAddress(c: Context<AppEnv>): string {
  if (process.env.FUNDLADDER_TRUST_PROXY === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
