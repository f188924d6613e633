import type { DomainIssue } from '@fundladder/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The body of every error response: a machine code, one sentence, and the same `issues` the CLI prints (JSON path,
 * rule, value received) where the input was at fault.
 */
export interface Problem {
  readonly error: { readonly code: string; readonly message: string };
  readonly issues: readonly DomainIssue[];
}

/** An error response with its status. */
export function problem(c: Context, status: ContentfulStatusCode, code: string, message: string, issues: readonly DomainIssue[] = []) {
  return c.json({ error: { code, message }, issues } satisfies Problem, status);
}

/** Issues of a request body, their paths under `body`. */
export function bodyIssues(issues: readonly DomainIssue[], prefix: readonly (string | number)[] = []): DomainIssue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}
