// Which runs the Forecast screen shows for a scenario version: the requests it sends (always the same, so that the API
// reuses an earlier identical run instead of computing again, docs/api.md §2) and, among the fund's runs, the latest
// finished or live one of each kind on that version.
import type { Run } from '../../api/schemas';

export type ForecastKind = 'forecast' | 'backtest';

/**
 * The request for a kind on a stored version, with the application layer's defaults (bands 50/80/95, 12-month backtest).
 * @example forecastRequest('forecast', '7') //=> { kind: 'forecast', history: { scenario: { scenarioVersion: '7' } } }
 */
export function forecastRequest(kind: ForecastKind, versionId: string): { kind: ForecastKind; history: { scenario: { scenarioVersion: string } } } {
  return { kind, history: { scenario: { scenarioVersion: versionId } } };
}

/**
 * JSON with every object's keys in sorted order: the same text for the same value, whatever order the keys came in
 * (the store's jsonb gives a stored request's keys back in its own order).
 * @example canonicalJson({ b: 1, a: { d: [2, { f: 3, e: 4 }], c: null } }) //=> '{"a":{"c":null,"d":[2,{"e":4,"f":3}]},"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The run of `kind` on `versionId` to show: the newest one made with exactly this screen's request that is done or
 * still going (a failed or cancelled one is shown only when there is nothing better, so its reason can be read).
 * @param runs - the fund's runs, newest first (as `GET …/runs` lists them)
 */
export function runFor(runs: readonly Run[], kind: ForecastKind, versionId: string): Run | undefined {
  const wanted = canonicalJson(forecastRequest(kind, versionId));
  const mine = runs.filter((r) => r.kind === kind && r.scenarioVersionIds.length === 1 && r.scenarioVersionIds[0] === versionId && canonicalJson(r.request) === wanted);
  return mine.find((r) => r.state === 'done' || r.state === 'queued' || r.state === 'running') ?? mine[0];
}
