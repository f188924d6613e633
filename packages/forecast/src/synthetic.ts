import { addMonthsToKey, monthKey, monthParts, mulberry32 } from '@fundladder/core';

/** Options of {@link syntheticFundFlows}. */
export interface SyntheticOptions {
  readonly seed: number;
  readonly months: number;
  /** First month, 'YYYY-MM' (default '2015-01'). */
  readonly start?: string;
  /** Monthly contributions in the first month, yuan (default 40,000,000). */
  readonly inflowBase?: number;
  /** Monthly payouts in the first month, yuan (default 36,000,000). */
  readonly outflowBase?: number;
  /** Relative noise, standard deviation as a share of the level (default 0.03). */
  readonly noise?: number;
}

/**
 * A synthetic county pension fund, for tests and benchmarks (never a stand-in for real data):
 * contributions rise 6% a year with a December push and a quiet February; payouts rise 5% a year with
 * the yearly raise (3%) announced in July and back-dated to January, so July also pays six months of
 * arrears. Noise is Gaussian (Box–Muller) from a seeded mulberry32.
 *
 * @param options - seed, length and levels
 * @returns the periods and the two series, yuan
 * @example syntheticFundFlows({ seed: 1, months: 24 }).inflow.length //=> 24
 * @see docs/domain.md §10.1 (pension increases and seasonality).
 */
export function syntheticFundFlows(options: SyntheticOptions): { periods: string[]; inflow: number[]; outflow: number[] } {
  const rng = mulberry32(options.seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const start = monthKey(options.start ?? '2015-01');
  const noise = options.noise ?? 0.03;
  const inflowSeason = [1.0, 0.85, 1.0, 1.0, 1.0, 1.02, 1.0, 1.0, 1.0, 1.0, 1.03, 1.25];
  const periods: string[] = [];
  const inflow: number[] = [];
  const outflow: number[] = [];
  let pension = options.outflowBase ?? 36_000_000;
  for (let t = 0; t < options.months; t++) {
    const period = addMonthsToKey(start, t);
    const { month } = monthParts(period);
    periods.push(period);
    const years = t / 12;
    inflow.push(Math.round((options.inflowBase ?? 40_000_000) * 1.06 ** years * inflowSeason[month - 1]! * (1 + noise * gauss())));
    // Retiree growth ~2%/yr continuously; the 3% raise applies from July, with January–June paid back in July.
    if (month === 7 && t > 0) pension *= 1.03;
    const arrears = month === 7 && t > 0 ? 6 * (pension - pension / 1.03) : 0;
    const retireeGrowth = 1.02 ** years;
    outflow.push(Math.round((pension * retireeGrowth + arrears * retireeGrowth) * (1 + noise * gauss())));
  }
  return { periods, inflow, outflow };
}
