import type { Result } from '@fundladder/core';

/** Options for {@link FittedForecaster.predict}. */
export interface PredictOptions {
  /** Band levels in percent, e.g. `[50, 80, 95]`. */
  readonly levels?: readonly number[];
  /** Clip the mean and the bands at zero (amounts that cannot be negative). Default true. */
  readonly nonNegative?: boolean;
}

/** One band: lower and upper bound per step ahead. */
export interface Band {
  readonly lo: number[];
  readonly hi: number[];
}

/**
 * A forecast in statsforecast's shape: `mean` plus `bands[level] = { lo, hi }` (their `lo-80`/`hi-80`).
 * Floats in the series' own unit: forecasts are estimates, not ledger money.
 */
export interface Prediction {
  readonly mean: number[];
  readonly bands: Readonly<Record<number, Band>>;
}

/** A model fitted on one series. */
export interface FittedForecaster {
  readonly name: string;
  /** Fitted parameters (smoothing weights, coefficients), for reports. */
  readonly params: Readonly<Record<string, number>>;
  /** One-step in-sample fitted values (NaN where the model has none, e.g. the first season). */
  readonly fitted: readonly number[];
  /**
   * Whether the model's values follow its own past through states (ETS level, trend and season; seasonal
   * naive's last season), so that a surprise in one simulated period carries into later ones (true), or
   * the model is a fixed function of time (a fitted regression line) whose errors are independent (false).
   * Simulated paths use it (`impulseResponse`): shared code asks this, never the model's name.
   */
  readonly stateful: boolean;
  /**
   * Whether the forecast carries a trend forward (drift, Holt's trend, a regression line) rather than holding the last
   * level (naive, simple exponential smoothing). Annual bands ask this to choose the random-walk band with or without
   * drift (`randomWalkBands`); absent = false.
   */
  readonly trend?: boolean;
  /** Mean and model-based bands for the next `h` periods. */
  predict(h: number, options?: PredictOptions): Prediction;
  /**
   * The same parameters run over a longer history: what a backtest does between refits
   * (statsforecast `cross_validation(refit=False)`).
   */
  update(y: readonly number[]): FittedForecaster;
}

/** A model before fitting: statsforecast's `_TS` (`fit`, `predict`, `forecast`). */
export interface Forecaster {
  readonly name: string;
  /** Shortest history the model can be fitted on. */
  readonly minLength: number;
  /** Fits on `y` (oldest first); a failure is data (DomainIssue), not a throw. */
  fit(y: readonly number[]): Result<FittedForecaster>;
}
