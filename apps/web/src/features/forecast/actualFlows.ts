// Actual flows (the scenario's history, and the months recorded on the Actuals screen) as one series per fund type or
// in total, exactly: sums and the net flow are added in fen, never in floats.
import { type YuanText, fenOf, yuanTextOf } from '../../format/money';

/** A month's flow of one fund type, yuan as text (the scenario's `history` rows and the API's actuals alike). */
export interface FlowRow {
  readonly month: string;
  readonly fundType: string;
  readonly inflow: string;
  readonly outflow: string;
}

export type Side = 'inflow' | 'outflow' | 'net';
/** A fund type, or every fund type together. */
export type Subject = string | 'total';

/**
 * The actual series of one fund type (or the total) and side, by month, summed exactly.
 * @example actualSeries([{ month: '2025-12', fundType: 'a', inflow: '10.10', outflow: '3.05' }, { month: '2025-12', fundType: 'b', inflow: '0.20', outflow: '0' }], 'total', 'net').get('2025-12') //=> '7.25'
 */
export function actualSeries(rows: readonly FlowRow[], subject: Subject, side: Side): Map<string, YuanText> {
  const fen = new Map<string, bigint>();
  for (const r of rows) {
    if (subject !== 'total' && r.fundType !== subject) continue;
    const v = side === 'inflow' ? fenOf(r.inflow) : side === 'outflow' ? fenOf(r.outflow) : fenOf(r.inflow) - fenOf(r.outflow);
    fen.set(r.month, (fen.get(r.month) ?? 0n) + v);
  }
  return new Map([...fen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([month, v]) => [month, yuanTextOf(v)]));
}

/**
 * The scenario body's `history` rows (the months the forecast was fitted to), read leniently: a row without the four
 * fields is passed over (the API checked the scenario when it was saved).
 */
export function historyRows(body: unknown): FlowRow[] {
  const history = (body as { history?: unknown } | undefined)?.history;
  if (!Array.isArray(history)) return [];
  return history.filter((r): r is FlowRow => typeof r === 'object' && r !== null && ['month', 'fundType', 'inflow', 'outflow'].every((k) => typeof (r as Record<string, unknown>)[k] === 'string'));
}

/**
 * The rows of the months that have a figure for every one of `fundTypes`: a total drawn from a month recorded for some
 * fund types only would look like a collapse of the whole fund.
 * @example monthsComplete([{ month: '2026-01', fundType: 'a', … }], ['a', 'b']) //=> []
 */
export function monthsComplete(rows: readonly FlowRow[], fundTypes: readonly string[]): FlowRow[] {
  const seen = new Map<string, Set<string>>();
  for (const r of rows) (seen.get(r.month) ?? seen.set(r.month, new Set()).get(r.month)!).add(r.fundType);
  return rows.filter((r) => fundTypes.every((f) => seen.get(r.month)!.has(f)));
}
