import { type ClientRequestOptions, hc } from 'hono/client';
import type { ApiType } from './app';

/**
 * hono's typed client of this API (docs/api.md §6): `client.api.funds[':fundId'].runs[':runId'].$get({ param })` —
 * the path, its parameters, the query, the JSON body and the answer's type all come from the routes' zod schemas, so
 * a renamed route or field fails the caller's type check instead of a user's click. The web app's calls go through it
 * (apps/web/src/api/client.ts), and still check each answer with zod at run time.
 *
 * @param baseUrl the API's origin, e.g. `http://127.0.0.1:3000` (the browser: `location.origin`)
 * @param options hono's client options: `fetch` (e.g. an in-process `app.request` in tests), `headers` (a function
 *   gives the CSRF token of the moment), `init` (`credentials: 'same-origin'`)
 * @example
 * const client = apiClient('http://127.0.0.1:3000');
 * const res = await client.api.funds.$get();
 * if (res.ok) (await res.json()).funds;
 */
export function apiClient(baseUrl: string, options?: ClientRequestOptions) {
  return hc<ApiType>(baseUrl, options);
}

/** The client's type. */
export type ApiClient = ReturnType<typeof apiClient>;
export type { ApiType };
