// The forecast as a fan chart (docs/web.md §3): the median line, the 80% and 95% bands as shaded areas (each a stacked
// pair of series: the band's lower edge, drawn invisible, then its width), and the actual flows where they are known
// (the history the models were fitted to, and months recorded since). A pure function of the API's forecast, tested
// beside it; money as chart numbers (display only) in 万元 in Chinese, millions in English.
import type { ForecastPeriod } from '../../api/results';
import { ARIA, type ChartOption } from '../../charts/option';
import { chartNumber, type Lang, type YuanText, moneyIn, tableUnit } from '../../format/money';
import type { Side } from './actualFlows';

export interface FanLabels {
  readonly median: string;
  readonly band80: string;
  readonly band95: string;
  readonly actual: string;
  readonly unit: string;
}

/** A band's edges at one period, or undefined when the forecast has no band of that level. */
function bandOf(p: ForecastPeriod, side: Side, level: number): { lo: string; hi: string } | undefined {
  const b = p[side].bands.find((x) => x.level === level);
  return b ? { lo: b.lo, hi: b.hi } : undefined;
}

/** One row of the fan, as text (for the table beside the chart and its tooltip). */
export interface FanRow {
  readonly period: string;
  readonly median?: string;
  readonly band80?: string;
  readonly band95?: string;
  readonly actual?: string;
}

/**
 * The fan as rows of text in the reader's unit: the actual months before the forecast, then each forecast period with
 * its median and bands (and its actual, where recorded).
 * @example fanRows(periods, 'net', new Map(), 'zh')[0] //=> { period: '2026-01', median: '-1,979.74', band80: '-2,628.52 … 101.68', band95: '…' }
 */
export function fanRows(periods: readonly ForecastPeriod[], side: Side, actuals: ReadonlyMap<string, YuanText>, lang: Lang): FanRow[] {
  const unit = tableUnit(lang);
  const range = (b: { lo: string; hi: string } | undefined) => (b ? `${moneyIn(b.lo, unit)} … ${moneyIn(b.hi, unit)}` : undefined);
  const first = periods[0]?.period;
  const before = [...actuals].filter(([month]) => first === undefined || month < first).map(([period, v]) => ({ period, actual: moneyIn(v, unit) }));
  return [
    ...before,
    ...periods.map((p) => {
      const actual = actuals.get(p.period);
      const b80 = range(bandOf(p, side, 80));
      const b95 = range(bandOf(p, side, 95));
      return { period: p.period, median: moneyIn(p[side].mean, unit), ...(b80 ? { band80: b80 } : {}), ...(b95 ? { band95: b95 } : {}), ...(actual ? { actual: moneyIn(actual, unit) } : {}) };
    }),
  ];
}

const COLORS = { band95: '#c9dcf0', band80: '#8fb5de', median: '#1f4e79', actual: '#d9822b' } as const;

/**
 * The fan chart's echarts option.
 * @param periods - the forecast's periods of one fund type (or the total)
 * @param side - inflow, outflow or net
 * @param actuals - actual values by month (history and recorded), yuan text; those before the first period are drawn
 *   too, so the reader sees the forecast continue the past
 * @param labels - series names and the unit's name
 * @param lang - 'zh' draws 万元, 'en' millions of yuan
 * @returns the x axis (months) and six series: 95% lower edge and width, 80% lower edge and width, median, actual
 */
export function fanChartOption(periods: readonly ForecastPeriod[], side: Side, actuals: ReadonlyMap<string, YuanText>, labels: FanLabels, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const first = periods[0]?.period;
  const past = [...actuals.keys()].filter((m) => first === undefined || m < first);
  const months = [...past, ...periods.map((p) => p.period)];
  const pad = <T>(values: T[]): (T | null)[] => [...past.map(() => null), ...values];
  const num = (y: string) => chartNumber(y, unit);
  const lo = (level: number) => pad(periods.map((p) => { const b = bandOf(p, side, level); return b ? num(b.lo) : null; }));
  const width = (level: number) => pad(periods.map((p) => { const b = bandOf(p, side, level); return b ? num(b.hi) - num(b.lo) : null; }));
  const edge = (name: string, stack: string, data: (number | null)[]) => ({ name, type: 'line' as const, stack, stackStrategy: 'all' as const, data, symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { opacity: 0 }, tooltip: { show: false }, silent: true });
  const band = (name: string, stack: string, data: (number | null)[], color: string) => ({ name, type: 'line' as const, stack, stackStrategy: 'all' as const, data, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.9 }, itemStyle: { color }, tooltip: { show: false } });
  const rows = fanRows(periods, side, actuals, lang);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  return {
    aria: ARIA,
    animation: false,
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const month = String((list[0] as { axisValue?: unknown } | undefined)?.axisValue ?? '');
        const r = byPeriod.get(month);
        if (!r) return month;
        return [month, r.median && `${labels.median}: ${r.median}`, r.band80 && `${labels.band80}: ${r.band80}`, r.band95 && `${labels.band95}: ${r.band95}`, r.actual && `${labels.actual}: ${r.actual}`, labels.unit].filter(Boolean).join('<br/>');
      },
    },
    legend: { top: 0, data: [labels.median, labels.band80, labels.band95, labels.actual] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', name: labels.unit, scale: true, axisLabel: { formatter: (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 0 }) } },
    series: [
      edge('95-lo', 'band95', lo(95)),
      band(labels.band95, 'band95', width(95), COLORS.band95),
      edge('80-lo', 'band80', lo(80)),
      band(labels.band80, 'band80', width(80), COLORS.band80),
      { name: labels.median, type: 'line', data: pad(periods.map((p) => num(p[side].mean))), symbol: 'none', lineStyle: { width: 2, color: COLORS.median }, itemStyle: { color: COLORS.median }, z: 5 },
      { name: labels.actual, type: 'line', data: months.map((m) => { const a = actuals.get(m); return a ? num(a) : null; }), symbol: 'circle', symbolSize: 5, lineStyle: { width: 2, color: COLORS.actual }, itemStyle: { color: COLORS.actual }, connectNulls: false, z: 6 },
    ],
  };
}
