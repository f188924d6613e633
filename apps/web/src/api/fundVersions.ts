// A fund, its scenarios and every version of them: what the Overview, Data, Compare, Forecast and Actuals screens
// let the reader pick from, loaded the same way for each.
import { answer, api, withSignal } from './client';
import { fundSchema, scenarioDetailSchema, scenarioListSchema } from './schemas';

/**
 * The fund (with the reader's role), each of its scenarios with its versions as the API lists them, and the versions
 * flattened, each scenario's newest first.
 */
export async function loadFundVersions(fundId: string, signal: AbortSignal) {
  const fund = api.api.funds[':fundId'];
  const [info, list] = await Promise.all([answer(fund.$get({ param: { fundId } }, withSignal(signal)), fundSchema, undefined, signal), answer(fund.scenarios.$get({ param: { fundId } }, withSignal(signal)), scenarioListSchema, undefined, signal)]);
  const scenarios = await Promise.all(list.scenarios.map((s) => answer(fund.scenarios[':scenarioId'].$get({ param: { fundId, scenarioId: s.id } }, withSignal(signal)), scenarioDetailSchema, undefined, signal)));
  const versions = scenarios.flatMap((d) => [...d.versions].sort((a, b) => b.version - a.version).map((v) => ({ id: v.id, version: v.version, scenario: d.scenario.name })));
  return { fund: info, scenarios, versions };
}
