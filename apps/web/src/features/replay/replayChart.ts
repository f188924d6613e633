// The replay's risk chart (docs/audit.md §1, docs/web.md §11): per replayed month, the past plan's largest payout gap
// and its largest reserve shortfall as bars side by side — when the plan left the fund short, and how far. A pure
// function of the result, tested beside it (the Plan screen's liquidityLadderChart.ts pattern).
import { ARIA, type ChartOption } from '../../charts/option';
import { chartNumber, type Lang, tableUnit } from '../../format/money';
import { unitName } from '../plan/liquidityLadderChart';
import type { riskByMonth } from './replayView';

/** Red for money that was not there on a payout day, orange for a reserve below its floor (the ladder's colours). */
const COLORS = { gap: '#c0392b', reserve: '#d9822b' } as const;

/**
 * The chart's option from {@link riskByMonth}'s rows.
 * @param months - each replayed month's largest gap and reserve shortfall (yuan text, 0 where none)
 * @param labels - the two series' names in the reader's language
 * @param lang - 'zh' draws 万元, 'en' millions of yuan
 * @returns an option with two bar series over the months
 * @example replayRiskOption([{ month: '2025-03', largestGap: '20000000.00', reserveShort: '0.00' }], labels, 'zh').series[0].data //=> [2000]
 */
export function replayRiskOption(months: ReturnType<typeof riskByMonth>, labels: { gap: string; reserve: string }, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  return {
    aria: ARIA,
    animation: false,
    color: [COLORS.gap, COLORS.reserve],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v.toLocaleString(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 })} ${unitName(lang)}` : String(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', name: unitName(lang), min: 0, axisLabel: { formatter: (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 0 }) } },
    series: [
      { name: labels.gap, type: 'bar', data: months.map((m) => chartNumber(m.largestGap, unit)), itemStyle: { color: COLORS.gap } },
      { name: labels.reserve, type: 'bar', data: months.map((m) => chartNumber(m.reserveShort, unit)), itemStyle: { color: COLORS.reserve } },
    ],
  };
}
