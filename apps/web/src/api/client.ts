// The web app's one way to the API (docs/api.md): same-origin fetch with the session cookie, the CSRF token on every
// write, and every answer checked with zod before it is used. A refusal becomes an ApiError carrying the API's code,
// sentence and issues; an answer that does not match its schema is an ApiError too (code `invalid_response`).
import type { ApiType } from '@fundladder/api';
import { hc } from 'hono/client';
import type { z } from 'zod';
import { type Issue, problemSchema, sessionSchema, type Session } from './schemas';

/** Why a call failed: the API's error (status, code, message, issues), the network, or an answer of the wrong shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';

/** Keeps the CSRF token writes need (from `GET /api/session` or `POST /api/session`). */
export function rememberSession(session: Session): Session {
  csrfToken = session.csrfToken;
  return session;
}

/** Forgets it (after signing out). */
export function forgetSession(): void {
  csrfToken = '';
}

async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown, signal?: AbortSignal): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A form (a file upload) goes as multipart, its boundary set by the browser; anything else as JSON.
  const form = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return answer(fetch(path, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: form ? (body as FormData) : JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) }), schema, `${method} ${path}`, signal);
}

/**
 * hono's typed client of the API (`@fundladder/api`'s `ApiType`): paths, parameters, queries and bodies are checked
 * against the API's routes when the app is type-checked. Same origin, the session cookie, and the CSRF token on writes.
 * Pass what it returns to {@link answer} with the answer's zod schema.
 * @example answer(api.api.funds[':fundId'].$get({ param: { fundId } }, { init: { signal } }), fundSchema, 'GET fund', signal)
 */
export const api = hc<ApiType>(typeof location === 'undefined' ? 'http://localhost' : location.origin, {
  init: { credentials: 'same-origin' },
  headers: (): Record<string, string> => (csrfToken ? { 'x-csrf-token': csrfToken } : {}),
});

/**
 * The answer to a request: its JSON checked with `schema`, or an ApiError — the API's refusal (code, sentence, issues),
 * the network, or an answer of the wrong shape (`invalid_response`). `what` names the request in messages.
 */
export async function answer<S extends z.ZodType>(pending: Promise<Response>, schema: S, what?: string, signal?: AbortSignal): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await pending;
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const name = what ?? (res.url ? new URL(res.url).pathname : 'the API');
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError(res.status, res.ok ? 'invalid_response' : 'http_error', res.ok ? `${name}: the answer is not JSON` : `${name}: HTTP ${res.status}`);
  }
  if (!res.ok) {
    const p = problemSchema.safeParse(json);
    if (p.success) throw new ApiError(res.status, p.data.error.code, p.data.error.message, p.data.issues);
    throw new ApiError(res.status, 'http_error', `${name}: HTTP ${res.status}`);
  }
  return parseAnswer(schema, json, name);
}

/** A typed call's options carrying its abort signal: `api.api.funds.$get(undefined, withSignal(signal))`. */
export const withSignal = (signal?: AbortSignal) => (signal ? { init: { signal } } : {});

/**
 * `json` checked against `schema`, or an ApiError `invalid_response` whose issues name each wrong field by its path.
 * @example parseAnswer(z.object({ id: z.string() }), { id: 1 }, 'GET /x') // throws ApiError invalid_response, issue at ['id']
 */
export function parseAnswer<S extends z.ZodType>(schema: S, json: unknown, what: string): z.output<S> {
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issues: Issue[] = r.error.issues.map((i) => ({ code: i.code, path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), rule: 'apiSchema', message: i.message }));
  throw new ApiError(200, 'invalid_response', `${what}: the answer does not have the expected shape`, issues);
}

/**
 * A multipart form (files) POSTed with the CSRF token, its answer checked with `schema`: the upload route reads its
 * parts itself, so its path comes from the typed client's `$path` (`api.api.funds[':fundId'].imports.$path(…)`).
 */
export const apiPostForm = <S extends z.ZodType>(path: string, schema: S, form: FormData) => call('POST', path, schema, form);

/** Who is signed in (and the CSRF token), or undefined when nobody is. */
export async function currentSession(): Promise<Session | undefined> {
  try {
    return rememberSession(await answer(api.api.session.$get(), sessionSchema));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return undefined;
    throw e;
  }
}

/** Signs in with a name and password. */
export async function signIn(name: string, password: string): Promise<Session> {
  return rememberSession(await answer(api.api.session.$post({ json: { name, password } }), sessionSchema));
}

/** `/api/funds/{fundId}…` with the id escaped. */
export function fundPath(fundId: string, rest = ''): string {
  return `/api/funds/${encodeURIComponent(fundId)}${rest}`;
}
