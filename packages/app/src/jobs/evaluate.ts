import { z } from 'zod';
import { type Result, evaluatePlan } from '@fundladder/core';
import { domainIssue } from '../wire/codecs';
import { evaluationSummary, summarizeEvaluation } from './evaluation';
import { type JobContext, readFlowsJson, readScenarioJson } from './context';

/** Run a plan through the exact ledger: the scenario and plan as JSON, and optionally another flow path. */
export const evaluateRequest = z.strictObject({
  kind: z.literal('evaluate'),
  scenario: z.unknown(),
  plan: z.unknown(),
  /** A flow path instead of the scenario's own `flows` (JSON as `readFlowsJson` takes it). */
  flows: z.unknown().optional(),
});
export type EvaluateRequest = z.input<typeof evaluateRequest>;

export const evaluateResult = z.strictObject({
  kind: z.literal('evaluate'),
  evaluation: evaluationSummary,
  /** Values accepted but that look mistyped (a rate that reads like a percent). */
  warnings: z.array(domainIssue),
});
export type EvaluateResult = z.output<typeof evaluateResult>;

/**
 * The evaluate job: validates the scenario, the plan and the flows (every problem named by its JSON path), runs the
 * ledger and summarises it. A plan that breaks rules is a result (its `issues`), not a failure.
 */
export async function runEvaluate(request: EvaluateRequest, _context: JobContext = {}): Promise<Result<EvaluateResult>> {
  const input = readScenarioJson(request.scenario);
  if (!input.ok) return input;
  const { scenario, warnings } = input.value;
  let flows = scenario.flows;
  if (request.flows !== undefined) {
    const read = readFlowsJson(request.flows);
    if (!read.ok) return read;
    flows = read.value;
  }
  const ev = evaluatePlan(scenario, request.plan, flows);
  if (!ev.ok) return ev;
  return { ok: true, value: { kind: 'evaluate', evaluation: summarizeEvaluation(scenario, ev.value), warnings } };
}
