// The web app names every run kind the application layer has (RunPanel, run lists): a new job kind without words fails here.
import { describe, expect, it } from 'vitest';
import { JOB_KINDS } from '@fundladder/app';
import { NAMES } from '../../apps/web/src/i18n/messages';

describe('the app’s name tables', () => {
  it('name every kind of run the application layer runs, in both languages (a run panel never shows a bare id)', () => {
    for (const lang of ['zh', 'en'] as const) expect(Object.keys(NAMES[lang].runKind).sort(), lang).toEqual([...JOB_KINDS].sort());
  });
});
