import { Decimal, roundToFen } from '@fundladder/core';
import type { DerivedForecast, FlowForecast } from './forecastFlows';

/**
 * A float amount of yuan as a decimal string rounded to the fen with core's `roundToFen`
 * (`LEDGER_ROUNDING`): the one conversion from the models' floats back to money on the wire.
 *
 * @param yuan - a finite float
 * @returns e.g. '1234.57'
 * @example yuanString(1234.5678) //=> '1234.57'
 * @see docs/conventions.md §3 (floats stay inside, come back through one named conversion)
 */
export function yuanString(yuan: number): string {
  if (!Number.isFinite(yuan)) throw new RangeError(`yuanString: ${yuan} is not finite`);
  const text = roundToFen(new Decimal(yuan)).toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

/** One period of one quantity: mean and band bounds, decimal strings in yuan. */
export interface WireValue {
  readonly mean: string;
  /** `lo-80`, `hi-80`, … as statsforecast names them. */
  readonly [bound: `lo-${number}` | `hi-${number}`]: string;
}

/** The JSON the CLI prints for `forecast --json`. */
export interface ForecastJson {
  readonly frequency: 'monthly' | 'annual';
  readonly levels: number[];
  readonly fundTypes: Array<{
    fundType: string;
    models: { inflow: string; outflow: string };
    periods: Array<{ period: string; inflow: WireValue; outflow: WireValue; net: WireValue }>;
  }>;
  readonly total: Array<{ period: string; inflow: WireValue; outflow: WireValue; net: WireValue }>;
  readonly notes: string[];
}

function wire(d: { mean: readonly number[]; bands: DerivedForecast['bands'] }, levels: readonly number[], k: number): WireValue {
  const out: Record<string, string> = { mean: yuanString(d.mean[k]!) };
  for (const level of levels) {
    out[`lo-${level}`] = yuanString(d.bands[level]!.lo[k]!);
    out[`hi-${level}`] = yuanString(d.bands[level]!.hi[k]!);
  }
  return out as unknown as WireValue;
}

/**
 * The forecast as JSON-ready data: per fund type and period the mean and band bounds of inflow,
 * outflow and net, and the coherent totals, all as yuan strings to the fen.
 *
 * @param forecast - the result of `forecastFlows`
 * @returns plain data for `JSON.stringify`
 * @example forecastToJson(fc).fundTypes[0]!.periods[0]!.inflow['lo-95'] //=> '123.45'
 * @see docs/forecast.md "Input and output" (`--json`)
 */
export function forecastToJson(forecast: FlowForecast): ForecastJson {
  const fundTypes = [...new Set(forecast.series.map((s) => s.fundType))];
  return {
    frequency: forecast.frequency,
    levels: forecast.levels,
    fundTypes: fundTypes.map((fundType) => {
      const inflow = forecast.series.find((s) => s.fundType === fundType && s.side === 'inflow')!;
      const outflow = forecast.series.find((s) => s.fundType === fundType && s.side === 'outflow')!;
      return {
        fundType,
        models: { inflow: inflow.model, outflow: outflow.model },
        periods: forecast.periods.map((period, k) => ({
          period,
          inflow: wire(inflow, forecast.levels, k),
          outflow: wire(outflow, forecast.levels, k),
          net: wire(forecast.net[fundType]!, forecast.levels, k),
        })),
      };
    }),
    total: forecast.periods.map((period, k) => ({
      period,
      inflow: wire(forecast.total.inflow, forecast.levels, k),
      outflow: wire(forecast.total.outflow, forecast.levels, k),
      net: wire(forecast.total.net, forecast.levels, k),
    })),
    notes: forecast.notes.map((n) => n.message),
  };
}
