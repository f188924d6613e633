// Forecast against actual as the reader is shown it: each figure in the table's unit (万元 / millions), the difference
// signed (+ more than forecast, − less), the share of the forecast to one decimal; exact, from the API's decimal strings.
import type { Variance } from '../../api/actualsSchemas';
import { decimalIn, fenOf, type MoneyUnit, moneyIn } from '../../format/money';

export interface VarianceCell {
  readonly forecast: string;
  readonly actual: string;
  readonly variance: string;
  readonly percent: string;
  /** Above, below or at the forecast; `none` when the scenario forecasts nothing for the month. */
  readonly direction: 'above' | 'below' | 'equal' | 'none';
}

const signed = (text: string, negative: boolean, zero: boolean) => (zero || negative ? text : `+${text}`);

/**
 * One side's figures as text.
 * @example varianceCell({ forecast: '1000000.00', actual: '1041300.00', variance: '41300.00', variancePercent: '4.13' }, 'wan') //=> { forecast: '100.00', actual: '104.13', variance: '+4.13', percent: '+4.1%', direction: 'above' }
 */
export function varianceCell(f: { forecast: string | null; actual: string; variance: string | null; variancePercent: string | null }, unit: MoneyUnit): VarianceCell {
  if (f.forecast === null || f.variance === null) return { forecast: '—', actual: moneyIn(f.actual, unit), variance: '—', percent: '—', direction: 'none' };
  const fen = fenOf(f.variance);
  const variance = signed(moneyIn(f.variance, unit), fen < 0n, fen === 0n);
  const percent = f.variancePercent === null ? '—' : `${signed(decimalIn(f.variancePercent, 1), f.variancePercent.startsWith('-'), /^-?0(\.0*)?$/.test(f.variancePercent))}%`;
  return { forecast: moneyIn(f.forecast, unit), actual: moneyIn(f.actual, unit), variance, percent, direction: fen > 0n ? 'above' : fen < 0n ? 'below' : 'equal' };
}

/**
 * The variance rows grouped by month, newest month first, fund types in the scenario's order.
 * @example varianceByMonth(v, ['unemployment']).map((g) => g.month) //=> ['2026-02', '2026-01']
 */
export function varianceByMonth(v: Variance, fundTypes: readonly string[]): { month: string; rows: Variance['rows'] }[] {
  const order = (f: string) => (fundTypes.includes(f) ? fundTypes.indexOf(f) : fundTypes.length);
  const months = [...new Set(v.rows.map((r) => r.month))].sort().reverse();
  return months.map((month) => ({ month, rows: v.rows.filter((r) => r.month === month).sort((a, b) => order(a.fundType) - order(b.fundType)) }));
}
