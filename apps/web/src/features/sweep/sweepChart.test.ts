// The frontier chart's option, and echarts drawing it (its server-side SVG renderer with the app's registered parts):
// an option echarts cannot draw fails here, not in a reader's browser.
import { describe, expect, it } from 'vitest';
import { echarts } from '../../charts/echarts';
import type { ChartOption } from '../../charts/option';
import { sampleSweep } from './fixtures/sampleSweep';
import { sweepEn, sweepZh } from './messages';
import { frontierChartOption } from './sweepChart';

type Series = { name: string; data: { value: [number, number]; index: number; tip: string }[] };

function draw(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('the sweep’s frontier chart', () => {
  it('places each point with a plan at (gap %, interest 万元), leaves out the cancelled one, and joins the front least risk first', () => {
    const option = frontierChartOption(sampleSweep, sweepZh, 'zh');
    const [points, front] = option.series as Series[];
    expect(points!.data.map((d) => d.value)).toEqual([[40, 4318.134585], [20, 4290]]);
    expect(front!.data.map((d) => d.index)).toEqual([1, 0]);
    expect(option.aria).toMatchObject({ enabled: true });
  });

  it("says each point's parameters, risk and interest in its tooltip", () => {
    const [points] = frontierChartOption(sampleSweep, sweepZh, 'zh').series as Series[];
    expect(points!.data[0]!.tip).toBe('储备月数 = 1<br/>计划造成的支付缺口概率: 40.0%<br/>利息（万元）: 4,318.13');
    const option = frontierChartOption(sampleSweep, sweepEn, 'en');
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter({ data: (option.series as Series[])[0]!.data[1] })).toBe('Reserve months = 2<br/>Plan-caused payout-gap probability: 20.0%<br/>Interest (CNY m): 42.90');
  });

  it('has no front before the API computed it', () => {
    const [, front] = frontierChartOption({ ...sampleSweep, frontier: null }, sweepZh, 'zh').series as Series[];
    expect(front!.data).toEqual([]);
  });

  it('is drawn by echarts, with the front and with no point at all', () => {
    expect(draw(frontierChartOption(sampleSweep, sweepZh, 'zh'))).toContain('<svg');
    expect(draw(frontierChartOption({ ...sampleSweep, points: [], frontier: null }, sweepEn, 'en'))).toContain('<svg');
  });
});
