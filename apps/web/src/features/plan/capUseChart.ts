// Each bank's use of each cap against the cap line (docs/web.md §3; treasury tools show per-bank balances with
// headroom against limits, warnings at thresholds): one row per bank, one bar per cap (A, B, C), a warning line at 80% and the cap at 100%.
// A pure function of the result's `bankCapUsage`, tested beside it.
import type { CapUse } from '../../api/results';
import { ARIA, type ChartOption } from '../../charts/option';
import { CAP_ALARM, CAP_WARN, CAPS } from './planView';

export interface CapLabels {
  /** The caps by rule, in the order of {@link CAPS}. */
  caps: readonly [string, string, string];
  warn: string;
  alarm: string;
}

const CAP_COLORS = ['#4a7bb7', '#7a9a3a', '#8a63a8'] as const;

/**
 * A use as a percentage for the bar's length (display only: the alerts compare the exact fractions).
 * @example usePercent('0.369150664112758967728591660015751') //=> 36.9
 */
export function usePercent(fraction: string | undefined): number | null {
  if (fraction === undefined) return null;
  return Math.round(Number(fraction) * 1000) / 10;
}

/**
 * The cap-use chart's echarts option: banks down the side (first bank on top), use in % along, the 80% warning and
 * the 100% cap as lines. A bank without a figure for a cap (no room defined) has no bar for it.
 * @param uses - the result's bank cap usage (fractions of each cap, 1 = at the cap)
 * @param bankName - a bank's name from its id
 * @example capUseOption([{ bankId: 'icbc', tranche: '1' }], () => '工商银行', labels).series[0].data //=> [100]
 */
export function capUseOption(uses: readonly CapUse[], bankName: (id: string) => string, labels: CapLabels): ChartOption {
  const banks = [...uses].reverse();
  const largest = Math.max(100, ...uses.flatMap((u) => CAPS.map((c) => usePercent(u[c.key]) ?? 0)));
  return {
    aria: ARIA,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
    legend: { top: 0 },
    grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: Math.ceil(largest / 10) * 10, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: banks.map((u) => bankName(u.bankId)) },
    series: CAPS.map((cap, i) => ({
      name: labels.caps[i]!,
      type: 'bar' as const,
      data: banks.map((u) => usePercent(u[cap.key])),
      itemStyle: { color: CAP_COLORS[i]! },
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              data: [
                { xAxis: CAP_WARN * 100, name: labels.warn, lineStyle: { color: '#d9822b', type: 'dashed' as const, width: 2 }, label: { formatter: labels.warn, position: 'end' as const } },
                { xAxis: CAP_ALARM * 100, name: labels.alarm, lineStyle: { color: '#c0392b', type: 'solid' as const, width: 2 }, label: { formatter: labels.alarm, position: 'end' as const } },
              ],
            },
          }
        : {}),
    })),
  };
}
