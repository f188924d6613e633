// Charts as SVG text from echarts' server-side renderer: no DOM, no canvas, only the charts and components used.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { ZERO } from '@fundladder/core';
import type { ForecastPeriod } from '@fundladder/app';
import type { LedgerMonth } from './figures';
import { chartWan } from './format';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** The report's font stack, in the charts too (Debian: fonts-noto-cjk gives Noto Sans CJK SC). */
export const REPORT_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

/** A chart's size in CSS pixels: the width of A4's text block at 96 dpi. */
const WIDTH = 680;
const HEIGHT = 300;

function renderSvg(option: EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: REPORT_FONTS }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const axisWan = { type: 'value', name: '万元', axisLabel: { formatter: (v: number) => v.toLocaleString('en-US') } } as const;

/**
 * The forecast fan of the fund's total net flow (inflow − outflow, all fund types, joint scenarios): the mean, and
 * the bands as shaded areas (widest palest), 万元 by month.
 * @param periods - the forecast's `total` periods (yuan, Decimals)
 * @param levels - the band levels to shade, e.g. [80, 95]
 * @returns an `<svg>` element as text
 * @example forecastFanSvg(forecast.total, [80, 95]).startsWith('<svg') //=> true
 */
export function forecastFanSvg(periods: readonly ForecastPeriod[], levels: readonly number[]): string {
  const months = periods.map((p) => p.period);
  const wide = [...levels].sort((a, b) => b - a);
  const shades = ['#c6dbef', '#9ecae1', '#6baed6'];
  // Each band is drawn as a stack: its lower bound (invisible), then its width, shaded. `all` stacks negatives too.
  const bandSeries = wide.flatMap((level, i) => {
    const band = (p: ForecastPeriod) => p.net.bands.find((b) => b.level === level);
    return [
      { name: `lo${level}`, type: 'line', stack: `band${level}`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, data: periods.map((p) => chartWan(band(p)?.lo ?? p.net.mean)) },
      { name: `${level}% 区间`, type: 'line', stack: `band${level}`, stackStrategy: 'all', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: shades[i % shades.length], opacity: 0.9 }, itemStyle: { color: shades[i % shades.length] }, data: periods.map((p) => { const b = band(p); return chartWan(b ? b.hi.minus(b.lo) : ZERO); }) },
    ];
  });
  return renderSvg({
    title: { text: '资金净流量预测（合计，万元）', left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, data: [...wide.map((l) => `${l}% 区间`), '均值'] },
    grid: { left: 70, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: axisWan,
    series: [...bandSeries, { name: '均值', type: 'line', symbol: 'none', lineStyle: { color: '#08306b', width: 2 }, itemStyle: { color: '#08306b' }, data: periods.map((p) => chartWan(p.net.mean)) }],
  });
}

/**
 * The liquidity ladder from the exact ledger, 万元 by month: money coming back as deposits and bonds mature (bars),
 * the liquid money at month end (bars) and the reserve the policy requires (line). Liquid money under the line is a
 * reserve breach.
 * @param months - the ledger's months
 * @returns an `<svg>` element as text
 * @example liquidityLadderSvg(evaluation.months).includes('储备要求') //=> true
 */
export function liquidityLadderSvg(months: readonly LedgerMonth[]): string {
  return renderSvg({
    title: { text: '流动性阶梯（精确账本，万元）', left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, data: ['到期收回', '期末流动资金', '储备要求'] },
    grid: { left: 70, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: axisWan,
    series: [
      { name: '到期收回', type: 'bar', itemStyle: { color: '#74c476' }, data: months.map((m) => chartWan(m.matured)) },
      { name: '期末流动资金', type: 'bar', itemStyle: { color: '#6baed6' }, data: months.map((m) => chartWan(m.closingLiquid)) },
      { name: '储备要求', type: 'line', symbol: 'none', lineStyle: { color: '#cb181d', width: 2 }, itemStyle: { color: '#cb181d' }, data: months.map((m) => chartWan(m.reserveRequired)) },
    ],
  });
}
