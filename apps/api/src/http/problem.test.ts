import { describe, expect, it } from 'vitest';
import { worded } from './problem';

describe('worded: an API issue carries its sentence in Chinese and English (the CLI catalogue)', () => {
  it('words a rule the catalogue knows in both languages, keeping the facts', () => {
    const issue = { code: 'too_big', path: ['policy', 'reserveMonths'], rule: 'maximum', message: 'at most 24', received: '30', limit: '24' };
    const w = worded(issue);
    expect(w).toMatchObject(issue);
    expect(w.text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(w.text.en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(w.text.zh).toContain('30');
    expect(w.text.en).toContain('30');
  });
});
