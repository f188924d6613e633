/**
 * The conformal (finite-sample) quantile of a sample: the value of rank ⌈(n+1)·p⌉ (upper tail) or
 * ⌊(n+1)·p⌋ (lower tail), clamped to the sample, so a band built from n backtest errors is never
 * narrower than those errors support. Monotone in `p`, so bands built from it are nested.
 *
 * @param sortedAscending - the sample, sorted ascending, not empty
 * @param p - probability in [0, 1]
 * @returns the order statistic
 * @example conformalQuantile([1, 2, 3, 4], 0.9) //=> 4 (rank ⌈5·0.9⌉ = 5, clamped to 4)
 * @example conformalQuantile([1, 2, 3, 4], 0.1) //=> 1
 * @see Angelopoulos & Bates, "A Gentle Introduction to Conformal Prediction" (2021), §1 (the ⌈(n+1)(1−α)⌉/n rank)
 */
export function conformalQuantile(sortedAscending: readonly number[], p: number): number {
  const n = sortedAscending.length;
  if (n === 0) throw new RangeError('conformalQuantile: empty sample');
  const rank = p >= 0.5 ? Math.ceil((n + 1) * p) : Math.floor((n + 1) * p);
  const index = Math.min(n, Math.max(1, rank)) - 1;
  return sortedAscending[index]!;
}
