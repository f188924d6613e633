// The option type of the charts the app registers (charts/echarts.ts). Type-only: the pure option builders import it
// without loading echarts, so they run in unit tests as plain functions.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption>;

/** Accessibility every chart carries: a generated description for screen readers, and decal patterns beside colour. */
export const ARIA: ChartOption['aria'] = { enabled: true, decal: { show: true } };
