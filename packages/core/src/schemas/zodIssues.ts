import type { z } from 'zod';
import type { DomainIssue } from '../issues';

const RULE_BY_ZOD_CODE: Record<string, string> = {
  invalid_type: 'type',
  invalid_format: 'format',
  invalid_value: 'allowedValue',
  too_small: 'minimum',
  too_big: 'maximum',
  unrecognized_keys: 'knownKeys',
  invalid_union: 'oneOf',
  not_multiple_of: 'multipleOf',
  custom: 'custom',
};

function describeInput(input: unknown): string | undefined {
  if (input === undefined) return 'nothing (the field is missing)';
  if (typeof input === 'string') return JSON.stringify(input);
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) return String(input);
  // A refinement after a transform sees the Decimal; show the number as typed.
  if (typeof input === 'object' && 'toFixed' in input && 'plus' in input) return String(input);
  const text = JSON.stringify(input);
  return text && text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Maps zod issues to DomainIssues under `prefix`, keeping path, rule, received value and limit. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: ReadonlyArray<string | number> = []): DomainIssue[] {
  const out: DomainIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch whose problems lie deepest: that is the one the user meant.
      const best = issue.errors.reduce((a, b) => (Math.max(0, ...b.map((i) => i.path.length)) > Math.max(0, ...a.map((i) => i.path.length)) ? b : a));
      out.push(...fromZodIssues(best, [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]));
      continue;
    }
    const params = (issue as { params?: { rule?: string } }).params;
    const limit = 'minimum' in issue ? String(issue.minimum) : 'maximum' in issue ? String(issue.maximum) : 'values' in issue ? (issue.values as unknown[]).map(String).join(' | ') : undefined;
    out.push({
      code: issue.code,
      path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      rule: params?.rule ?? RULE_BY_ZOD_CODE[issue.code] ?? issue.code,
      message: issue.message,
      ...(describeInput(issue.input) !== undefined ? { received: describeInput(issue.input)! } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
  }
  return out;
}
