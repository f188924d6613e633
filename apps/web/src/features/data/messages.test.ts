import { describe, expect, it } from 'vitest';
import { dataEn, dataZh } from './messages';

describe('the Data screen’s words', () => {
  it('has every Chinese key in English too, with the same tables', () => {
    expect(Object.keys(dataEn).sort()).toEqual(Object.keys(dataZh).sort());
    for (const key of ['importPart', 'unitName', 'bankStatus', 'policyName'] as const) expect(Object.keys(dataEn[key]).sort()).toEqual(Object.keys(dataZh[key]).sort());
  });

  it('words each field problem in both languages, the places allowed included', () => {
    expect(dataZh.fieldProblem({ problem: 'tooPrecise', maxPlaces: 6 })).toBe('最多 6 位小数（金额精确到分）');
    expect(dataEn.fieldProblem({ problem: 'outOfRange', min: 0, max: 36 })).toBe('from 0 to 36');
  });
});
