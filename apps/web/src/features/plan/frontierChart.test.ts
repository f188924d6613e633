import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedResult, frontierPoint } from '../../api/results';
import { frontierOption, frontierRows } from './frontierChart';

// Frontier points in the optimize result's wire form (packages/app/src/jobs/optimizeResult.ts `frontierPoint`).
const points = checkedResult(z.array(frontierPoint), [
  { confidence: 0.99, status: 'optimal', interest: '31000000.00', planCausedShortProbability: 0.004 },
  { confidence: 0.9, status: 'optimal', interest: '33500000.00', planCausedShortProbability: 0.06 },
  { confidence: 0.995, status: 'tooFewPaths', pathsNeeded: 2000 },
], 'frontier');
const labels = { interest: '利息', gap: '计划造成缺口的概率', confidence: '置信度' };
type Series = { name: string; data: (number | null)[]; yAxisIndex?: number };

describe('the confidence–interest frontier', () => {
  it('orders the confidences, bars the ledger interest and lines the plan-caused gap, with no bar where there is no plan', () => {
    const option = frontierOption(points, labels, 'zh');
    expect((option.xAxis as { data: string[] }).data).toEqual(['90.0%', '99.0%', '99.5%']);
    const [interest, gap] = option.series as Series[];
    expect(interest!.data).toEqual([3350, 3100, null]);
    expect(gap!.data).toEqual([6, 0.4, null]);
    expect(gap!.yAxisIndex).toBe(1);
  });

  it('draws millions in English', () => {
    expect((frontierOption(points, labels, 'en').series as Series[])[0]!.data).toEqual([33.5, 31, null]);
  });

  it('gives the same figures as table rows, risk before reward, and says why a confidence has no plan', () => {
    const words = { infeasible: '无可行计划', tooFewPaths: (n: number | undefined) => `情景不足（需 ${n} 条）`, error: '出错' };
    expect(frontierRows(points, 'zh', words)).toEqual([
      ['90.0%', '6.0%', '3,350.00'],
      ['99.0%', '0.4%', '3,100.00'],
      ['99.5%', '—', '情景不足（需 2000 条）'],
    ]);
    expect(frontierRows(points, 'en', words)[0]).toEqual(['90.0%', '6.0%', '33.50']);
  });
});
