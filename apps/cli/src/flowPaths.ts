import { type MonthlyFlow, type Result, type Scenario, addMonthsToKey, dec, monthOrdinal } from '@fundladder/core';
import { flowTableFromScenario, forecastFlows, simulatePaths, yuanString } from '@fundladder/forecast';

/**
 * Joint flow paths over the scenario's horizon from the forecast (issue 4): the models chosen by backtest on
 * the scenario's history, `paths` seeded joint paths, each turned into a complete flow path (yuan to the fen)
 * for the ledger. The forecast starts the month after the history ends; months before the scenario's start
 * are dropped, so the history must end no later than the month before the start.
 */
export function forecastFlowPaths(scenario: Scenario, options: { paths: number; seed: number }): Result<MonthlyFlow[][]> {
  const table = flowTableFromScenario(scenario);
  if (!table.ok) return table;
  const lastHistory = scenario.history.map((f) => f.month).sort().at(-1);
  if (!lastHistory) return { ok: false, issues: [{ code: 'missing', path: ['scenario', 'history'], rule: 'historyForForecast', message: 'the scenario has no monthly history to forecast from', received: '0 months' }] };
  const horizonEnd = addMonthsToKey(scenario.startMonth, scenario.horizonMonths - 1);
  const h = monthOrdinal(horizonEnd) - monthOrdinal(lastHistory);
  const skip = monthOrdinal(scenario.startMonth) - monthOrdinal(lastHistory) - 1;
  if (skip < 0) return { ok: false, issues: [{ code: 'invalid', path: ['scenario', 'history'], rule: 'historyBeforeStart', message: `the history runs to ${lastHistory}, into the horizon that starts ${scenario.startMonth}`, received: lastHistory }] };
  const fc = forecastFlows(table.value, { horizon: h });
  const sim = simulatePaths(fc, { paths: options.paths, seed: options.seed });
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
  return { ok: true, value: flowPaths };
}
