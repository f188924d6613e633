import { predictionBounds } from './stats/predictionBounds';
import type { Band } from './types';

/** Options of {@link empiricalBands}. */
export interface EmpiricalBandOptions {
  /** Bounds are raised to at least this value (0 for amounts that cannot be negative); none by default. */
  readonly floor?: number;
}

/**
 * Nested empirical bands from joint scenarios: for each step, the {@link predictionBounds} of the
 * scenario values at each level (conformal order statistics, or the t prediction interval when there
 * are too few scenarios for the level's conformal rank). Nested 50 ⊂ 80 ⊂ 95 by construction.
 *
 * @param scenarios - scenarios[k] = the values at step k, one per backtest window
 * @param levels - band levels in percent
 * @param options - `floor`: clip the bounds below (0 for inflows and outflows)
 * @returns one band per level
 * @example empiricalBands([[1, 2, 3, 4]], [50])[50] //=> { lo: [1], hi: [4] }
 * @see Angelopoulos & Bates (2021) §1; Hyndman & Athanasopoulos FPP3 §5.5 (bootstrapped intervals); Hahn & Meeker (1991) §4.7.
 */
export function empiricalBands(scenarios: readonly (readonly number[])[], levels: readonly number[], options: EmpiricalBandOptions = {}): Record<number, Band> {
  const sorted = scenarios.map((values) => [...values].sort((a, b) => a - b));
  const floor = options.floor ?? Number.NEGATIVE_INFINITY;
  const bands: Record<number, Band> = {};
  for (const level of levels) {
    const bounds = sorted.map((s) => predictionBounds(s, level));
    bands[level] = { lo: bounds.map((b) => Math.max(floor, b.lo)), hi: bounds.map((b) => Math.max(floor, b.hi)) };
  }
  return bands;
}
