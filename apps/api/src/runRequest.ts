import { type DomainIssue, type Result, parseInput } from '@fundladder/core';
import { type JobKind, type JobRequest, JOB_KINDS, auditInterestRequest, checkRequestInputs, backtestRequest, compareRequest, evaluateRequest, forecastRequest, interestRequest, optimizeRequest, replayRequest, tenderRequest, validateRequest } from '@fundladder/app';
import type { z } from 'zod';
import type { Queryable } from './db/store';
import { getVersion } from './repo/scenarios';

/** Each job's request schema in the application layer: the API accepts exactly what the CLI builds (docs/app.md). */
const REQUESTS: Record<JobKind, z.ZodType> = {
  auditInterest: auditInterestRequest,
  replay: replayRequest,
  tender: tenderRequest,
  backtest: backtestRequest, compare: compareRequest, evaluate: evaluateRequest, forecast: forecastRequest, interest: interestRequest, optimize: optimizeRequest, validate: validateRequest,
};

/**
 * Where a request holds a scenario. Over the API these hold a reference to a stored version,
 * `{ "scenarioVersion": "12" }`, never the scenario itself: every run records the exact versions it ran on.
 */
type Slot = { get: (r: Record<string, unknown>) => unknown; set: (r: Record<string, unknown>, v: unknown) => void; path: (string | number)[] };
function slotsOf(request: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  if ('scenario' in request) slots.push({ get: (r) => r.scenario, set: (r, v) => void (r.scenario = v), path: ['scenario'] });
  if (Array.isArray(request.scenarios)) request.scenarios.forEach((_, i) => slots.push({ get: (r) => (r.scenarios as unknown[])[i], set: (r, v) => void ((r.scenarios as unknown[])[i] = v), path: ['scenarios', i] }));
  const history = request.history;
  if (history && typeof history === 'object' && 'scenario' in history) slots.push({ get: (r) => (r.history as Record<string, unknown>).scenario, set: (r, v) => void ((r.history as Record<string, unknown>).scenario = v), path: ['history', 'scenario'] });
  return slots;
}

const isRef = (v: unknown): v is { scenarioVersion: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { scenarioVersion?: unknown }).scenarioVersion === 'string';

/** A run request as the API stores it (references) and as the application layer runs it (scenarios filled in). */
export interface ResolvedRun {
  readonly kind: JobKind;
  /** As received: scenarios by reference. Stored with the run and hashed. */
  readonly stored: Record<string, unknown>;
  /** The ids of the scenario versions it references, in slot order. */
  readonly scenarioVersionIds: string[];
  /** With each reference replaced by the version's body: what `execute` runs. */
  readonly request: JobRequest;
}

/**
 * Checks a run request and fills in its scenarios: the kind must be known; every scenario slot must reference a
 * version of this fund; then the whole request must pass the application layer's schema (unknown keys, bounds) and
 * its plans and flow files their checks against its scenarios (`checkRequestInputs`).
 * Issues name their JSON path in the body.
 */
export async function resolveRunRequest(db: Queryable, fundId: string, body: unknown): Promise<Result<ResolvedRun>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail({ code: 'invalid_type', path: [], rule: 'runRequest', message: 'a run request is a JSON object { kind, … }', received: Array.isArray(body) ? 'array' : String(body) });
  const kind = (body as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !(JOB_KINDS as string[]).includes(kind)) return fail({ code: 'invalid_value', path: ['kind'], rule: 'jobKind', message: `unknown job kind; one of ${JOB_KINDS.join(', ')}`, received: String(kind) });
  const stored = structuredClone(body) as Record<string, unknown>;
  const request = structuredClone(body) as Record<string, unknown>;
  const ids: string[] = [];
  const issues: DomainIssue[] = [];
  for (const slot of slotsOf(stored)) {
    const value = slot.get(stored);
    if (value === undefined) continue;
    if (!isRef(value)) {
      issues.push({ code: 'invalid_value', path: slot.path, rule: 'scenarioByReference', message: 'a run names a stored scenario version as { "scenarioVersion": "<id>" }: save the scenario first (POST …/scenarios), so the run records exactly what it ran on', received: JSON.stringify(value).slice(0, 80) });
      continue;
    }
    const version = await getVersion(db, fundId, value.scenarioVersion);
    if (!version) {
      issues.push({ code: 'unknown_reference', path: [...slot.path, 'scenarioVersion'], rule: 'scenarioVersionOfFund', message: 'no scenario version with this id in this fund', received: value.scenarioVersion });
      continue;
    }
    ids.push(version.id);
    slot.set(request, version.body);
  }
  if (issues.length) return { ok: false, issues };
  const parsed = parseInput(REQUESTS[kind as JobKind], request);
  if (!parsed.ok) return parsed;
  // The plans and flow files it carries, checked as the job will check them: a bad one is refused now, not queued.
  const inputIssues = checkRequestInputs(parsed.value as JobRequest);
  if (inputIssues.length) return { ok: false, issues: inputIssues };
  return { ok: true, value: { kind: kind as JobKind, stored, scenarioVersionIds: ids, request: request as unknown as JobRequest } };
}

function fail(issue: DomainIssue): Result<never> {
  return { ok: false, issues: [issue] };
}
