// The Compare screen's charts (pure, tested beside this file): the interest difference as a waterfall, and every
// column's month-end liquid money overlaid with the reserve.
import type { CompareColumn } from '../../api/results';
import { ARIA, type ChartOption } from '../../charts/option';
import { chartNumber, fenOf, type Lang, tableUnit, yuanTextOf } from '../../format/money';
import { unitName } from '../plan/liquidityLadderChart';
import type { Waterfall } from './compareView';

const fmt = (lang: Lang) => (v: unknown) => (typeof v === 'number' ? `${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${unitName(lang)}` : String(v));

/**
 * A waterfall as stacked bars: an invisible base carries each step to where the previous one ended; rises in green
 * above, falls in red; the first and last bars are the two columns' interest received.
 * @example waterfallOption({ start: '100.00', steps: [{ key: 'a', amount: '20.00' }], end: '120.00' }, { start: 'base', end: 'other', step: (k) => k }, 'zh').xAxis.data //=> ['base', 'a', 'other']
 */
export function waterfallOption(w: Waterfall, labels: { start: string; end: string; step: (key: string) => string; up: string; down: string }, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const n = (fen: bigint) => chartNumber(yuanTextOf(fen), unit);
  const invisible: (number | null)[] = [null];
  const up: (number | null)[] = [null];
  const down: (number | null)[] = [null];
  let level = fenOf(w.start);
  for (const s of w.steps) {
    const d = fenOf(s.amount);
    const next = level + d;
    invisible.push(n(d >= 0n ? level : next));
    up.push(d >= 0n ? n(d) : null);
    down.push(d < 0n ? n(-d) : null);
    level = next;
  }
  invisible.push(null);
  up.push(null);
  down.push(null);
  const totals = [n(fenOf(w.start)), ...w.steps.map(() => null), n(fenOf(w.end))];
  return {
    aria: ARIA,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt(lang) },
    legend: { top: 0, data: [labels.up, labels.down] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [labels.start, ...w.steps.map((s) => labels.step(s.key)), labels.end], axisLabel: { interval: 0, rotate: w.steps.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', name: unitName(lang), scale: true },
    series: [
      { name: 'base', type: 'bar', stack: 'w', data: invisible, itemStyle: { color: 'transparent', decal: { symbol: 'none' } }, emphasis: { disabled: true }, tooltip: { show: false }, silent: true },
      { name: labels.up, type: 'bar', stack: 'w', data: up, itemStyle: { color: '#3a9d7a' } },
      { name: labels.down, type: 'bar', stack: 'w', data: down, itemStyle: { color: '#b84a4a' } },
      { name: `${labels.start} / ${labels.end}`, type: 'bar', stack: 'w', data: totals, itemStyle: { color: '#2f6db5' } },
    ],
  };
}

/**
 * Every column's month-end liquid money as a line, with the reserve dashed: one reserve line when all columns share it,
 * else one per column.
 * @example liquidityLinesOption([col1, col2], ['#3', '#5'], '储备下限', 'zh').series.length //=> 3
 */
export function liquidityLinesOption(columns: readonly CompareColumn[], names: readonly string[], reserveLabel: string, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const withLines = columns.map((c, i) => ({ name: names[i]!, months: c.ledger?.liquidity ?? [] })).filter((c) => c.months.length > 0);
  const months = withLines[0]?.months.map((m) => m.month) ?? [];
  const reserves = withLines.map((c) => c.months.map((m) => m.reserveRequired).join('|'));
  const shared = new Set(reserves).size <= 1;
  const colors = ['#1d2b3a', '#2f6db5', '#d9822b', '#7a9a3a'];
  return {
    aria: ARIA,
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: fmt(lang) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: unitName(lang) },
    series: [
      ...withLines.map((c, i) => ({ name: c.name, type: 'line' as const, data: c.months.map((m) => chartNumber(m.closingLiquid, unit)), symbol: 'circle', symbolSize: 4, lineStyle: { width: 2, color: colors[i % colors.length]! }, itemStyle: { color: colors[i % colors.length]! } })),
      ...(shared
        ? withLines.slice(0, 1).map((c) => ({ name: reserveLabel, type: 'line' as const, step: 'middle' as const, data: c.months.map((m) => chartNumber(m.reserveRequired, unit)), symbol: 'none', lineStyle: { width: 2, type: 'dashed' as const, color: '#c0392b' }, itemStyle: { color: '#c0392b' } }))
        : withLines.map((c, i) => ({ name: `${reserveLabel} ${c.name}`, type: 'line' as const, step: 'middle' as const, data: c.months.map((m) => chartNumber(m.reserveRequired, unit)), symbol: 'none', lineStyle: { width: 1, type: 'dashed' as const, color: colors[i % colors.length]! }, itemStyle: { color: colors[i % colors.length]! } }))),
    ],
  };
}
