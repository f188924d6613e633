// The compare screen's chart options drawn by echarts itself (its server-side SVG renderer, with the app's registered
// parts and the aria decals on), so that an option echarts cannot draw fails here rather than in a user's browser: a
// `decal: 'none'` on the waterfall's invisible base once crashed the screen ("Cannot create property 'dirty' on string").
import { describe, expect, it } from 'vitest';
import { echarts } from '../../charts/echarts';
import type { YuanText } from '../../format/money';
import type { ChartOption } from '../../charts/option';
import { waterfallOption } from './compareCharts';

const y = (s: string) => s as YuanText;

function draw(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

describe('the compare waterfall as echarts draws it', () => {
  const labels = { start: '基准', end: '方案', step: (k: string) => k, up: '增加', down: '减少' };

  it('draws the steps, up and down, with decals on and nothing patterned under them', () => {
    const w = { start: y('1000000.00'), steps: [{ key: 'timeDeposit', amount: y('250000.00') }, { key: 'callDeposit7d', amount: y('-40000.00') }], end: y('1210000.00') };
    const svg = draw(waterfallOption(w, labels, 'zh'));
    expect(svg).toContain('<svg');
    expect(svg).toContain('timeDeposit');
  });

  it('draws a comparison with no step at all', () => {
    const w = { start: y('1000000.00'), steps: [], end: y('1000000.00') };
    expect(draw(waterfallOption(w, labels, 'en'))).toContain('<svg');
  });
});
