// The backtest as the reader is shown it (docs/forecast.md "Automatic choice"): for each fund type and side, the model
// the rolling-origin backtest chose, its errors (MAPE one month and a year ahead, MASE against the seasonal naive
// baseline) and how often its 80% and 95% bands held the actual value; then the facts behind "why trust it": the
// pooled band coverage against its level, and how many series beat the baseline.
import type { BacktestResult, ModelScore, Score } from '../../api/forecastSchemas';

/** One row of the backtest table. */
export interface BacktestRow {
  readonly fundType: string;
  readonly side: 'inflow' | 'outflow';
  readonly model: string;
  /** The chosen model's scores; undefined when the backtest scored no such model (a series of zeros). */
  readonly score?: ModelScore;
  readonly mapeFirst?: Score;
  readonly mapeLast?: Score;
}

/**
 * The rows of the table in the order of `fundTypes` (then as the result lists them), inflow before outflow.
 * @example backtestRows(sample, ['employeePension'])[0] //=> { fundType: 'employeePension', side: 'inflow', model: 'linearTrend+months', score: {…}, mapeFirst: 4.69…, mapeLast: … }
 */
export function backtestRows(result: BacktestResult, fundTypes: readonly string[] = []): BacktestRow[] {
  const first = Math.min(...result.reportHorizons);
  const last = Math.max(...result.reportHorizons);
  const order = (f: string) => (fundTypes.includes(f) ? fundTypes.indexOf(f) : fundTypes.length);
  return [...result.series]
    .sort((a, b) => order(a.fundType) - order(b.fundType) || (a.side === b.side ? 0 : a.side === 'inflow' ? -1 : 1))
    .map((s) => {
      const score = s.scores.find((x) => x.model === s.chosen);
      const at = (h: number) => score?.byHorizon.find((x) => x.horizon === h)?.mape;
      const mapeFirst = at(first);
      const mapeLast = at(last);
      return { fundType: s.fundType, side: s.side, model: s.chosen, ...(score ? { score } : {}), ...(mapeFirst !== undefined ? { mapeFirst } : {}), ...(mapeLast !== undefined ? { mapeLast } : {}) };
    });
}

/**
 * A score as text: a number to `places` decimals, `—` when nothing was scored, `∞` when unbounded.
 * @example scoreText(0.74126, 2) //=> '0.74'
 * @example scoreText(null, 2) //=> '—'
 */
export function scoreText(score: Score | undefined, places: number): string {
  if (score === undefined || score === null) return '—';
  if (score === 'Infinity') return '∞';
  if (score === '-Infinity') return '-∞';
  return score.toFixed(places);
}

/**
 * A share scored as a fraction (a coverage) as a percentage, one decimal: `0.9375` → `93.8%`.
 * @example shareText(0.9375) //=> '93.8%'
 */
export function shareText(score: Score | undefined): string {
  return typeof score === 'number' ? `${(score * 100).toFixed(1)}%` : scoreText(score, 1);
}

/** What says whether to trust the forecast, as facts; the screen words them. */
export interface TrustFacts {
  readonly first: string;
  readonly last: string;
  readonly periods: number;
  readonly windows: number;
  readonly horizon: number;
  /** Median MASE of the chosen models (below 1: better than repeating last year's month). */
  readonly maseMedian: Score;
  /** Series whose chosen model scored a MASE below 1, of those scored. */
  readonly beatBaseline: number;
  readonly scoredSeries: number;
  /** Pooled over every scored window × horizon of every chosen model. */
  readonly scored: number;
  readonly hits80: number;
  readonly hits95: number;
  /** The 95% bands held at least 90% of the actuals and the 80% bands at least 70%: the bands are not too narrow. */
  readonly bandsHold: boolean;
  /** The chosen models' median MASE is below 1. */
  readonly beatsNaive: boolean;
}

/**
 * The facts behind the trust sentence.
 * @example trustFacts(sample) //=> { scored: 896, hits95: 840, bandsHold: true, beatsNaive: true, … }
 */
export function trustFacts(result: BacktestResult): TrustFacts {
  const scoredSeries = result.series.map((s) => s.scores.find((x) => x.model === s.chosen)?.mase).filter((m): m is number => typeof m === 'number');
  const { scored, hits80, hits95 } = result.pooledCoverage;
  const median = result.chosen.maseMedian;
  return {
    first: result.history.first,
    last: result.history.last,
    periods: result.history.periods,
    windows: result.backtest.windows,
    horizon: result.backtest.horizon,
    maseMedian: median,
    beatBaseline: scoredSeries.filter((m) => m < 1).length,
    scoredSeries: scoredSeries.length,
    scored,
    hits80,
    hits95,
    // Counts, not floats: hits95 / scored ≥ 0.9 ⇔ 10·hits95 ≥ 9·scored.
    bandsHold: scored > 0 && 10 * hits95 >= 9 * scored && 10 * hits80 >= 7 * scored,
    beatsNaive: typeof median === 'number' && median < 1,
  };
}
