// The confidence–interest frontier (docs/optimizer.md §16): for each confidence the optimizer was asked to plan at,
// the ledger's interest of its plan and the plan-caused gap probability on the check paths. Drawn only when the run
// was made with `options.frontier` (the result then carries it); a pure function, tested beside this file.
import type { FrontierPoint } from '../../api/results';
import { ARIA, type ChartOption } from '../../charts/option';
import { chartNumber, type Lang, moneyIn, percentOfProbability, tableUnit } from '../../format/money';
import { unitName } from './liquidityLadderChart';

export interface FrontierLabels {
  interest: string;
  gap: string;
  confidence: string;
}

/**
 * The frontier's option: confidence along, the interest as bars on the left axis (万元 or millions), the plan-caused gap
 * probability as a line on the right axis (%). A point without a plan (infeasible, too few paths) has no bar.
 * @example frontierOption([{ confidence: 0.9, status: 'optimal', interest: '1000000.00', planCausedShortProbability: 0.05 }], labels, 'zh').series[0].data //=> [100]
 */
export function frontierOption(points: readonly FrontierPoint[], labels: FrontierLabels, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const sorted = [...points].sort((a, b) => a.confidence - b.confidence);
  return {
    aria: ARIA,
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', name: labels.confidence, data: sorted.map((p) => percentOfProbability(p.confidence)) },
    yAxis: [
      { type: 'value', name: unitName(lang) },
      { type: 'value', name: '%', min: 0, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: labels.interest, type: 'bar', data: sorted.map((p) => (p.status === 'optimal' && p.interest ? chartNumber(p.interest, unit) : null)), itemStyle: { color: '#2f6db5' }, tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${unitName(lang)}` : '—') } },
      { name: labels.gap, type: 'line', yAxisIndex: 1, data: sorted.map((p) => (p.planCausedShortProbability === undefined ? null : Math.round(p.planCausedShortProbability * 1000) / 10)), itemStyle: { color: '#c0392b' }, lineStyle: { color: '#c0392b' }, tooltip: { valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') } },
    ],
  };
}

/** Why a frontier point has no plan, in the reader's words. */
export interface FrontierStatusWords {
  infeasible: string;
  tooFewPaths: (pathsNeeded: number | undefined) => string;
  error: string;
}

/**
 * The frontier as table rows beside the chart (the chart's figures for readers who cannot see it, and to copy): by
 * confidence, risk before reward — the plan-caused gap probability, then the ledger interest in the table unit (万元 or
 * millions), or why that confidence has no plan.
 * @example frontierRows([{ confidence: 0.9, status: 'optimal', interest: '33500000.00', planCausedShortProbability: 0.06 }], 'zh', words)
 * //=> [['90.0%', '6.0%', '3,350.00']]
 */
export function frontierRows(points: readonly FrontierPoint[], lang: Lang, words: FrontierStatusWords): string[][] {
  return [...points]
    .sort((a, b) => a.confidence - b.confidence)
    .map((p) => [
      percentOfProbability(p.confidence),
      p.planCausedShortProbability === undefined ? '—' : percentOfProbability(p.planCausedShortProbability),
      p.status === 'optimal' && p.interest ? moneyIn(p.interest, tableUnit(lang)) : p.status === 'tooFewPaths' ? words.tooFewPaths(p.pathsNeeded) : p.status === 'infeasible' ? words.infeasible : words.error,
    ]);
}
