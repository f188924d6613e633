import { type DomainIssue, type Scenario, indexFlows, scenarioWarnings } from '@fundladder/core';
import { type CapFinding, capFindings, holdingsOverCapFindings } from '@fundladder/optimizer';
import { historyIssues } from '../paths';

/** What `validate` says about a valid scenario beyond its shape: what later commands would refuse, and what to know. */
export interface Readiness {
  /** What evaluate or optimize would refuse: flows missing for months of the horizon; a history the forecast cannot use. */
  readonly errors: DomainIssue[];
  /** Accepted but probably mistyped (core's scenarioWarnings), and history problems when no command needs the forecast. */
  readonly warnings: DomainIssue[];
  /** The starting position against the bank caps, and what the optimizer does about it (no new money to a bank over a cap). */
  readonly capFindings: CapFinding[];
}

/**
 * Checks a validated scenario for everything `evaluate` and `optimize` would refuse later, with the functions those
 * commands use: `indexFlows` (the ledger's check that flows cover every month of the horizon for every fund type),
 * the forecast's history check ({@link historyIssues}: `optimize` draws its paths from the history whenever
 * `policy.safety.confidence` is above 0 or `policy.reserveForecast` is set, so history problems are errors then and
 * warnings otherwise), and the optimizer's own cap findings (existing holdings over cap B or C: no new money to that
 * bank until they run off; caps that need more banks than can take new deposits).
 * @param scenario - a scenario that passed validateScenario
 * @returns errors, warnings and cap findings (each empty when all is well)
 * @example scenarioReadiness(sampleWithoutMaternityFlows).errors.map((i) => i.rule) //=> ['flowsCoverHorizon']
 */
export function scenarioReadiness(scenario: Scenario): Readiness {
  const flows = indexFlows(scenario, scenario.flows);
  const history = historyIssues(scenario);
  const forecastNeeded = scenario.policy.safety.confidence > 0 || scenario.policy.reserveForecast !== undefined;
  return {
    errors: [...(flows.ok ? [] : flows.issues), ...(forecastNeeded ? history : [])],
    warnings: [...scenarioWarnings(scenario), ...(forecastNeeded ? [] : history.map((i) => ({ ...i, severity: 'warning' as const })))],
    // Which banks can take new time deposits needs the LP's data, which needs complete flows.
    capFindings: flows.ok ? capFindings(scenario) : holdingsOverCapFindings(scenario),
  };
}
