// The sweep's frontier chart (docs/sweep.md §3): each point with a plan at (plan-caused payout-gap probability, ledger
// interest) — risk across, reward up — the frontier's points marked and joined, least risk first; each point's
// parameters in its tooltip. A pure function, tested beside this file.
import type { SweepAnswer } from '../../api/sweepSchemas';
import { ARIA, type ChartOption } from '../../charts/option';
import { chartNumber, type Lang, moneyIn, percentOfProbability, tableUnit } from '../../format/money';
import type { SweepMessages } from './messages';

/** One dot: gap probability in percent, interest in the reader's unit, and what the tooltip says. */
interface Dot {
  readonly value: [number, number];
  readonly index: number;
  readonly tip: string;
}

/**
 * The chart's option. Points without a result (queued, running, failed) and points without a plan are left out; the
 * frontier series is empty until the API has computed it (every point finished).
 * @example frontierChartOption(answer, m, 'zh').series[0].data[0].value //=> [0, 4318.1345850]
 */
export function frontierChartOption(answer: Pick<SweepAnswer, 'sweep' | 'points' | 'frontier'>, m: SweepMessages, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const names = answer.sweep.parameters.map((p) => p.name);
  const dots: Dot[] = answer.points.flatMap((p) => {
    const r = p.result;
    if (!r || r.status !== 'optimal' || !r.interest || !r.risk) return [];
    const params = names.map((n) => `${m.parameterName[n] ?? n} = ${p.values[n] ?? ''}`).join('<br/>');
    const tip = `${params}<br/>${m.colGap}: ${percentOfProbability(r.risk.planCausedShortProbability)}<br/>${m.colInterest}: ${moneyIn(r.interest, unit)}`;
    return [{ value: [Math.round(r.risk.planCausedShortProbability * 1000) / 10, chartNumber(r.interest, unit)], index: p.index, tip }];
  });
  const byIndex = new Map(dots.map((d) => [d.index, d]));
  const front = (answer.frontier ?? []).flatMap((i) => (byIndex.has(i) ? [byIndex.get(i)!] : []));
  const formatter = (params: unknown) => {
    const data = (params as { data?: { tip?: string } }).data;
    return data?.tip ?? '';
  };
  return {
    aria: ARIA,
    animation: false,
    tooltip: { trigger: 'item', formatter },
    legend: { top: 0 },
    grid: { left: 72, right: 32, top: 56, bottom: 56 },
    xAxis: { type: 'value', name: `${m.chartGapAxis} (%)`, nameLocation: 'middle', nameGap: 28, min: 0, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'value', name: m.interestUnit, scale: true },
    series: [
      // Dots without a line: a line series on value axes, its line hidden (the app registers bar and line only).
      { name: m.chartPoints, type: 'line', data: dots, symbol: 'circle', symbolSize: 10, showSymbol: true, lineStyle: { width: 0, opacity: 0 }, itemStyle: { color: '#2f6db5' }, z: 2 },
      { name: m.chartFront, type: 'line', data: front, symbol: 'diamond', symbolSize: 16, showSymbol: true, lineStyle: { color: '#c0392b', width: 2 }, itemStyle: { color: '#c0392b' }, z: 3 },
    ],
  };
}
