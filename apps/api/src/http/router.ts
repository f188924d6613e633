import { OpenAPIHono } from '@hono/zod-openapi';
import { fromZodIssues } from '@fundladder/core';
import type { AppEnv } from './env';
import { problem } from './problem';

/**
 * A group of routes (src/routes/*.ts). Each group chains its `.openapi(…)` calls on one of these and `createApi` mounts
 * the groups with `.route('/', …)`, so the API's type carries every route, its parameters and its answers: hono's typed
 * client `hc<ApiType>` (src/client.ts) checks paths and bodies at compile time.
 *
 * A body, path or query that breaks its schema gets 422 with the CLI's issues (JSON path, rule, value; nearest key).
 */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const target = (result as { target?: string }).target;
        const prefix = target === 'param' ? ['params'] : target === 'query' ? ['query'] : [];
        return problem(c, 422, 'invalid_request', 'the request breaks a rule', fromZodIssues(result.error.issues, prefix));
      }
    },
  });
}
