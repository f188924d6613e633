import type { DomainIssue } from '@fundladder/core';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../http/env';
import { problem } from '../../http/problem';

export interface BodyGuardOptions {
  /** Deepest nesting of arrays and objects a JSON body may have (default 64; a scenario is about 6 deep). */
  readonly maxDepth?: number;
  /** Issues listed at most (default 20). */
  readonly maxIssues?: number;
}

const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;
const FORM_MEDIA = /^(multipart\/form-data|application\/x-www-form-urlencoded)$/i;
// U+0000, or a UTF-16 surrogate without its partner: text PostgreSQL cannot store as sent (`text` refuses NUL, `jsonb`
// refuses `\u0000` and lone surrogates; in `text` a lone surrogate silently becomes U+FFFD).
// `isWellFormed` (ES2024, Node ≥ 20) is false exactly when a string holds a lone surrogate.
const unstorable = { test: (text: string): boolean => text.includes('\u0000') || !(text as string & { isWellFormed(): boolean }).isWellFormed() };

/**
 * Refuses, with 422 and the JSON path of each offence, a body the store could not keep exactly or the handlers could not
 * walk: JSON nested deeper than `maxDepth` (the run and scenario checks recurse, and would overflow the stack); text
 * (a value or a key; a form field or a file name) holding U+0000 or a lone surrogate; and the key `__proto__`, which no
 * request has and which a schema that keeps unknown keys (the run request's `passthrough`) would silently drop, setting
 * the parsed object's prototype instead. A body that is not valid JSON or not a valid form passes through: the route's
 * validator answers it with 400.
 *
 * @param options - `maxDepth` (default 64) and `maxIssues` (default 20).
 * @returns the middleware, for `/api/*` after the body limit.
 * @example
 * app.use('/api/*', bodyGuard());
 * // POST {"name":"a\u0000b"} → 422 { error: { code: 'unstorable_body' }, issues: [{ path: ['name'], rule: 'storableText' }] }
 * // POST {"kind":"evaluate","__proto__":{}} → 422 { …, issues: [{ path: ['__proto__'], rule: 'knownKeys' }] }
 * @see docs/api.md §4 (bad input)
 */
export function bodyGuard(options: BodyGuardOptions = {}): MiddlewareHandler<AppEnv> {
  const maxDepth = options.maxDepth ?? 64;
  const maxIssues = options.maxIssues ?? 20;
  return async function bodyGuard(c, next) {
    if (!c.req.raw.body) return next();
    const media = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
    let issues: DomainIssue[] = [];
    if (JSON_MEDIA.test(media)) {
      let value: unknown;
      try {
        value = await c.req.json();
      } catch {
        return next();
      }
      issues = jsonIssues(value, maxDepth, maxIssues);
    } else if (FORM_MEDIA.test(media)) {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        return problem(c, 400, 'malformed_form', 'the body is not a valid form');
      }
      for (const [key, v] of form.entries()) {
        if (issues.length >= maxIssues) break;
        if (unstorable.test(key)) issues.push(textIssue([key]));
        else if (typeof v === 'string' ? unstorable.test(v) : unstorable.test(v.name)) issues.push(textIssue(typeof v === 'string' ? [key] : [key, 'name']));
      }
    }
    if (issues.length) return problem(c, 422, 'unstorable_body', 'the body holds what cannot be stored or read as sent', issues);
    return next();
  };
}

/** Depth and text issues of a parsed JSON value, walked without recursion (a deep value must not overflow the walk). */
function jsonIssues(root: unknown, maxDepth: number, maxIssues: number): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value: root, path: [] }];
  while (stack.length && issues.length < maxIssues) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (unstorable.test(value)) issues.push(textIssue(path));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= maxDepth) {
      issues.push({ code: 'too_deep', path: path.slice(0, maxDepth), rule: 'maxDepth', message: `nested deeper than ${maxDepth} levels`, limit: String(maxDepth) });
      return issues;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    for (const [key, v] of Object.entries(value)) {
      if (unstorable.test(key)) issues.push(textIssue([...path, key]));
      else if (key === '__proto__') issues.push({ code: 'unknown_key', path: [...path, key], rule: 'knownKeys', message: '`__proto__` is never a field of a request', received: key });
      else stack.push({ value: v, path: [...path, key] });
    }
  }
  return issues;
}

function textIssue(path: (string | number)[]): DomainIssue {
  return { code: 'invalid_text', path, rule: 'storableText', message: 'text with U+0000 or a lone UTF-16 surrogate cannot be stored: remove the character' };
}
