import { conformalQuantile } from './stats/conformalQuantile';
import type { Band } from './types';

/**
 * Nested empirical bands from joint scenarios: for each step, the conformal quantiles of the
 * scenario values at (1−L)/2 and 1−(1−L)/2. The ranks are monotone in L, so 50 ⊂ 80 ⊂ 95.
 *
 * @param scenarios - scenarios[k] = the values at step k, one per backtest window
 * @param levels - band levels in percent
 * @returns one band per level
 * @example empiricalBands([[1, 2, 3, 4]], [50])[50] //=> { lo: [1], hi: [4] }
 * @see Angelopoulos & Bates (2021) §1; Hyndman & Athanasopoulos FPP3 §5.5 (bootstrapped intervals).
 */
export function empiricalBands(scenarios: readonly (readonly number[])[], levels: readonly number[]): Record<number, Band> {
  const sorted = scenarios.map((values) => [...values].sort((a, b) => a - b));
  const bands: Record<number, Band> = {};
  for (const level of levels) {
    const tail = (1 - level / 100) / 2;
    bands[level] = { lo: sorted.map((s) => conformalQuantile(s, tail)), hi: sorted.map((s) => conformalQuantile(s, 1 - tail)) };
  }
  return bands;
}
