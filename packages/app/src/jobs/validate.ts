import { z } from 'zod';
import { type DomainIssue, type Result, checkPlacements, parseInput, planSchema, planWarnings, resolvePlan, validateScenario } from '@fundladder/core';
import { domainIssue } from '../wire/codecs';
import { capFinding } from './optimizeResult';
import { scenarioReadiness } from './readiness';
import type { JobContext } from './context';

/**
 * Check a scenario, or a plan (against its scenario when one is given): the JSON as read from the files. A document
 * with `placements` is a plan.
 */
export const validateRequest = z.strictObject({
  kind: z.literal('validate'),
  document: z.unknown(),
  /** The scenario a plan is checked against (banks, terms, minimum lots, policy rules). */
  scenario: z.unknown().optional(),
});
export type ValidateRequest = z.input<typeof validateRequest>;

export const validateResult = z.strictObject({
  kind: z.literal('validate'),
  target: z.enum(['scenario', 'plan']),
  /** True when nothing is wrong (warnings do not count). */
  ok: z.boolean(),
  issues: z.array(domainIssue),
  warnings: z.array(domainIssue),
  /** A plan checked without its scenario: only its format was checked. */
  formatOnly: z.boolean(),
  /** The starting position against the bank caps, and what the optimizer does about it. */
  capFindings: z.array(capFinding),
});
export type ValidateResult = z.output<typeof validateResult>;

/** Whether a JSON document is a plan (it has `placements`) rather than a scenario. */
export function looksLikePlan(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'placements' in json;
}

/**
 * The validate job: every problem with its JSON path, rule and value. For a scenario also what evaluate and optimize
 * would refuse later and the cap findings ({@link scenarioReadiness}); for a plan, its format, and with a scenario its
 * banks and rules. Never throws; a document with problems is a result with `ok: false`.
 */
export async function runValidate(request: ValidateRequest, _context: JobContext = {}): Promise<Result<ValidateResult>> {
  const base = { kind: 'validate' as const, formatOnly: false, capFindings: [] as ValidateResult['capFindings'] };
  const done = (target: 'scenario' | 'plan', issues: DomainIssue[], warnings: DomainIssue[], extra: Partial<ValidateResult> = {}): Result<ValidateResult> => ({ ok: true, value: { ...base, target, ok: issues.length === 0, issues, warnings, ...extra } });
  if (!looksLikePlan(request.document)) {
    const r = validateScenario(request.document);
    if (!r.ok) return done('scenario', r.issues, []);
    const ready = scenarioReadiness(r.value);
    return done('scenario', ready.errors, ready.warnings, { capFindings: ready.capFindings.map((f) => ({ ...f })) });
  }
  const p = parseInput(planSchema, request.document);
  if (!p.ok) return done('plan', p.issues, []);
  const warnings = planWarnings(p.value);
  if (request.scenario === undefined) return done('plan', [], warnings, { formatOnly: true });
  const s = validateScenario(request.scenario);
  if (!s.ok) return done('plan', s.issues.map((i) => ({ ...i, path: ['(scenario)', ...i.path] })), warnings);
  const r = resolvePlan(request.document, s.value);
  return done('plan', r.ok ? checkPlacements(r.value.placements, s.value).map((i) => ({ ...i, path: i.path.slice(1) })) : r.issues, warnings);
}
