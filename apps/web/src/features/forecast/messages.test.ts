import { describe, expect, it } from 'vitest';
import { forecastEn, forecastZh } from './messages';

describe('the Forecast screen’s words', () => {
  it('has every Chinese key in English too', () => {
    expect(Object.keys(forecastEn).sort()).toEqual(Object.keys(forecastZh).sort());
    expect(Object.keys(forecastEn.fcSideName).sort()).toEqual(Object.keys(forecastZh.fcSideName).sort());
  });

  it('puts the pooled counts into the trust sentence in both languages', () => {
    expect(forecastZh.btTrustBands(840, 896, '93.8%', '84.5%')).toBe('95% 区间覆盖了 896 个回测实际值中的 840 个（93.8%），80% 区间覆盖了 84.5%。');
    expect(forecastEn.btColMape(1)).toBe('MAPE (1 month ahead)');
  });
});
