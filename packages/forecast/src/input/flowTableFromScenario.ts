import type { Result, Scenario } from '@fundladder/core';
import type { FlowTable } from './flowTable';
import { buildFlowTable } from './buildFlowTable';

/**
 * The flow table of a validated scenario's `history` (Decimal yuan → floats, once, here). Issues point
 * into the scenario (`history[12].month`).
 *
 * @param scenario - a scenario returned by core's `validateScenario`
 * @returns the checked table, or every issue found
 * @example flowTableFromScenario(scenario).ok //=> true for 24+ contiguous months per fund type
 * @see docs/forecast.md "Input and output"; core `monthlyFlowSchema`
 */
export function flowTableFromScenario(scenario: Pick<Scenario, 'history'>): Result<FlowTable> {
  const table = buildFlowTable(
    scenario.history.map((h, i) => ({
      period: h.month,
      fundType: h.fundType,
      inflow: h.inflow.toNumber(),
      outflow: h.outflow.toNumber(),
      cohort: {},
      path: ['history', i],
    })),
  );
  if (table.ok) return table;
  // The scenario names the field `month`; the CSV names it `period`.
  return { ok: false, issues: table.issues.map((issue) => ({ ...issue, path: issue.path.map((part) => (part === 'period' ? 'month' : part)) })) };
}
