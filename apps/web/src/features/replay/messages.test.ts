import { describe, expect, it } from 'vitest';
import { replayEn, replayZh } from './messages';
import { SIDES } from './replayView';

describe('the Replay screen’s words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(replayEn).sort()).toEqual(Object.keys(replayZh).sort());
    for (const [key, zh] of Object.entries(replayZh)) {
      const en = (replayEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
      if (typeof zh === 'object') expect(Object.keys(en as object).sort(), key).toEqual(Object.keys(zh).sort());
    }
  });

  it('names every plan, solve status, expectation and form problem the screen can show', () => {
    for (const t of [replayZh, replayEn]) {
      expect(Object.keys(t.side)).toEqual([...SIDES]);
      expect(Object.keys(t.status).sort()).toEqual(['elastic', 'error', 'infeasible', 'optimal']);
      expect(Object.keys(t.expected).sort()).toEqual(['budget', 'forecast']);
      expect(Object.keys(t.forgone).sort()).toEqual(['hindsight', 'rolling']);
      expect(Object.keys(t.formInvalid).sort()).toEqual(['noMonths', 'stepMonths']);
    }
  });

  it('says whether the interest earned came with payout gaps', () => {
    expect(replayZh.interestWithRisk(0)).toBe('（复盘期内无支付缺口）');
    expect(replayZh.interestWithRisk(6)).toBe('（其间有 6 天支付缺口，部分利息来自本应支付的钱）');
    expect(replayEn.interestWithRisk(6)).toContain('6 payout-gap days');
  });
});
