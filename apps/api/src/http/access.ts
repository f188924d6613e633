import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { type Role, roleAtLeast, sessionByHash, sha256, standingIn } from '../auth/access';
import type { AppEnv } from './env';
import { problem } from './problem';

export const SESSION_COOKIE = 'fl_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Reads the session cookie into `user`; on a write (any method but GET, HEAD, OPTIONS) by a signed-in user the
 * `X-CSRF-Token` header must carry the session's CSRF token (a cross-site form cannot read it, so cannot send it).
 */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    let session;
    if (id) {
      const idHash = sha256(id);
      session = c.var.accessCache.session(idHash);
      if (!session) {
        const generation = c.var.accessCache.generation;
        session = await sessionByHash(c.var.store, idHash);
        if (session) c.var.accessCache.setSession(idHash, session, generation);
      }
    }
    c.set('user', session?.user);
    if (session && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
      return problem(c, 403, 'csrf', `a write needs the session's CSRF token in the ${CSRF_HEADER} header (GET /api/session gives it)`);
    }
    await next();
  };
}

/**
 * The route needs a signed-in user with at least `role` in the path's fund. Another fund's data answers 404, as a fund
 * that does not exist: a user cannot even learn which funds exist.
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv & { Variables: { role: Role } }> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) return problem(c, 401, 'unauthenticated', 'sign in first (POST /api/session)');
    const fundId = c.req.param('fundId');
    if (!fundId) return problem(c, 404, 'not_found', 'no such fund');
    let standing = c.var.accessCache.standing(user.id, fundId);
    if (!standing) {
      const generation = c.var.accessCache.generation;
      standing = await standingIn(c.var.store, user, fundId);
      c.var.accessCache.setStanding(user.id, fundId, standing, generation);
    }
    const has = standing.role;
    if (!has || !standing.fundExists) return problem(c, 404, 'not_found', 'no such fund');
    if (!roleAtLeast(has, role)) return problem(c, 403, 'forbidden', `this needs the ${role} role in fund ${fundId}; you are ${has}`);
    c.set('role', has);
    await next();
  };
}

/** The route needs a site administrator. */
export function requireSiteAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.user) return problem(c, 401, 'unauthenticated', 'sign in first (POST /api/session)');
    if (!c.var.user.admin) return problem(c, 403, 'forbidden', 'this needs a site administrator');
    await next();
  };
}
