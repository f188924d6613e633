import { describe, expect, it } from 'vitest';
import { sampleOptimize as result } from './fixtures/sampleOptimize';
import { capUseOption, usePercent } from './capUseChart';

const uses = result.evaluation!.kpis.bankCapUsage;
const labels = { caps: ['A', 'B', 'C'], warn: '预警 80%', alarm: '上限 100%' } as const;
const name = (id: string) => result.scenario.bankNames[id] ?? id;
type Bar = { name: string; data: (number | null)[]; markLine?: { data: { xAxis: number; name: string }[] } };

describe('each bank’s use of its caps', () => {
  it('puts one row per bank, the result’s first bank on top, by name', () => {
    const option = capUseOption(uses, name, labels);
    const banks = (option.yAxis as { data: string[] }).data;
    expect(banks.at(-1)).toBe('中国工商银行示例县支行');
    expect(banks[0]).toBe('示例县农村商业银行');
    expect(banks).toHaveLength(7);
  });

  it('draws caps A, B and C as percentages of each cap (rural: A 0%, B 0.8%, C 36.9%)', () => {
    const bars = capUseOption(uses, name, labels).series as Bar[];
    expect(bars.map((b) => b.name)).toEqual(['A', 'B', 'C']);
    expect(bars.map((b) => b.data[0])).toEqual([0, 0.8, 36.9]);
    expect(bars.map((b) => b.data.at(-1))).toEqual([100, 2.5, 100]);
  });

  it('draws the 80% warning and the 100% cap as lines', () => {
    const bars = capUseOption(uses, name, labels).series as Bar[];
    expect(bars[0]!.markLine!.data.map((d) => [d.xAxis, d.name])).toEqual([[80, '预警 80%'], [100, '上限 100%']]);
  });

  it('leaves no bar where a cap has no figure, and widens the axis past 100% when a bank is over', () => {
    const option = capUseOption([{ bankId: 'x', tranche: '1.234' }], (id) => id, labels);
    expect((option.series as Bar[]).map((b) => b.data[0])).toEqual([123.4, null, null]);
    expect((option.xAxis as { max: number }).max).toBe(130);
    expect(usePercent(undefined)).toBeNull();
  });
});
