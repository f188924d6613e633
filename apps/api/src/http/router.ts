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
        const { target, data } = result as { target?: string; data?: unknown };
        const prefix = target === 'param' ? ['params'] : target === 'query' ? ['query'] : [];
        // zod leaves the value out of an issue unless asked (`reportInput`), and the validator does not ask: without the
        // value sent, every refusal here read as "nothing (the field is missing)". The validator hands the input over.
        const issues = result.error.issues.map((issue) => (issue.input === undefined ? ({ ...issue, input: valueAt(data, issue.path) } as typeof issue) : issue));
        return problem(c, 422, 'invalid_request', 'the request breaks a rule', fromZodIssues(issues, prefix));
      }
    },
  });
}

/** The value at `path` inside `input`, or undefined where the path leaves it. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
