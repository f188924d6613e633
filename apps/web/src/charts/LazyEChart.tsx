// The chart wrapper loaded on demand: echarts is most of the app's JavaScript (about 190 kB gzip), so a screen that
// imports this instead of EChart.tsx draws its text (the Plan's safety verdict and interest) as soon as its data is in,
// and each chart appears when echarts has arrived, in a box of the chart's own height (docs/web.md §7).
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

const Chart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

/** {@link EChart}, with echarts fetched the first time a chart is shown. */
export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div role="img" aria-label={props.label} aria-busy="true" style={{ height: props.height ?? 360 }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
