import { describe, expect, it } from 'vitest';
import { type IsoDate, validateScenario } from '@fundladder/core';
import { starterScenario } from './starterScenario';

describe('starterScenario', () => {
  it('validates, starts the month after asOf and has 24 months of history up to asOf and expected flows over the horizon, per fund type', () => {
    const s = starterScenario('2025-12-31' as IsoDate) as { startMonth: string; history: { month: string }[]; flows: { month: string }[] };
    const checked = validateScenario(s);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    expect(s.startMonth).toBe('2026-01');
    expect(s.history.length).toBe(48);
    expect([s.history[0]!.month, s.history.at(-1)!.month]).toEqual(['2024-01', '2025-12']);
    expect([s.flows.length, s.flows[0]!.month, s.flows.at(-1)!.month]).toEqual([48, '2026-01', '2027-12']);
  });
  it('quotes exact rates: a joint-stock bank 15 bp over the listed 1-year 0.95%', () => {
    const s = starterScenario('2026-06-30' as IsoDate) as { banks: { id: string; quotes: { product: string; termMonths?: number; annualRate: string }[] }[] };
    expect(s.banks.find((b) => b.id === 'cib')!.quotes.find((q) => q.termMonths === 12)!.annualRate).toBe('0.0110');
  });
});
