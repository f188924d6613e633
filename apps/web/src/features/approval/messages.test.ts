import { describe, expect, it } from 'vitest';
import { approvalEn, approvalZh } from './messages';

describe('the Approval screen’s words', () => {
  it('has the same keys, each of the same kind and arity, in Chinese and English', () => {
    expect(Object.keys(approvalEn).sort()).toEqual(Object.keys(approvalZh).sort());
    for (const [key, zh] of Object.entries(approvalZh)) {
      const en = (approvalEn as Record<string, unknown>)[key];
      expect(typeof en, key).toBe(typeof zh);
      if (typeof zh === 'function') expect((en as (...a: unknown[]) => unknown).length, key).toBe(zh.length);
    }
  });
});

describe('the decision names', () => {
  it('names every action and state in both languages', async () => {
    const { APPROVAL_NAMES } = await import('./messages');
    const { APPROVAL_STATES, DECISION_ACTIONS } = await import('../../api/approvalSchemas');
    for (const lang of ['zh', 'en'] as const) {
      expect(Object.keys(APPROVAL_NAMES[lang].action).sort()).toEqual([...DECISION_ACTIONS].sort());
      expect(Object.keys(APPROVAL_NAMES[lang].state).sort()).toEqual([...APPROVAL_STATES].sort());
    }
  });
});
