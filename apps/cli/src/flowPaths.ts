import { type DomainIssue, type FundType, type MonthKey, type MonthlyFlow, type Result, type Scenario, addMonthsToKey, dec, monthKey, monthsBetween } from '@fundladder/core';
import type { PathFloats } from '@fundladder/optimizer';
import { type FlowTable, type SimulatedPaths, flowTableFromScenario, forecastFlows, simulateFlowTable, yuanString } from '@fundladder/forecast';

/**
 * Joint flow paths over the scenario's horizon from the forecast (docs/forecast.md "Paths"): the models chosen by backtest on
 * the scenario's history, `paths` seeded joint paths, each turned into a complete flow path (yuan to the fen)
 * for the ledger. The forecast starts the month after the history ends; months before the scenario's start
 * are dropped, so the history must end no later than the month before the start.
 */
export function forecastFlowPaths(scenario: Scenario, options: { paths: number; seed: number }): Result<MonthlyFlow[][]> {
  const result = forecastFlowPathsWithInfo(scenario, options);
  return result.ok ? { ok: true, value: result.value.paths } : result;
}

/**
 * {@link forecastFlowPaths} with what the paths are worth: how many of them differ (`distinctPaths`; docs/forecast.md
 * "Paths": the first version's 100 paths held 12 distinct ones on the sample), for callers that report it.
 *
 * @param scenario - a validated scenario with at least two years of history ending before its start month
 * @param options - number of paths and the seed
 * @returns the flow paths and the number of distinct ones, or the issues
 * @example forecastFlowPathsWithInfo(sample, { paths: 200, seed: 1 }).ok && …value.distinctPaths //=> 200
 * @see simulateFlowTable in @fundladder/forecast; docs/forecast.md "Paths"
 */
export function forecastFlowPathsWithInfo(scenario: Scenario, options: { paths: number; seed: number }): Result<{ paths: MonthlyFlow[][]; distinctPaths: number }> {
  const simulated = simulateForScenario(scenario, options);
  if (!simulated.ok) return simulated;
  const { sim, skip } = simulated.value;
  const flowPaths = sim.paths.map((path) => {
    const flows: MonthlyFlow[] = [];
    for (let t = 0; t < scenario.horizonMonths; t++) {
      const month = addMonthsToKey(scenario.startMonth, t);
      for (const ft of scenario.fundTypes) {
        const p = path[ft];
        if (!p) continue;
        flows.push({ month, fundType: ft, inflow: dec(yuanString(p.inflow[skip + t]!)), outflow: dec(yuanString(p.outflow[skip + t]!)) });
      }
    }
    return flows;
  });
  return { ok: true, value: { paths: flowPaths, distinctPaths: sim.distinctPaths } };
}

/**
 * The scenario's history as a forecast table, checked for what the paths need: the table's own rules (at least 24
 * months per fund type, no gap, the same months for every fund type), every fund type of the scenario present (one
 * without history used to leave its months out of every path, and `optimize` then stopped with "stressTest: path 0 is
 * not a complete flow path"), and a history that ends before the horizon starts.
 */
function historyTable(scenario: Scenario): Result<{ table: FlowTable; lastHistory: MonthKey }> {
  const table = flowTableFromScenario(scenario);
  if (!table.ok) return table;
  const present = new Set(table.value.series.map((s) => s.fundType));
  const months = table.value.periods.length;
  const missing: DomainIssue[] = scenario.fundTypes
    .filter((ft) => !present.has(ft))
    .map((ft) => ({ code: 'missing', path: ['history'], rule: 'historyPerFundType', message: `${ft} has no history: the forecast cannot draw its flows, so optimize and compare cannot plan or check payouts on forecast paths (give it the same ${months} months of history as the other fund types, or run optimize --confidence 0 --paths 0)`, received: '0 months', limit: String(months), fundType: ft }));
  if (missing.length) return { ok: false, issues: missing };
  // The table exists, so the history is not empty (flowTableFromScenario refuses a short one).
  const lastHistory = monthKey(table.value.periods.at(-1)!);
  if (monthsBetween(lastHistory, scenario.startMonth) < 1) return { ok: false, issues: [{ code: 'invalid', path: ['history'], rule: 'historyBeforeStart', message: `the history runs to ${lastHistory}, into the horizon that starts ${scenario.startMonth}`, received: lastHistory }] };
  return { ok: true, value: { table: table.value, lastHistory } };
}

