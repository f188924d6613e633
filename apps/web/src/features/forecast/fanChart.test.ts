import { describe, expect, it } from 'vitest';
import { checkedResult, forecastResult } from '../../api/results';
import type { YuanText } from '../../format/money';
import { fanChartOption, fanRows } from './fanChart';
import sample from './fixtures/sampleForecast.json';

// The first six months of the forecast of examples/county-fund/scenario.json (total and two fund types), wire form.
const result = checkedResult(forecastResult, sample, 'sampleForecast.json');
const labels = { median: '中位数', band80: '80% 区间', band95: '95% 区间', actual: '实际', unit: '万元' };
const actuals = new Map<string, YuanText>([
  ['2025-11', '-1000000.00' as YuanText],
  ['2025-12', '-2000000.00' as YuanText],
  ['2026-01', '-18000000.00' as YuanText],
]);

type Series = { name: string; stack?: string; stackStrategy?: string; data: (number | null)[] };

describe('the fan chart', () => {
  const option = fanChartOption(result.total, 'net', actuals, labels, 'zh');
  const series = option.series as Series[];

  it('puts the actual months before the forecast on the same axis', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('draws each band as its lower edge plus its width, stacked across zero (net flows are negative)', () => {
    // 2026-01 net: 95% band -33,678,105.20 … 6,148,086.66 yuan = -3,367.81052 … 614.808666 万元, a width of 3,982.619186
    const [lo95, width95, lo80, width80] = series;
    expect(lo95!.stack).toBe(width95!.stack);
    expect(lo95!.stackStrategy).toBe('all');
    expect(lo95!.data.slice(0, 3)).toEqual([null, null, -3367.81052]);
    expect(width95!.data[2]).toBeCloseTo(3982.619186, 6);
    expect(lo80!.data[2]).toBeCloseTo(-2628.520369, 6);
    expect(width80!.data[2]).toBeCloseTo(2730.198281, 6);
    expect(series.map((s) => s.name)).toEqual(['95-lo', '95% 区间', '80-lo', '80% 区间', '中位数', '实际']);
  });

  it('draws the median from the forecast and the actuals where known, nothing elsewhere', () => {
    expect(series[4]!.data.slice(0, 3)).toEqual([null, null, -1979.744443]);
    expect(series[5]!.data.slice(0, 4)).toEqual([-100, -200, -1800, null]);
  });

  it('turns on aria and decals, and in English draws millions', () => {
    expect(option.aria).toMatchObject({ enabled: true, decal: { show: true } });
    const en = fanChartOption(result.total, 'inflow', new Map(), { ...labels, unit: 'CNY m' }, 'en');
    expect((en.series as Series[])[4]!.data[0]).toBeCloseTo(111.1567701, 7);
  });

  it('lists the same figures as text rows, exact, for the table beside the chart', () => {
    const rows = fanRows(result.total, 'net', actuals, 'zh');
    expect(rows[0]).toEqual({ period: '2025-11', actual: '-100.00' });
    expect(rows[2]).toEqual({ period: '2026-01', median: '-1,979.74', band80: '-2,628.52 … 101.68', band95: '-3,367.81 … 614.81', actual: '-1,800.00' });
  });
});
