import { describe, expect, it } from 'vitest';
import { localDateTime } from './dates';

describe('localDateTime', () => {
  it('shows an API timestamp in local time as YYYY-MM-DD HH:mm (the tests run under TZ=Asia/Shanghai unless TZ is set)', () => {
    const expected = process.env.TZ === 'UTC' ? '2026-01-05 02:03' : '2026-01-05 10:03';
    expect(localDateTime('2026-01-05T02:03:00Z')).toBe(expected);
  });
  it('shows a dash for nothing and the text itself for what is not a date', () => {
    expect(localDateTime(null)).toBe('—');
    expect(localDateTime('soon')).toBe('soon');
  });
});