/**
 * What keeps the forecast from drawing complete flow paths over the scenario's horizon ({@link historyTable}), as
 * issues with their paths; none when the paths can be drawn. `validate` reports these before `optimize` needs them.
 * @example historyIssues(sampleWithoutMaternityHistory).map((i) => i.rule) //=> ['historyPerFundType']
 */
export function historyIssues(scenario: Scenario): DomainIssue[] {
  const checked = historyTable(scenario);
  return checked.ok ? [] : checked.issues;
}

/**
 * The forecast's simulated paths over the scenario's horizon: the models chosen by backtest on its history, from
 * the month after the history ends; `skip` is the number of forecast months before the scenario's start.
 */
function simulateForScenario(scenario: Scenario, options: { paths: number; seed: number }): Result<{ sim: SimulatedPaths; skip: number }> {
  const checked = historyTable(scenario);
  if (!checked.ok) return checked;
  const { table, lastHistory } = checked.value;
  const h = monthsBetween(lastHistory, addMonthsToKey(scenario.startMonth, scenario.horizonMonths - 1));
  const skip = monthsBetween(lastHistory, scenario.startMonth) - 1;
  const simulated = simulateFlowTable(table, { horizon: h, paths: options.paths, seed: options.seed });
  if (!simulated.ok) return simulated;
  return { ok: true, value: { sim: simulated.value.paths, skip } };
}

/**
 * The same paths as {@link forecastFlowPaths} from the same seed, as 万元 floats for the optimizer's safety floors
 * (model/safety.ts): planning paths never reach the ledger, so they skip the Decimal conversion that costs most of
 * the time of drawing them (measured 4–7 s for 1,000 sample paths, against well under a second for the floats).
 *
 * @returns per path, per fund type, inflow and outflow per month of the horizon (万元), or the issues
 */
export function forecastPathFloats(scenario: Scenario, options: { paths: number; seed: number }): Result<PathFloats[]> {
  const simulated = simulateForScenario(scenario, options);
  if (!simulated.ok) return simulated;
  const { sim, skip } = simulated.value;
  const T = scenario.horizonMonths;
  // The ledger's paths are rounded to the fen (yuanString); the floats are rounded the same way.
  const fen = (yuan: number) => Math.round(Math.max(0, yuan) * 100) / 1_000_000;
  return {
    ok: true,
    value: sim.paths.map((path) => {
      const inflow = new Map<FundType, Float64Array>();
      const outflow = new Map<FundType, Float64Array>();
      for (const ft of scenario.fundTypes) {
        const p = path[ft];
        const i = new Float64Array(T), o = new Float64Array(T);
        if (p) for (let t = 0; t < T; t++) {
          i[t] = fen(p.inflow[skip + t]!);
          o[t] = fen(p.outflow[skip + t]!);
        }
        inflow.set(ft, i);
        outflow.set(ft, o);
      }
      return { inflow, outflow };
    }),
  };
}

/**
 * The forecast's mean flows from `start` for `months` months, re-estimated on `history` (the scenario's history
 * and every realised month before `start`): the planner's updated expectation at a rolling re-plan. The
 * forecast must start at `start`, so the history must end the month before.
 */
export function forecastMeanFlows(history: readonly MonthlyFlow[], fundTypes: readonly string[], start: MonthKey, months: number): MonthlyFlow[] {
  const table = flowTableFromScenario({ history: [...history] });
  if (!table.ok) throw new Error(`forecastMeanFlows: ${table.issues[0]?.message ?? ''}`);
  const last = monthKey(table.value.periods.at(-1)!);
  if (monthsBetween(last, start) !== 1) throw new Error(`forecastMeanFlows: the history ends ${last}, not the month before ${start}`);
  const fc = forecastFlows(table.value, { horizon: months });
  const out: MonthlyFlow[] = [];
  for (let t = 0; t < months; t++) {
    const month = addMonthsToKey(start, t);
    for (const ft of fundTypes) {
      const side = (s: 'inflow' | 'outflow') => Math.max(0, fc.series.find((x) => x.fundType === ft && x.side === s)?.mean[t] ?? 0);
      out.push({ month, fundType: ft as MonthlyFlow['fundType'], inflow: dec(yuanString(side('inflow'))), outflow: dec(yuanString(side('outflow'))) });
    }
  }
  return out;
}
