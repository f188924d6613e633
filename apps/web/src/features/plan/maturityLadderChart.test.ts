import { describe, expect, it } from 'vitest';
import { ladderSchema } from '../../api/overviewSchemas';
import { ladderKeys, maturingOption, maturityLadderOption } from './maturityLadderChart';

// Two month ends of a ladder as GET …/ladder sends it (yuan to the fen).
const ladder = ladderSchema.parse({
  runId: '1',
  months: [
    { month: '2026-01', outstanding: [{ product: 'govBond', termMonths: 36, amount: '30000000.00' }, { product: 'timeDeposit', termMonths: 12, amount: '50000000.00' }, { product: 'timeDeposit', termMonths: 3, amount: '12345678.91' }], maturing: [] },
    { month: '2026-02', outstanding: [{ product: 'timeDeposit', termMonths: 12, amount: '50000000.00' }, { product: 'govBond', termMonths: 36, amount: '30000000.00' }], maturing: [{ product: 'timeDeposit', termMonths: 3, amount: '12345678.91' }, { product: 'timeDeposit', termMonths: 6, amount: '0.09' }] },
  ],
});
type Bar = { name: string; data: number[]; stack: string };

describe('the maturity ladder', () => {
  it('stacks deposits before bonds, shorter terms first, one series per product and term held at some month end', () => {
    expect(ladderKeys(ladder.months, 'outstanding')).toEqual([{ product: 'timeDeposit', termMonths: 3 }, { product: 'timeDeposit', termMonths: 12 }, { product: 'govBond', termMonths: 36 }]);
  });

  it('draws each month end’s outstanding in 万元 in Chinese and millions in English, zero where the term is not held', () => {
    const zh = maturityLadderOption(ladder.months, (p, t) => `${p} ${t}`, 'zh');
    const series = zh.series as Bar[];
    expect(series.map((s) => s.name)).toEqual(['timeDeposit 3', 'timeDeposit 12', 'govBond 36']);
    expect(series[0]!.data).toEqual([1234.567891, 0]);
    expect(series[1]!.data).toEqual([5000, 5000]);
    expect(new Set(series.map((s) => s.stack))).toEqual(new Set(['outstanding']));
    expect((zh.yAxis as { name: string }).name).toBe('万元');
    const en = maturityLadderOption(ladder.months, (p, t) => `${p} ${t}`, 'en');
    expect((en.series as Bar[])[1]!.data).toEqual([50, 50]);
    expect((en.yAxis as { name: string }).name).toBe('CNY m');
    expect(zh.aria).toEqual({ enabled: true, decal: { show: true } });
  });

  it('adds what comes back each month by product, exactly in fen before the bar height is taken', () => {
    const option = maturingOption(ladder.months, (p) => p, 'zh');
    expect((option.series as Bar[]).map((s) => [s.name, s.data])).toEqual([['timeDeposit', [0, 1234.567900]]]);
  });
});
