import { type Decimal, halfUp, sum } from '@fundladder/core';

/** Variance in percent of the forecast, rounded half up to 2 places (0.01 %). Money is never rounded: it is at the fen. */
export const VARIANCE_PERCENT_ROUNDING = halfUp(2);

/** Forecast against actual for one direction (inflow or outflow), yuan as decimal strings. */
export interface VarianceFigures {
  /** The scenario's expected amount; null when its `flows` have no row for the month and fund type. */
  readonly forecast: string | null;
  readonly actual: string;
  /** actual − forecast (positive: more than expected). */
  readonly variance: string | null;
  /** variance ÷ forecast × 100, to 0.01; null when the forecast is missing or zero. */
  readonly variancePercent: string | null;
}

export interface VarianceRow {
  readonly month: string;
  readonly fundType: string;
  readonly inflow: VarianceFigures;
  readonly outflow: VarianceFigures;
}

/** Per fund type, the sums over the months that have both a forecast and an actual. */
export interface VarianceTotal {
  readonly fundType: string;
  readonly months: number;
  readonly inflow: VarianceFigures;
  readonly outflow: VarianceFigures;
}

type Flow = { month: string; fundType: string; inflow: Decimal; outflow: Decimal };

/**
 * Variance in yuan and in percent. Exact Decimal arithmetic; only the percentage is rounded, with
 * {@link VARIANCE_PERCENT_ROUNDING}.
 *
 * @example figures(dec('100.00'), dec('112.50')) //=> { forecast: '100.00', actual: '112.50', variance: '12.50', variancePercent: '12.50' }
 */
export function figures(forecast: Decimal | undefined, actual: Decimal): VarianceFigures {
  if (forecast === undefined) return { forecast: null, actual: actual.toFixed(2), variance: null, variancePercent: null };
  const variance = actual.minus(forecast);
  return {
    forecast: forecast.toFixed(2),
    actual: actual.toFixed(2),
    variance: variance.toFixed(2),
    variancePercent: forecast.isZero() ? null : VARIANCE_PERCENT_ROUNDING.apply(variance.div(forecast).times(100)).toFixed(2),
  };
}

/**
 * Forecast (a scenario's expected `flows`) against actuals, per month and fund type with an actual, in month then
 * fund-type order, and per fund type the totals over the months that have both.
 */
export function variance(forecast: readonly Flow[], actuals: readonly Flow[]): { rows: VarianceRow[]; totals: VarianceTotal[] } {
  const expected = new Map(forecast.map((f) => [`${f.month}|${f.fundType}`, f] as const));
  const sorted = [...actuals].sort((a, b) => (a.month === b.month ? (a.fundType < b.fundType ? -1 : 1) : a.month < b.month ? -1 : 1));
  const rows = sorted.map((a) => {
    const f = expected.get(`${a.month}|${a.fundType}`);
    return { month: a.month, fundType: a.fundType, inflow: figures(f?.inflow, a.inflow), outflow: figures(f?.outflow, a.outflow) };
  });
  const byType = new Map<string, { f: Flow; a: Flow }[]>();
  for (const a of sorted) {
    const f = expected.get(`${a.month}|${a.fundType}`);
    if (f) byType.set(a.fundType, [...(byType.get(a.fundType) ?? []), { f, a }]);
  }
  const totals = [...byType].sort(([x], [y]) => (x < y ? -1 : 1)).map(([fundType, pairs]) => ({
    fundType,
    months: pairs.length,
    inflow: figures(sum(pairs.map((p) => p.f.inflow)), sum(pairs.map((p) => p.a.inflow))),
    outflow: figures(sum(pairs.map((p) => p.f.outflow)), sum(pairs.map((p) => p.a.outflow))),
  }));
  return { rows, totals };
}
