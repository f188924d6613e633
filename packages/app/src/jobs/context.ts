import type { DomainIssue, MonthlyFlow, Result, Scenario } from '@fundladder/core';
import { monthlyFlowSchema, parseInput, scenarioWarnings, validateScenario } from '@fundladder/core';
import { z } from 'zod';

/** How far a long job has got: a stage name and a count within it. */
export interface JobProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/** What a job is given besides its request: where to report progress, and a signal that cancels it. */
export interface JobContext {
  readonly onProgress?: (progress: JobProgress) => void;
  readonly signal?: AbortSignal;
}

/** The issue a cancelled job returns (never a throw). */
export function cancelledIssue(stage: string): DomainIssue {
  return { code: 'cancelled', path: [], rule: 'cancelled', message: `cancelled during ${stage}`, received: stage };
}

/** A scenario from its JSON (strict: unknown keys are errors), with the warnings on values that look mistyped. */
export function readScenarioJson(json: unknown): Result<{ scenario: Scenario; warnings: DomainIssue[] }> {
  const scenario = validateScenario(json);
  if (!scenario.ok) return scenario;
  return { ok: true, value: { scenario: scenario.value, warnings: scenarioWarnings(scenario.value) } };
}

const flowsJson = z.union([z.array(monthlyFlowSchema), z.strictObject({ flows: z.array(monthlyFlowSchema) }).transform((o) => o.flows)]);

/** A flow path from JSON: an array of `{month, fundType, inflow, outflow}` or `{flows: [...]}`. */
export function readFlowsJson(json: unknown): Result<MonthlyFlow[]> {
  const parsed = parseInput(flowsJson, json);
  return parsed.ok ? parsed : { ok: false, issues: parsed.issues.map((i) => ({ ...i, path: ['flows', ...i.path] })) };
}
