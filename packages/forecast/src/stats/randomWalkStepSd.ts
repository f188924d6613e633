/**
 * The standard deviation of an h-step forecast of a random walk, as R's `forecast::rwf` computes it:
 * σ·√h without drift, and σ·√(h·(1 + h/(T−1))) with a drift estimated from the T − 1 one-step changes
 * (the second term is the drift's own standard error σ/√(T−1), times h). Grows with h in both cases.
 *
 * @param sigma - σ, the spread of the one-step changes (see `randomWalkSpread`), ≥ 0
 * @param steps - h ≥ 1, periods ahead
 * @param observations - T, the length of the history the changes came from (≥ 2; ≥ 3 with drift)
 * @param drift - whether the forecast carries the mean change forward
 * @returns σ_h
 * @example randomWalkStepSd(2, 4, 5, false) //=> 4 (2·√4)
 * @example randomWalkStepSd(2, 4, 5, true) //=> 5.656854… (2·√(4·(1 + 4/4)) = 2·√8)
 * @see Hyndman & Athanasopoulos, FPP3 §5.5 "Distributional forecasts and prediction intervals" (table of multi-step
 *   standard deviations of the benchmark methods); robjhyndman/forecast R/naive.R `forecast.rw_model`:
 *   `se <- sqrt(mse * steps + (steps * drift.se)^2)`.
 */
export function randomWalkStepSd(sigma: number, steps: number, observations: number, drift: boolean): number {
  if (!(sigma >= 0)) throw new RangeError(`randomWalkStepSd: sigma must be ≥ 0, got ${sigma}`);
  if (!(Number.isInteger(steps) && steps >= 1)) throw new RangeError(`randomWalkStepSd: steps must be a positive integer, got ${steps}`);
  const changes = observations - 1;
  if (!(Number.isInteger(observations) && changes >= (drift ? 2 : 1))) throw new RangeError(`randomWalkStepSd: ${observations} observations are too few${drift ? ' for a drift' : ''}`);
  return drift ? sigma * Math.sqrt(steps * (1 + steps / changes)) : sigma * Math.sqrt(steps);
}
