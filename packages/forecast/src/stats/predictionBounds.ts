import { studentTQuantile } from './studentTQuantile';

/** The bounds of one band and how they were obtained. */
export interface PredictionBounds {
  readonly lo: number;
  readonly hi: number;
  /** `conformal`: order statistics of the sample; `studentT`: the normal-theory prediction interval, widened to the sample's range. */
  readonly method: 'conformal' | 'studentT';
}

/**
 * The central `level`% prediction band for one more draw from the population of `sortedAscending`.
 * With enough values it is the conformal pair of order statistics (ranks ⌊(n+1)·α/2⌋ and ⌈(n+1)(1−α/2)⌉).
 * When those ranks fall outside 1..n (n + 1 < 2/α: fewer than 39 values
 * for 95%, 9 for 80%, 3 for 50%), conformal prediction gives no finite bound and clamping to the extremes
 * under-covers, so the band is the normal-theory prediction interval for a single future value,
 * x̄ ± t_{n−1, 1−α/2} · s · √(1 + 1/n), taken no narrower than [min, max] of the sample. Nested in
 * `level`: conformal bounds lie within [min, max] and the t bounds contain it and grow with the level.
 *
 * @param sortedAscending - the sample (backtest errors or joint scenarios at one step), sorted ascending, not empty
 * @param level - band level in percent, in (0, 100)
 * @returns lower and upper bound and the method used
 * @example predictionBounds([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8], 95) //=> { lo: -3.683…, hi: 10.683…, method: 'studentT' } (x̄ 3.5, s 3.028, t₉,₀.₉₇₅ 2.262)
 * @example predictionBounds([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8], 50) //=> { lo: 0, hi: 7, method: 'conformal' } (ranks ⌊11·0.25⌋ = 2 and ⌈11·0.75⌉ = 9)
 * @see Hahn & Meeker, Statistical Intervals (1991) §4.7 (normal prediction interval for one future observation);
 *   Angelopoulos & Bates (2021) §1 (the conformal rank, infinite when ⌈(n+1)(1−α)⌉ > n).
 */
export function predictionBounds(sortedAscending: readonly number[], level: number): PredictionBounds {
  const n = sortedAscending.length;
  if (n === 0) throw new RangeError('predictionBounds: empty sample');
  if (!(level > 0 && level < 100)) throw new RangeError(`predictionBounds: level must be in (0, 100), got ${level}`);
  // Ranks from the level in percent: (n+1)(100 ∓ L)/200 is exact for whole-percent levels, where
  // (n+1)·(1 − 0.8)/2 would give 0.99999… for n = 9 and drop a rank that exists.
  const lowerRank = Math.floor(((n + 1) * (100 - level)) / 200);
  const upperRank = Math.ceil(((n + 1) * (100 + level)) / 200);
  if (lowerRank >= 1 && upperRank <= n) {
    return { lo: sortedAscending[lowerRank - 1]!, hi: sortedAscending[upperRank - 1]!, method: 'conformal' };
  }
  const min = sortedAscending[0]!;
  const max = sortedAscending[n - 1]!;
  if (n < 2) return { lo: min, hi: max, method: 'studentT' };
  let sum = 0;
  for (const v of sortedAscending) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of sortedAscending) squares += (v - mean) ** 2;
  const half = studentTQuantile((100 + level) / 200, n - 1) * Math.sqrt(squares / (n - 1)) * Math.sqrt(1 + 1 / n);
  return { lo: Math.min(min, mean - half), hi: Math.max(max, mean + half), method: 'studentT' };
}
