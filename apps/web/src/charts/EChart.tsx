// A small echarts wrapper (instead of echarts-for-react, which has open leak and re-render reports): one instance per
// element, resized by a ResizeObserver, disposed on unmount; a new option replaces the old one (notMerge), and a
// language change re-creates the instance with echarts' own locale (number and tooltip words).
import { useEffect, useRef } from 'react';
import type { Lang } from '../format/money';
import { echarts } from './echarts';
import type { ChartOption } from './option';

export interface EChartProps {
  readonly option: ChartOption;
  readonly lang: Lang;
  /** What the chart shows, for screen readers (echarts' aria adds the generated description). */
  readonly label: string;
  readonly height?: number;
  readonly testId?: string;
}

export function EChart({ option, lang, label, height = 360, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [lang]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, lang]);

  return <div ref={element} className="chart" role="figure" aria-label={label} data-testid={testId} style={{ height }} />;
}
