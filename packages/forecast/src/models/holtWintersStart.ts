/** Start values of the Holt–Winters filter. */
export interface HoltWintersStart {
  readonly level: number;
  readonly trend: number;
  /** One seasonal index per position of the season (additive offsets or multiplicative factors). */
  readonly season: number[];
  /** 0-based index of the first observation the filter predicts (R's `start.time − 1`). */
  readonly firstPredicted: number;
}

/**
 * Start values as R's `stats::HoltWinters` infers them. Seasonal: a classical decomposition
 * (centred 2×m moving average) of the first two seasons; level and trend are the intercept and slope
 * of a straight line through that trend; the seasonal figure is the mean ratio (or difference) per
 * position, normalised to mean 1 (or 0); filtering starts at observation m+1. Non-seasonal:
 * level y[2], trend y[2]−y[1], start at observation 3 (observation 2 without a trend).
 *
 * @param y - the series (at least 2 seasons when seasonal, 2 observations otherwise)
 * @param period - season length, 1 for none
 * @param seasonal - 'additive' | 'multiplicative' | 'none'
 * @param withTrend - false for simple exponential smoothing
 * @returns the start values
 * @example holtWintersStart([1, 3, 5], 1, 'none', true) //=> { level: 3, trend: 2, season: [], firstPredicted: 2 }
 * @see R stats::HoltWinters source (R ≥ 2.x, src/library/stats/R/HoltWinters.R) and `decompose`.
 */
export function holtWintersStart(y: readonly number[], period: number, seasonal: 'additive' | 'multiplicative' | 'none', withTrend: boolean): HoltWintersStart {
  if (seasonal === 'none' || period === 1) {
    if (!withTrend) return { level: y[0]!, trend: 0, season: [], firstPredicted: 1 };
    return { level: y[1]!, trend: y[1]! - y[0]!, season: [], firstPredicted: 2 };
  }
  const window = y.slice(0, 2 * period);
  const half = period / 2;
  const trend: number[] = [];
  const detrended = new Array<number>(window.length).fill(Number.NaN);
  for (let t = 0; t < window.length; t++) {
    let acc = 0;
    if (period % 2 === 0) {
      if (t - half < 0 || t + half >= window.length) continue;
      acc += 0.5 * window[t - half]! + 0.5 * window[t + half]!;
      for (let j = -half + 1; j <= half - 1; j++) acc += window[t + j]!;
    } else {
      const w = (period - 1) / 2;
      if (t - w < 0 || t + w >= window.length) continue;
      for (let j = -w; j <= w; j++) acc += window[t + j]!;
    }
    const value = acc / period;
    trend.push(value);
    detrended[t] = seasonal === 'multiplicative' ? window[t]! / value : window[t]! - value;
  }
  const figure = Array.from({ length: period }, (_, i) => {
    const values = [detrended[i]!, detrended[i + period]!].filter((v) => Number.isFinite(v));
    return values.reduce((a, b) => a + b, 0) / values.length;
  });
  const figureMean = figure.reduce((a, b) => a + b, 0) / period;
  const season = figure.map((f) => (seasonal === 'multiplicative' ? f / figureMean : f - figureMean));
  const n = trend.length;
  const xs = trend.map((_, i) => i + 1);
  const xMean = xs.reduce((a, b) => a + b, 0) / n;
  const yMean = trend.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - xMean) * (trend[i]! - yMean);
    sxx += (xs[i]! - xMean) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { level: yMean - slope * xMean, trend: withTrend ? slope : 0, season, firstPredicted: period };
}
