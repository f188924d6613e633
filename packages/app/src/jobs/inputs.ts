import { type DomainIssue, type Scenario, resolvePlan } from '@fundladder/core';
import type { JobRequest } from '../execute';
import { readFlowsJson, readScenarioJson } from './context';

type Path = DomainIssue['path'];
const under = (prefix: Path, issues: readonly DomainIssue[]): DomainIssue[] => issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));

/** The scenario at `path` in the request, read as its job reads it; its issues (under `path`) when it breaks a rule. */
function scenarioAt(json: unknown, path: Path, issues: DomainIssue[]): Scenario | undefined {
  const read = readScenarioJson(json);
  if (read.ok) return read.value.scenario;
  issues.push(...under(path, read.issues));
  return undefined;
}

/** A plan given as JSON, resolved against its scenario as the ledger will resolve it. */
function checkPlan(plan: unknown, scenario: Scenario | undefined, path: Path, issues: DomainIssue[]): void {
  if (!scenario) return;
  const resolved = resolvePlan(plan, scenario);
  if (!resolved.ok) issues.push(...under(path, resolved.issues));
}

/** A flow file given as JSON (`readFlowsJson` names it `flows`; here it is named where it sits in the request). */
function checkFlows(flows: unknown, path: Path, issues: DomainIssue[]): void {
  const read = readFlowsJson(flows);
  if (!read.ok) issues.push(...under(path, read.issues.map((i) => ({ ...i, path: i.path.slice(1) }))));
}

/**
 * The inputs a request carries as plain JSON (scenarios, plans, flow files), checked as its job will check them before
 * it runs, without running it: every issue named by its JSON path in the request. The schemas of the requests leave
 * these `unknown` because they are checked against each other (a plan against its scenario's banks and horizon); the
 * API asks this before it queues a run, so that a plan with an unknown key or bank is a 422 at once, not a run that
 * fails later (docs/api.md §4). Cheap: schema parsing and lookups, no ledger, forecast or solver.
 *
 * @example checkRequestInputs({ kind: 'evaluate', scenario, plan: { schemaVersion: 1, name: 'p', placements: [], colour: 'red' } })
 * //=> [{ code: 'unrecognized_keys', path: ['plan', …], … }]
 */
export function checkRequestInputs(request: JobRequest): DomainIssue[] {
  const issues: DomainIssue[] = [];
  switch (request.kind) {
    case 'evaluate': {
      const scenario = scenarioAt(request.scenario, ['scenario'], issues);
      checkPlan(request.plan, scenario, ['plan'], issues);
      if (request.flows !== undefined) checkFlows(request.flows, ['flows'], issues);
      break;
    }
    case 'replay': {
      const scenario = scenarioAt(request.scenario, ['scenario'], issues);
      checkPlan(request.plan, scenario, ['plan'], issues);
      checkFlows(request.actuals, ['actuals'], issues);
      break;
    }
    case 'compare': {
      const scenarios = request.scenarios.map((s, i) => scenarioAt(s, ['scenarios', i], issues));
      request.columns.forEach((column, i) => {
        if (column.plan.kind !== 'given') return;
        // A column naming a scenario the request lacks is refused by compareRequest's own check.
        if (column.scenario >= request.scenarios.length) return;
        checkPlan(column.plan.plan, scenarios[column.scenario], ['columns', i, 'plan', 'plan'], issues);
      });
      break;
    }
    default:
      // The other jobs carry no plan or flow file as JSON; their scenarios are checked as each job starts.
      break;
  }
  return issues;
}
