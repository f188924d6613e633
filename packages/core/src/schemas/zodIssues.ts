import type { z } from 'zod';
import { type DomainIssue, type Result, formatPath } from '../issues';
import { closestName } from './editDistance';
import { knownKeysAt } from './knownKeys';

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

/**
 * One issue per unknown key, at the key's own path, with the nearest known key as the suggestion
 * ("`policy.reserv`: unknown key; did you mean `reserve`?"), or, when none is near, the keys known there as
 * the limit (as zod lists an enum's values).
 * @example unknownKeyIssues(['policy'], ['reserv'], ['reserve', 'caps'])[0].message //=> '`policy.reserv`: unknown key; did you mean `reserve`?'
 */
export function unknownKeyIssues(path: ReadonlyArray<string | number>, keys: readonly string[], known: readonly string[] | undefined): DomainIssue[] {
  return keys.map((key) => {
    const at = formatPath([...path, key]);
    const suggestion = known ? closestName(key, known) : undefined;
    const tail = suggestion ? `; did you mean \`${suggestion}\`?` : known?.length ? '; no known key is close' : '';
    return {
      code: 'unknown_key',
      path: [...path, key],
      rule: 'knownKeys',
      message: `\`${at}\`: unknown key${tail}`,
      received: key,
      ...(suggestion ? { suggestion } : known?.length ? { limit: known.join(' | ') } : {}),
    };
  });
}

/**
 * Maps zod issues to DomainIssues under `prefix`, keeping path, rule, received value and limit. Given the
 * schema the input was parsed with, an unknown key also names the nearest known key ({@link unknownKeyIssues}).
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: ReadonlyArray<string | number> = [], schema?: z.ZodType): DomainIssue[] {
  const out: DomainIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch whose problems lie deepest: that is the one the user meant.
      const best = issue.errors.reduce((a, b) => (Math.max(0, ...b.map((i) => i.path.length)) > Math.max(0, ...a.map((i) => i.path.length)) ? b : a));
      out.push(...fromZodIssues(best, path, schema));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const input = (issue as { input?: unknown }).input;
      out.push(...unknownKeyIssues(path, issue.keys, schema ? knownKeysAt(schema, path, input) : undefined));
      continue;
    }
    const params = (issue as { params?: { rule?: string } }).params;
    // The limit: the bound, the allowed values, or the type expected ('string', 'number', 'object' …) for wording.
    const limit = 'minimum' in issue ? String(issue.minimum) : 'maximum' in issue ? String(issue.maximum) : 'values' in issue ? (issue.values as unknown[]).map(String).join(' | ') : issue.code === 'invalid_type' ? String(issue.expected) : undefined;
    out.push({
      code: issue.code,
      path,
      rule: params?.rule ?? RULE_BY_ZOD_CODE[issue.code] ?? issue.code,
      message: issue.message,
      ...(describeInput(issue.input) !== undefined ? { received: describeInput(issue.input)! } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
  }
  return out;
}

/**
 * Parses input with a schema and never throws: the value, or every issue as a DomainIssue (the value
 * received kept, unknown keys with their nearest known key).
 * @example parseInput(planSchema, { schemaVersion: 1, name: 'x', placements: [], nmae: 'y' }).ok //=> false (`nmae`: did you mean `name`?)
 */
export function parseInput<S extends z.ZodType>(schema: S, json: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(json, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fromZodIssues(parsed.error.issues, [], schema) };
}
