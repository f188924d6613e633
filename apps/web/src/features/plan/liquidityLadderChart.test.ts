import { describe, expect, it } from 'vitest';
import type { LedgerMonth } from '../../api/results';
import { sampleOptimize } from './fixtures/sampleOptimize';
import { liquidityLadderOption, monthsBelowReserve } from './liquidityLadderChart';

const months = sampleOptimize.evaluation!.months;
const labels = { inflows: '收入', matured: '到期', interest: '利息', outflows: '支出', placed: '存放', liquid: '流动资金', reserve: '储备' };
type Series = { name: string; type: string; stack?: string; data: (number | null)[]; lineStyle?: { type?: string } };
const seriesOf = (lang: 'zh' | 'en') => liquidityLadderOption(months, labels, lang).series as Series[];

describe('the liquidity gap ladder', () => {
  it('has one bucket per ledger month, in order', () => {
    const option = liquidityLadderOption(months, labels, 'zh');
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
  });

  it('stacks inflows, maturities and interest above zero and payouts and placements below, in 万元', () => {
    const s = seriesOf('zh');
    expect(s.map((x) => [x.name, x.type, x.stack])).toEqual([
      ['收入', 'bar', 'flows'], ['到期', 'bar', 'flows'], ['利息', 'bar', 'flows'], ['支出', 'bar', 'flows'], ['存放', 'bar', 'flows'], ['流动资金', 'line', undefined], ['储备', 'line', undefined],
    ]);
    // 2026-01: inflows 112,330,236.00, matured 60,000,000.00, outflows 132,242,476.00, placed 252,379,332.55 yuan
    expect(s[0]!.data[0]).toBeCloseTo(11233.0236, 9);
    expect(s[1]!.data[0]).toBeCloseTo(6000, 9);
    expect(s[3]!.data[0]).toBeCloseTo(-13224.2476, 9);
    expect(s[4]!.data[0]).toBeCloseTo(-25237.933255, 9);
    for (const i of [0, 1, 2]) expect(Math.min(...(s[i]!.data as number[]))).toBeGreaterThanOrEqual(0);
    for (const i of [3, 4]) expect(Math.max(...(s[i]!.data as number[]))).toBeLessThanOrEqual(0);
  });

  it('draws the month-end liquid money as the cumulative line and the reserve floor dashed', () => {
    const s = seriesOf('zh');
    // 2026-01 closing liquid 335,389,270.46 yuan; reserve 254,731,514.00 yuan
    expect(s[5]!.data[0]).toBeCloseTo(33538.927046, 9);
    expect(s[6]!.data[0]).toBeCloseTo(25473.1514, 9);
    expect(s[6]!.lineStyle?.type).toBe('dashed');
  });

  it('draws millions of yuan for English readers, with the unit on the axis', () => {
    const option = liquidityLadderOption(months, labels, 'en');
    expect((option.series as Series[])[0]!.data[0]).toBeCloseTo(112.330236, 9);
    expect((option.yAxis as { name: string }).name).toBe('CNY m');
    expect((liquidityLadderOption(months, labels, 'zh').yAxis as { name: string }).name).toBe('万元');
  });

  it('turns on echarts’ aria description and decals', () => {
    expect(liquidityLadderOption(months, labels, 'zh').aria).toEqual({ enabled: true, decal: { show: true } });
  });

  it('draws an empty ledger as an empty ladder, not an error', () => {
    expect((liquidityLadderOption([], labels, 'zh').series as Series[]).every((x) => x.data.length === 0)).toBe(true);
  });

  it('names the months whose liquid money closes below the floor, compared to the fen', () => {
    expect(monthsBelowReserve(months)).toEqual([]);
    const m = months[0]!;
    const at = (liquid: string): LedgerMonth => ({ ...m, closingLiquid: liquid as LedgerMonth['closingLiquid'], reserveRequired: '254731514.00' as LedgerMonth['reserveRequired'] });
    expect(monthsBelowReserve([at('254731513.99'), at('254731514.00'), at('-1.00')])).toEqual(['2026-01', '2026-01']);
  });
});
