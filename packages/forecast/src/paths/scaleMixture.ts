/**
 * One draw of the factor by which a path's spread is widened or narrowed for not knowing the true spread:
 * √(ν / X) with X ~ χ²_ν, so that a normal deviation times this factor is Student-t with ν degrees of
 * freedom (the predictive distribution of one new value when the variance is estimated from ν
 * residuals). X is taken from a standard normal draw `normal` by the Wilson–Hilferty cube-root
 * transform, X ≈ ν·(1 − 2/(9ν) + normal·√(2/(9ν)))³ (the cube root of χ²_ν/ν is close to normal); the
 * base is kept ≥ 0.2 so that a draw in the far left tail gives a factor of at most √125 ≈ 11, not ∞.
 *
 * @param degreesOfFreedom - ν ≥ 1 (how many independent errors the spread was estimated from)
 * @param normal - a standard normal draw (shared by every series of a path, so they widen together)
 * @returns the factor (normal = 0 gives about 1 + 1/(3ν), the median)
 * @example scaleMixture(20, 0) //=> 1.017… ; scaleMixture(20, -1.645) //=> 1.357… (a path in the widest 5%)
 * @see Wilson & Hilferty, "The distribution of chi-square", PNAS 17 (1931) 684–688; Gelman et al., Bayesian Data Analysis (3rd ed.) §3.2 (normal with unknown variance: the predictive is t).
 */
export function scaleMixture(degreesOfFreedom: number, normal: number): number {
  const nu = Math.max(1, degreesOfFreedom);
  const spread = Math.sqrt(2 / (9 * nu));
  const base = Math.max(0.2, 1 - 2 / (9 * nu) + normal * spread);
  return Math.sqrt(1 / base ** 3);
}
