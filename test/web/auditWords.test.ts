// The interest audit screen words a result as the CLI and the report do: its rule names and notes are the application
// layer's catalogue's (packages/app/src/messages/issues.ts ruleName, messages/audit.ts auditNoteText), checked here
// where both can be loaded (the web bundle may not load the catalogue's sentences: test/web/wire.test.ts).
import { describe, expect, it } from 'vitest';
import { auditInterestResult, auditNoteText, ruleName } from '@fundladder/app';
import fixture from '../../apps/web/src/features/audit/fixtures/audit.json';
import { noteText } from '../../apps/web/src/features/audit/auditView';
import { auditEn, auditZh } from '../../apps/web/src/features/audit/messages';

type WireNote = Parameters<typeof noteText>[0];

/** One note of every kind, as the wire carries them. */
const NOTES: WireNote[] = [
  { kind: 'statedRateDiffers', statedRate: '0.0035', contractRate: '0.0030' },
  { kind: 'bankArithmetic', statedInterest: '281111.11', interestPaid: '278055.56' },
  { kind: 'balanceDaysDiffer', printed: '9100000000', fromBalance: '9200000000', used: 'printed' },
  { kind: 'balanceDaysDiffer', printed: '9100000000', fromBalance: '9200000000', used: 'fromBalance' },
  { kind: 'contractBelowStatutory', contractRate: '0.0065', statutoryRate: '0.011', rule: 'pensionDemandAtThreeMonth' },
  { kind: 'unconfirmedRuleAbove', rule: 'agencyAccountsThreeMonthBenchmark', annualRate: '0.011', interest: '1234567.80' },
];

describe('the interest audit screen’s words', () => {
  it('name every rule as the catalogue does, in both languages', () => {
    for (const [lang, t] of [['zh', auditZh], ['en', auditEn]] as const) {
      for (const [rule, text] of Object.entries(t.ruleName)) expect(text, `${lang} ${rule}`).toBe(ruleName(rule, lang));
    }
  });

  it('word every kind of note as the CLI prints it, and the fixture’s notes too', () => {
    const decode = (n: WireNote) => auditInterestResult.shape.lines.element.shape.notes.element.decode(n as never);
    const fixtureNotes = (fixture as { lines: { notes: WireNote[] }[] }).lines.flatMap((l) => l.notes);
    for (const [lang, t] of [['zh', auditZh], ['en', auditEn]] as const) {
      for (const n of [...NOTES, ...fixtureNotes]) expect(noteText(n, t), `${lang} ${n.kind}`).toBe(auditNoteText(decode(n), lang));
    }
  });
});
