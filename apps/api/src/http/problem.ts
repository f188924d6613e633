import { issueText } from '@fundladder/app';
import type { DomainIssue } from '@fundladder/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The body of every error response: a machine code, one sentence, and the same `issues` the CLI prints (JSON path,
 * rule, value received) where the input was at fault.
 */
export interface Problem {
  readonly error: { readonly code: string; readonly message: string };
  readonly issues: readonly WordedIssue[];
}

/** An issue with its sentence for people in each language, from the message catalogue the CLI prints (docs/app.md §3). */
export type WordedIssue = DomainIssue & { readonly text: { readonly zh: string; readonly en: string } };

/** The issue with `text.zh` and `text.en` added (an issue the catalogue cannot word keeps its own message). */
export function worded(issue: DomainIssue): WordedIssue {
  const say = (lang: 'zh' | 'en') => {
    try {
      return issueText(issue, lang);
    } catch {
      return issue.message;
    }
  };
  return { ...issue, text: { zh: say('zh'), en: say('en') } };
}

/** An error response with its status; each issue carries its Chinese and English sentence. */
export function problem(c: Context, status: ContentfulStatusCode, code: string, message: string, issues: readonly DomainIssue[] = []) {
  return c.json({ error: { code, message }, issues: issues.map(worded) } satisfies Problem, status);
}

/** Issues of a request body, their paths under `body`. */
export function bodyIssues(issues: readonly DomainIssue[], prefix: readonly (string | number)[] = []): DomainIssue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}
