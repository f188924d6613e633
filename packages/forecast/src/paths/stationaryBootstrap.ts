import type { Rng } from '@fundladder/core';

/**
 * One stationary-bootstrap sequence of `length` indices into a series of `n`: the first index is uniform;
 * each next one continues the block (previous + 1, wrapping from n − 1 to 0) with probability 1 − 1/L and
 * starts a new block at a uniform index otherwise, so block lengths are geometric with mean L. Blocks keep
 * the short-range dependence of the resampled series; the random lengths and the wrap keep the resample
 * stationary and give every index the same chance.
 *
 * @param rng - a seeded generator (core's `mulberry32`)
 * @param n - how many values there are to draw from (≥ 1)
 * @param length - how many indices to draw
 * @param meanBlock - L, the mean block length (≥ 1; 1 = the ordinary bootstrap)
 * @returns the indices, each in 0 … n − 1
 * @example stationaryBootstrap(mulberry32(1), 24, 5, 3) //=> five indices such as [15, 16, 17, 3, 4]
 * @see Politis & Romano, "The stationary bootstrap", JASA 89 (1994) 1303–1313; Künsch, Annals of Statistics 17 (1989) 1217–1241 (moving blocks).
 */
export function stationaryBootstrap(rng: Rng, n: number, length: number, meanBlock: number): number[] {
  const restart = 1 / Math.max(1, meanBlock);
  const out = new Array<number>(length);
  let index = Math.floor(rng() * n);
  for (let k = 0; k < length; k++) {
    if (k > 0) index = rng() < restart ? Math.floor(rng() * n) : (index + 1) % n;
    out[k] = index;
  }
  return out;
}

/**
 * The mean block length used for n residual vectors: n^{1/3}, at least 1, the rate at which the
 * mean-squared-error-optimal block length of a block bootstrap grows with the sample.
 *
 * @param n - number of residual vectors
 * @returns L
 * @example meanBlockLength(36) //=> 3.30…
 * @see Hall, Horowitz & Jing, "On blocking rules for the bootstrap with dependent data", Biometrika 82 (1995) 561–574.
 */
export function meanBlockLength(n: number): number {
  return Math.max(1, Math.cbrt(n));
}
