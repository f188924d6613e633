import { seriesScale } from '../backtest';

/**
 * λ_c, how big calendar month c usually is against its year: the mean over the history (from the second
 * season on) of |y_t| ÷ (mean |y| over the season before t), for the t in month c. About 1 for an even
 * series; 2.2 for a December that collects the year-end lump; 0 for a month that never has a flow; 1 for
 * annual series. Paths scale a month's errors by it (errors proportional to the month's size, the
 * multiplicative-error assumption), so a zero month stays zero and a lump month gets the lump's spread.
 *
 * @param y - the history, oldest first
 * @param calendar - the calendar month (0-based) of each period of y
 * @param period - season length (12 monthly, 1 annual)
 * @returns λ per calendar month; 1 for a month with no period from the second season on
 * @example calendarLevelRatios([1, 1, 1, 3, 1, 1, 1, 3], [0, 1, 2, 3, 0, 1, 2, 3], 4) //=> [0.667, 0.667, 0.667, 2] (each ÷ the season mean 1.5)
 * @see Hyndman, Koehler, Ord & Snyder, Forecasting with Exponential Smoothing (2008) ch. 2 (multiplicative errors: ε_t scales with the level);
 *   Dudek, Leśkow, Paparoditis & Politis, J. Time Series Analysis 35 (2014), model (1.1) X_t = μ_t + σ_t·Y_t with periodic σ_t.
 */
export function calendarLevelRatios(y: readonly number[], calendar: readonly number[], period: number): number[] {
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = period; t < y.length; t++) {
    const c = calendar[t]!;
    sums[c] = sums[c]! + Math.abs(y[t]!) / seriesScale(y, t, period);
    counts[c] = counts[c]! + 1;
  }
  return sums.map((s, c) => (counts[c]! ? s / counts[c]! : 1));
}
