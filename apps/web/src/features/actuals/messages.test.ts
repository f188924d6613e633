import { describe, expect, it } from 'vitest';
import { actualsEn, actualsZh } from './messages';

describe('the Actuals screen’s words', () => {
  it('has every Chinese key in English too', () => {
    expect(Object.keys(actualsEn).sort()).toEqual(Object.keys(actualsZh).sort());
    expect(Object.keys(actualsEn.gapBucket).sort()).toEqual(Object.keys(actualsZh.gapBucket).sort());
  });

  it('says what a batch recorded, corrections and unchanged rows included', () => {
    expect(actualsZh.actRecorded('2026-01', 8, 1, 0)).toBe('已录入 2026-01 的 8 行（其中 1 行更正了此前的数）。');
    expect(actualsEn.actRecorded('2026-01', 2, 0, 1)).toBe('Recorded 2 row(s) for 2026-01; 1 equal to the figures in force, not recorded again.');
  });
});
