import { describe, expect, it } from 'vitest';
import fixture from './fixtures/replay.json';
import { replayRiskOption } from './replayChart';
import { riskByMonth } from './replayView';

// The hand-worked replay of replayView.test.ts: 2,000万 paid out on 1 March that the past plan had locked up.
const months = riskByMonth(fixture as unknown as Parameters<typeof riskByMonth>[0]);
const labels = { gap: '最大支付缺口', reserve: '储备缺口' };

describe('the replay’s risk chart', () => {
  it('draws each month’s largest payout gap and reserve shortfall in 万元, 0 where there is none', () => {
    const option = replayRiskOption(months, labels, 'zh');
    expect(option.xAxis).toMatchObject({ data: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'] });
    const series = option.series as { name: string; type: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.type])).toEqual([['最大支付缺口', 'bar'], ['储备缺口', 'bar']]);
    // 20,000,000 yuan = 2,000 万元; 19,725,000 = 1,972.5 万元 (the April deposit's 275,000 interest came back).
    expect(series[0]!.data).toEqual([0, 0, 2000, 1972.5, 1972.5, 1972.5]);
    expect(series[1]!.data).toEqual([0, 2000, 2000, 1972.5, 1972.5, 1972.5]);
    expect(option.yAxis).toMatchObject({ name: '万元', min: 0 });
    expect(option.aria).toMatchObject({ enabled: true });
  });

  it('draws millions of yuan in English', () => {
    const series = replayRiskOption(months, labels, 'en').series as { data: number[] }[];
    expect(series[0]!.data[2]).toBe(20);
    expect(replayRiskOption(months, labels, 'en').yAxis).toMatchObject({ name: 'CNY m' });
  });
});
