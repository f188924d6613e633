import { z } from 'zod';
import { Decimal } from '@fundladder/core';
import { domainIssue, exact, money } from '../wire/codecs';

/**
 * A shock on the simulated paths (forecast's `Shock`, docs/forecast.md "Paths"), bounded: growth rates as fractions a
 * year from −50% to +100%, a one-off outflow in yuan below 10¹⁵ (core's plausible-amount bound), a rate cut of at most
 * ±1,000 bp (negative = a rise). One schema for the request and the result.
 */
const GROWTH = 'is a growth rate a year from -0.5 to 1, as a fraction (0.05 = 5%)';
export const forecastShock = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('payoutGrowth'), annualRate: z.number().min(-0.5, GROWTH).max(1, GROWTH), from: z.string().optional(), fundType: z.string().optional() }),
  z.strictObject({ kind: z.literal('contributionBaseFreeze'), baseGrowth: z.number().min(-0.5, GROWTH).max(1, GROWTH), from: z.string().optional(), fundType: z.string().optional() }),
  z.strictObject({ kind: z.literal('oneOffOutflow'), fundType: z.string().min(1), period: z.string(), amount: exact.refine((d) => d.gte(0) && d.lt('1e15'), 'is yuan from 0 to below 10^15') }),
  z.strictObject({ kind: z.literal('rateCut'), bp: z.number().min(-1000, 'is basis points from -1000 to 1000 (negative: a rise)').max(1000, 'is basis points from -1000 to 1000 (negative: a rise)'), from: z.string() }),
]);
export type ShockRequest = z.input<typeof forecastShock>;

const MONEY_TEXT = /^-?\d+\.\d{2}$/;

/**
 * A row of money, as `z.array(money)` writes and reads it (`"1234.50"` ↔ a `Decimal` to the fen), checked and converted
 * as one value: simulated paths hold 10⁵–10⁶ figures, and a codec per figure took seconds.
 */
export const moneyRow = z.codec(
  z.array(z.string()).refine((texts) => texts.every((t) => MONEY_TEXT.test(t)), 'money is a decimal string of yuan to the fen, e.g. "1234.50"'),
  z.custom<Decimal[]>((v) => Array.isArray(v) && v.every((d) => d instanceof Decimal && d.isFinite() && d.decimalPlaces() <= 2), 'money is yuan to the fen'),
  { decode: (texts) => texts.map((t) => new Decimal(t)), encode: (values) => values.map((d) => d.toFixed(2)) },
);

/** A band of one quantity at one period: the central `level`% (yuan, to the fen). */
export const forecastBand = z.strictObject({ level: z.number(), lo: money, hi: money });

/** The mean and bands of one quantity at one period (yuan, to the fen; the models' floats through `yuanString`). */
export const forecastValue = z.strictObject({ mean: money, bands: z.array(forecastBand) });

export const forecastPeriod = z.strictObject({ period: z.string(), inflow: forecastValue, outflow: forecastValue, net: forecastValue });

/** Joint simulated paths: what they are (count, distinct, seed), and the spread of their cumulative net flow. */
export const forecastPaths = z.strictObject({
  count: z.int(),
  /** How many paths differ from every other (docs/forecast.md "Paths"). */
  distinct: z.int(),
  seed: z.int(),
  /** Deposit-rate change per forecast period in basis points (a rate-cut shock; 0 otherwise). */
  rateDeltaBp: z.array(z.number()),
  /** The cumulative net flow over the horizon, summed over fund types, at the paths' 5th, 50th and 95th percentile. */
  cumulativeNet: z.strictObject({ p5: money, median: money, p95: money }),
  /** The paths themselves (when asked for): per path, per fund type, inflow and outflow per period. */
  simulated: z.array(z.record(z.string(), z.strictObject({ inflow: moneyRow, outflow: moneyRow }))).optional(),
});

/**
 * A flow forecast (docs/forecast.md): per fund type the models chosen by backtest and, per period, the mean and bands
 * of inflow, outflow and net; the totals from joint scenarios (coherent, not the sum of the parts' bands); the cohort
 * model's use; the shocks and the simulated paths when asked for. Facts only; the apps word them.
 */
export const forecastResult = z.strictObject({
  kind: z.literal('forecast'),
  /** Where the history came from, as the caller named it. */
  file: z.string().optional(),
  /** The scenario whose history was forecast. */
  scenario: z.string().optional(),
  frequency: z.enum(['monthly', 'annual']),
  history: z.strictObject({ first: z.string(), last: z.string(), periods: z.int() }),
  periods: z.array(z.string()),
  levels: z.array(z.number()),
  /** The rolling-origin backtest the models were chosen by. */
  backtest: z.strictObject({ horizon: z.int(), windows: z.int(), refitEvery: z.int(), minTrain: z.int() }),
  fundTypes: z.array(z.strictObject({ fundType: z.string(), models: z.strictObject({ inflow: z.string(), outflow: z.string() }), periods: z.array(forecastPeriod) })),
  total: z.array(forecastPeriod),
  /** The cohort model: whether the history has cohort columns, the series whose mean it gives, and why not elsewhere. */
  cohort: z.strictObject({ columns: z.boolean(), series: z.array(z.string()), issues: z.array(domainIssue) }),
  /** Findings about the forecast itself (bands from residuals, a model refitted as the baseline, overrides used). */
  notes: z.array(domainIssue),
  /** Values accepted but that look mistyped (from a scenario). */
  warnings: z.array(domainIssue),
  shocks: z.array(forecastShock),
  paths: forecastPaths.optional(),
});
export type ForecastResult = z.output<typeof forecastResult>;
export type ForecastValue = z.output<typeof forecastValue>;
export type ForecastPeriod = z.output<typeof forecastPeriod>;
