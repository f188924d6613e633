const cache = new Map<string, number>();

/**
 * P(|T| ≤ t) for Student's t with an integer number of degrees of freedom, by the finite series of
 * Abramowitz & Stegun 26.7.3 (odd ν) and 26.7.4 (even ν) in θ = atan(t/√ν): exact up to rounding.
 *
 * @param t - a non-negative value
 * @param degreesOfFreedom - ν, a positive integer
 * @returns A(t|ν) ∈ [0, 1)
 */
function centralProbability(t: number, degreesOfFreedom: number): number {
  const theta = Math.atan(t / Math.sqrt(degreesOfFreedom));
  const sin = Math.sin(theta);
  const cos2 = Math.cos(theta) ** 2;
  if (degreesOfFreedom % 2 === 0) {
    // sinθ [1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))cos^(ν−2)θ]
    let term = 1;
    let sum = 1;
    for (let j = 2; j <= degreesOfFreedom - 2; j += 2) {
      term *= ((j - 1) / j) * cos2;
      sum += term;
    }
    return sin * sum;
  }
  // (2/π)[θ + sinθ cosθ (1 + (2/3)cos²θ + … + (2·4…(ν−3))/(1·3…(ν−2))cos^(ν−3)θ)], the bracket's series absent for ν = 1
  if (degreesOfFreedom === 1) return (2 / Math.PI) * theta;
  let term = 1;
  let sum = 1;
  for (let j = 3; j <= degreesOfFreedom - 2; j += 2) {
    term *= ((j - 1) / j) * cos2;
    sum += term;
  }
  return (2 / Math.PI) * (theta + sin * Math.cos(theta) * sum);
}

/**
 * The quantile of Student's t distribution with `degreesOfFreedom` (an integer ≥ 1): the t with
 * P(T ≤ t) = p. The CDF is the exact finite series of Abramowitz & Stegun 26.7.3/26.7.4, inverted by
 * bisection on θ = atan(t/√ν) ∈ (−π/2, π/2), where it is monotone; results are cached per (ν, p)
 * because the bands ask for the same few quantiles many times.
 *
 * @param p - probability in (0, 1)
 * @param degreesOfFreedom - ν, an integer ≥ 1
 * @returns t_{ν, p}
 * @example studentTQuantile(0.975, 9) //=> 2.2621571627… (tables: 2.262)
 * @example studentTQuantile(0.5, 4) //=> 0
 * @see Abramowitz & Stegun, Handbook of Mathematical Functions (1964), 26.7.3–26.7.4; checked against the
 *   NIST/SEMATECH e-Handbook of Statistical Methods §1.3.6.7.2 table (see the test).
 */
export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) throw new RangeError(`studentTQuantile: degrees of freedom must be an integer ≥ 1, got ${degreesOfFreedom}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, degreesOfFreedom);
  const key = `${degreesOfFreedom}:${p}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const target = 2 * p - 1;
  const root = Math.sqrt(degreesOfFreedom);
  let lo = 0;
  let hi = Math.PI / 2;
  // 200 halvings reach the spacing of doubles near π/2 long before the loop ends.
  for (let i = 0; i < 200 && hi - lo > 0; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (centralProbability(root * Math.tan(mid), degreesOfFreedom) < target) lo = mid;
    else hi = mid;
  }
  const t = root * Math.tan((lo + hi) / 2);
  cache.set(key, t);
  return t;
}
