// The liquidity gap ladder as treasury and ALM tools draw it (docs/web.md §3): per
// month, the money coming in stacked above zero, the money going out stacked below, the month-end liquid money as a
// line (the opening balance plus the cumulative net flow: the cumulative gap), and the reserve floor it must stay above.
// A pure function of the ledger's months, tested beside it (actualbudget's monteCarloCashflowChart.ts pattern).
import type { LedgerMonth } from '../../api/results';
import { ARIA, type ChartOption } from '../../charts/option';
import { chartNumber, fenOf, type Lang, type MoneyUnit, tableUnit } from '../../format/money';

export interface LadderLabels {
  inflows: string;
  matured: string;
  interest: string;
  outflows: string;
  placed: string;
  liquid: string;
  reserve: string;
}

/** The chart's series, their order and colour: ins (blues, greens) above, outs (oranges, reds) below. */
const COLORS = { inflows: '#2f6db5', matured: '#3a9d7a', interest: '#8cc084', outflows: '#d9822b', placed: '#b84a4a', liquid: '#1d2b3a', reserve: '#c0392b' } as const;

/** The unit's name on the axis. */
export function unitName(lang: Lang): string {
  return lang === 'zh' ? '万元' : 'CNY m';
}

/**
 * The ladder's echarts option from the ledger's months.
 * @param months - the evaluation's monthly ledger (yuan as decimal strings)
 * @param labels - the series' names in the reader's language
 * @param lang - 'zh' draws 万元, 'en' millions of yuan
 * @returns an option with 5 stacked bar series (3 above zero, 2 below) and 2 lines (liquid money, reserve floor)
 * @example liquidityLadderOption([{ month: '2026-01', inflows: '112330236.00', outflows: '132242476.00', … }], labels, 'zh').series[3].data //=> [-13224.2476]
 */
export function liquidityLadderOption(months: readonly LedgerMonth[], labels: LadderLabels, lang: Lang): ChartOption {
  const unit: MoneyUnit = tableUnit(lang);
  const up = (pick: (m: LedgerMonth) => string) => months.map((m) => chartNumber(pick(m), unit));
  const down = (pick: (m: LedgerMonth) => string) => months.map((m) => -chartNumber(pick(m), unit));
  const bar = (key: keyof typeof COLORS, data: number[]) => ({ name: labels[key as keyof LadderLabels], type: 'bar' as const, stack: 'flows', data, itemStyle: { color: COLORS[key] }, emphasis: { focus: 'series' as const } });
  return {
    aria: ARIA,
    animation: false,
    color: Object.values(COLORS),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })} ${unitName(lang)}` : String(v)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', name: unitName(lang), axisLabel: { formatter: (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }) } },
    series: [
      bar('inflows', up((m) => m.inflows)),
      bar('matured', up((m) => m.matured)),
      bar('interest', up((m) => m.interestReceived)),
      bar('outflows', down((m) => m.outflows)),
      bar('placed', down((m) => m.placed)),
      { name: labels.liquid, type: 'line', data: up((m) => m.closingLiquid), symbol: 'circle', symbolSize: 4, lineStyle: { width: 2, color: COLORS.liquid }, itemStyle: { color: COLORS.liquid }, z: 5 },
      { name: labels.reserve, type: 'line', step: 'middle', data: up((m) => m.reserveRequired), symbol: 'none', lineStyle: { width: 2, type: 'dashed', color: COLORS.reserve }, itemStyle: { color: COLORS.reserve }, z: 4 },
    ],
  };
}

/**
 * The months in which the liquid money closes below the reserve floor (compared exactly, in fen), for the text beside
 * the chart: a reader who cannot see the chart learns the same.
 * @example monthsBelowReserve([{ month: '2026-03', closingLiquid: '90.00', reserveRequired: '100.00', … }]) //=> ['2026-03']
 */
export function monthsBelowReserve(months: readonly LedgerMonth[]): string[] {
  return months.filter((m) => fenOf(m.closingLiquid) < fenOf(m.reserveRequired)).map((m) => m.month);
}
