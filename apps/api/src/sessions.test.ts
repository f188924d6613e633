// Signing in and out (docs/api.md §5) on every store: the login rate limit, the cookie's flags, sign-out and expiry,
// the one-time login link; and the first administrator, made by the `create-user` command on a PGlite data folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './app';
import { createLoginToken, sha256, userByName } from './auth/access';
import type { Store } from './db/store';
import { SESSION_COOKIE } from './http/access';
import { createFund } from './repo/funds';
import { openStore } from './store';
import { TEST_PASSWORD_PARAMS, makeUser } from './testing/client';
import { testStoreKinds } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');

interface Answer {
  readonly status: number;
  readonly body: { error?: { code: string }; csrfToken?: string; user?: { name: string; admin: boolean } };
  readonly headers: Headers;
}

/** One request, with the session cookie when given; a write carries the CSRF token and the page's Origin. */
async function call(api: ReturnType<typeof createApi>, method: string, path: string, options: { cookie?: string; csrf?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { origin: 'http://localhost', ...options.headers };
  if (options.cookie) headers.cookie = `${SESSION_COOKIE}=${options.cookie}`;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await api.request(`http://localhost${path}`, { method, headers, redirect: 'manual', ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Answer['body'], headers: res.headers };
}
const cookieOf = (a: Answer) => new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(a.headers.get('set-cookie') ?? '')?.[1];

for (const kind of await testStoreKinds()) {
  describe(`sessions on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let password = '';
    const app = (accessCacheMs?: number) => createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, ...(accessCacheMs === undefined ? {} : { accessCacheMs }) });
    const login = (api: ReturnType<typeof createApi>, pw = password) => call(api, 'POST', '/api/session', { body: { name: 'li', password: pw } });

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县' });
      password = (await makeUser(store, 'li', { roles: { north: 'planner' } })).password;
    }, 60_000);
    afterAll(async () => dispose?.());

    it('refuses the 11th sign-in attempt of a name in 15 minutes with 429 and Retry-After, even with the right password', async () => {
      const api = app();
      for (let i = 1; i <= 10; i++) expect((await login(api, `wrong-password-${i}`)).status, `attempt ${i}`).toBe(401);
      const eleventh = await login(api);
      expect(eleventh.status).toBe(429);
      expect(eleventh.body).toMatchObject({ error: { code: 'rate_limited' }, issues: [] });
      const retry = Number(eleventh.headers.get('retry-after'));
      expect(Number.isInteger(retry) && retry >= 1 && retry <= 15 * 60).toBe(true);
      // The limit is per API process: another process (here, another app) counts afresh.
      expect((await login(app())).status).toBe(200);
    });

    it('sets the session cookie HttpOnly, SameSite=Strict, for 12 hours, and keeps only its sha256', async () => {
      const r = await login(app());
      expect(r.status).toBe(200);
      const set = r.headers.get('set-cookie')!;
      expect(set).toMatch(/HttpOnly/);
      expect(set).toMatch(/SameSite=Strict/);
      expect(set).toMatch(/Path=\//);
      expect(set).not.toMatch(/Secure/);
      const hours = (Date.parse(/Expires=([^;]+)/.exec(set)![1]!) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(11.9);
      expect(hours).toBeLessThanOrEqual(12);
      const id = cookieOf(r)!;
      expect(await store.query('select 1 from sessions where id_hash = $1', [id])).toHaveLength(0);
      expect(await store.query('select 1 from sessions where id_hash = $1', [sha256(id)])).toHaveLength(1);
      const secure = await call(createApi({ store, codeVersion: 'test', secureCookie: true }), 'POST', '/api/session', { body: { name: 'li', password } });
      expect(secure.headers.get('set-cookie')).toMatch(/Secure/);
    });

    it('revokes the session on sign-out: the old cookie then gets 401', async () => {
      const api = app();
      const r = await login(api);
      const cookie = cookieOf(r)!;
      expect((await call(api, 'GET', '/api/funds', { cookie })).status).toBe(200);
      const out = await call(api, 'DELETE', '/api/session', { cookie, csrf: r.body.csrfToken! });
      expect(out.status).toBe(200);
      expect(cookieOf(out)).toBe('');
      expect((await call(api, 'GET', '/api/session', { cookie })).status).toBe(401);
      expect((await call(api, 'GET', '/api/funds/north', { cookie })).status).toBe(401);
      // A write with the old cookie and its token is refused as signed out, not let through.
      expect((await call(api, 'POST', '/api/funds/north/scenarios', { cookie, csrf: r.body.csrfToken!, body: { name: 'x', body: {} } })).status).toBe(401);
    });

    it('answers 401 to an expired session', async () => {
      // Expired behind the API's back (as another process would): asked of the store every time here.
      const api = app(0);
      const r = await login(api);
      const cookie = cookieOf(r)!;
      expect((await call(api, 'GET', '/api/session', { cookie })).status).toBe(200);
      await store.query(`update sessions set expires_at = now() - interval '1 second' where id_hash = $1`, [sha256(cookie)]);
      expect((await call(api, 'GET', '/api/session', { cookie })).status).toBe(401);
      expect((await call(api, 'GET', '/api/funds', { cookie })).status).toBe(401);
    });

    it('honours a session revoked by another process at most accessCacheMs longer, and its own sign-out at once', async () => {
      const api = app(400);
      const r = await login(api);
      const cookie = cookieOf(r)!;
      expect((await call(api, 'GET', '/api/funds/north', { cookie })).status).toBe(200);
      // Revoked in the store directly, as a second API process or the command line would: the stated delay.
      const revokedAt = Date.now();
      await store.query('update sessions set revoked_at = now() where id_hash = $1', [sha256(cookie)]);
      const soon = await call(api, 'GET', '/api/funds/north', { cookie });
      if (Date.now() - revokedAt < 400) expect(soon.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect((await call(api, 'GET', '/api/funds/north', { cookie })).status).toBe(401);
      // Through this API: a write empties the cache, so the next read already asks the store.
      const again = await login(api);
      const cookie2 = cookieOf(again)!;
      expect((await call(api, 'GET', '/api/funds/north', { cookie: cookie2 })).status).toBe(200);
      expect((await call(api, 'DELETE', '/api/session', { cookie: cookie2, csrf: again.body.csrfToken! })).status).toBe(200);
      expect((await call(api, 'GET', '/api/funds/north', { cookie: cookie2 })).status).toBe(401);
    });

    it('signs in once with a one-time login link: the second use, and an expired link, get 401', async () => {
      const api = app();
      const user = (await userByName(store, 'li'))!;
      const token = await createLoginToken(store, user.id, 60);
      const first = await call(api, 'GET', `/api/login?token=${token}`);
      expect(first.status).toBe(302);
      expect(first.headers.get('location')).toBe('/');
      const session = await call(api, 'GET', '/api/session', { cookie: cookieOf(first)! });
      expect(session.body.user).toMatchObject({ name: 'li', admin: false });
      const second = await call(api, 'GET', `/api/login?token=${token}`);
      expect(second.status).toBe(401);
      expect(second.body).toMatchObject({ error: { code: 'bad_token' } });
      expect(cookieOf(second)).toBeUndefined();
      const expired = await createLoginToken(store, user.id, 0);
      expect((await call(api, 'GET', `/api/login?token=${expired}`)).status).toBe(401);
    });
  });
}

describe('the first administrator, by `fundladder-api create-user NAME --admin`', () => {
  const folder = mkdtempSync(join(tmpdir(), 'fl-create-user-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** Runs the bin on the data folder with `stdin` piped in; resolves with its exit code and output. */
  const cli = (args: string[], stdin: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'apps', 'api', 'bin', 'fundladder-api.mjs'), ...args], { cwd: ROOT, env: { ...process.env, FUNDLADDER_DATA: folder, DATABASE_URL: '' }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });

  it('refuses a password under 12 characters with exit code 1, creating no one', async () => {
    const r = await cli(['create-user', 'shorty', '--admin'], 'short-pw\n');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('at least 12 characters');
  }, 180_000);

  it('creates a site administrator from the password on standard input, who then signs in through the API', async () => {
    const r = await cli(['create-user', 'chief', '--admin'], 'a-first-admin-password\n');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('created chief (site administrator)');
    // PGlite is one process per data folder: the command has exited, so this process may open it now.
    const { store } = await openStore({ dataDir: folder });
    try {
      expect(await userByName(store, 'shorty')).toBeUndefined();
      const signIn = await call(createApi({ store, codeVersion: 'test' }), 'POST', '/api/session', { body: { name: 'chief', password: 'a-first-admin-password' } });
      expect(signIn.status).toBe(200);
      expect(signIn.body).toMatchObject({ user: { name: 'chief', admin: true }, funds: 'all' });
    } finally {
      await store.close();
    }
  }, 180_000);
});
