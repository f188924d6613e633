// A test client over `app.request()`: keeps the session cookie and sends the CSRF token on writes, like a browser.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import type { Store } from '../db/store';
import { createUser, grantRole, type Role } from '../auth/access';
import { hashPassword } from '../auth/passwords';

/** Cheap scrypt for test users (the real parameters are tested once in passwords.test.ts). */
export const TEST_PASSWORD_PARAMS = { N: 2 ** 10, r: 8, p: 1 } as const;

export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export class TestClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly app: OpenAPIHono<AppEnv>) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    if (body !== undefined) h['content-type'] ??= 'application/json';
    // A browser sends its page's origin with every write.
    if (method !== 'GET') h.origin ??= 'http://localhost';
    const res = await this.app.request(`http://localhost${path}`, { method, headers: h, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (an event stream, a file)
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** A GET with the session (and any other headers), as the raw response (a file download, an event stream, gzip). */
  raw(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return Promise.resolve(this.app.request(`http://localhost${path}`, { headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } }));
  }

  get = <T = unknown>(path: string) => this.request<T>('GET', path);
  post = <T = unknown>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T = unknown>(path: string, body?: unknown) => this.request<T>('PUT', path, body);

  /** Signs in; keeps the cookie and the CSRF token. */
  async login(name: string, password: string): Promise<TestResponse> {
    const r = await this.post<{ csrfToken?: string }>('/api/session', { name, password });
    if (r.status === 200) this.csrf = r.body.csrfToken ?? '';
    return r;
  }
}

/** A user with a password and, optionally, a role in some funds. */
export async function makeUser(store: Store, name: string, options: { admin?: boolean; roles?: Record<string, Role> } = {}): Promise<{ id: string; name: string; password: string }> {
  const password = `pw-${name}-0123456789`;
  const user = await createUser(store, { name, passwordHash: await hashPassword(password, TEST_PASSWORD_PARAMS), admin: options.admin ?? false });
  if (!user) throw new Error(`user ${name} exists`);
  for (const [fund, role] of Object.entries(options.roles ?? {})) await grantRole(store, user.id, fund, role);
  return { id: user.id, name, password };
}
