import type { FittedForecaster, Forecaster } from '../types';
import { solveLinearSystem } from '../stats/solveLinearSystem';
import { residualBands } from './residualBands';

/**
 * Linear trend with month effects, fitted by ordinary least squares:
 * y[t] = a + b·t + Σ_{j=1}^{m−1} c_j·[t mod m = j] + ε. With period 1 it is a straight line.
 * The normal equations are solved directly (the planned simple-statistics dependency is not installed
 * in this workspace; its `linearRegression` covers only the one-regressor case anyway).
 *
 * @param period - season length: 12 monthly, 1 annual
 * @returns the forecaster
 * @example linearTrendSeasonal(1).fit([1, 3, 5]) // predict(1).mean //=> [7]
 * @see Hyndman & Athanasopoulos, FPP3 §7.4 "Some useful predictors" (trend and seasonal dummies).
 */
export function linearTrendSeasonal(period: number): Forecaster {
  const name = period === 1 ? 'linearTrend' : 'linearTrend+months';
  const columns = (t: number): number[] => {
    const row = [1, t];
    for (let j = 1; j < period; j++) row.push(t % period === j ? 1 : 0);
    return row;
  };
  const build = (y: readonly number[]): FittedForecaster | undefined => {
    const width = period + 1;
    const xtx = Array.from({ length: width }, () => new Array<number>(width).fill(0));
    const xty = new Array<number>(width).fill(0);
    // Each row has at most three non-zero regressors (1, t, one month dummy): accumulate only those.
    y.forEach((value, t) => {
      const month = t % period;
      const nonZero: [number, number][] = month > 0 ? [[0, 1], [1, t], [month + 1, 1]] : [[0, 1], [1, t]];
      for (const [i, xi] of nonZero) {
        xty[i] = xty[i]! + xi * value;
        for (const [j, xj] of nonZero) xtx[i]![j] = xtx[i]![j]! + xi * xj;
      }
    });
    const coef = solveLinearSystem(xtx, xty);
    if (!coef) return undefined;
    const at = (t: number): number => columns(t).reduce((acc, c, i) => acc + c * coef[i]!, 0);
    const fitted = y.map((_, t) => at(t));
    const params: Record<string, number> = { intercept: coef[0]!, slope: coef[1]! };
    for (let j = 1; j < period; j++) params[`month${j}`] = coef[j + 1]!;
    return {
      name,
      params,
      fitted,
      stateful: false,
      trend: true,
      predict(h, options = {}) {
        const mean = Array.from({ length: h }, (_, k) => at(y.length + k));
        return residualBands(mean, y, fitted, options.levels ?? [], options.nonNegative ?? true);
      },
      update: (longer) => build(longer) ?? build(y)!,
    };
  };
  const minLength = period === 1 ? 2 : 2 * period;
  return {
    name,
    minLength,
    fit(y) {
      if (y.length < minLength) {
        return { ok: false, issues: [{ code: 'too_short', path: ['series'], rule: 'twoSeasons', message: `${name} needs at least ${minLength} observations`, received: String(y.length), limit: String(minLength) }] };
      }
      const fitted = build(y);
      return fitted ? { ok: true, value: fitted } : { ok: false, issues: [{ code: 'singular', path: ['series'], rule: 'leastSquares', message: `${name}: the normal equations are singular` }] };
    },
  };
}
