// The parameters a sweep varies (docs/sweep.md §1), checked against the scenario schema: each one applied to the sample
// (examples/county-fund/scenario.json) must come out of the strict schema at its own field with the value given.
import { describe, expect, it } from 'vitest';
import { readScenarioJson } from '../jobs/context';
import { SWEEP_PARAMETERS, applySweepPoint, sweepParameter } from './parameters';
import sampleJson from '../../../../examples/county-fund/scenario.json' with { type: 'json' };

const SAMPLE = sampleJson as unknown as Record<string, unknown>;

const scenarioWith = (values: Record<string, string>) => {
  const applied = applySweepPoint(SAMPLE, values);
  if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
  const read = readScenarioJson(applied.value);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return read.value.scenario;
};

describe('sweep parameters', () => {
  it('puts each parameter at its schema field (the strict schema refuses any other key)', () => {
    const s = scenarioWith({ reserveMonths: '4', confidence: '0.95', 'caps.trancheShare': '0.3', 'caps.bankLocalDepositShare': '0.15', 'caps.fundTimeDepositShare': '0.25', minQuoteRate: '0.018', maxTermMonths: '36', maxBondShare: '0.4' });
    expect(s.policy.reserve).toEqual({ rule: 'monthsOfPayouts', months: 4 });
    expect(s.policy.safety.confidence).toBe(0.95);
    expect(s.policy.caps.trancheShare.toString()).toBe('0.3');
    expect(s.policy.caps.bankLocalDepositShare.toString()).toBe('0.15');
    expect(s.policy.caps.fundTimeDepositShare.toString()).toBe('0.25');
    expect(s.policy.minQuoteRate?.toString()).toBe('0.018');
    expect(s.policy.maxTermMonths).toBe(36);
    expect(s.policy.maxBondShare.toString()).toBe('0.4');
  });
  it('does not change the scenario it is given', () => {
    const before = JSON.stringify(SAMPLE);
    scenarioWith({ reserveMonths: '5', eligibleBanks: '2' });
    expect(JSON.stringify(SAMPLE)).toBe(before);
  });
  it('keeps the first N eligible banks in the scenario order and suspends the rest, saying why', () => {
    const eligible = (SAMPLE.banks as { id: string; status: string }[]).filter((b) => b.status === 'eligible').map((b) => b.id);
    const s = scenarioWith({ eligibleBanks: '2' });
    expect(s.banks.filter((b) => b.status === 'eligible').map((b) => b.id)).toEqual(eligible.slice(0, 2));
    const suspended = s.banks.filter((b) => eligible.slice(2).includes(b.id));
    expect(suspended.every((b) => b.status === 'suspended' && b.suspendedReason?.startsWith('sweep: eligibleBanks=2'))).toBe(true);
    expect(applySweepPoint(SAMPLE, { eligibleBanks: String(eligible.length + 1) })).toMatchObject({ ok: false, issues: [{ rule: 'sweepEligibleBanks', limit: String(eligible.length) }] });
    expect(applySweepPoint(SAMPLE, { eligibleBanks: '0' })).toMatchObject({ ok: false, issues: [{ rule: 'sweepEligibleBanks' }] });
  });
  it('accepts the short names and a policy. prefix, and lists every allowed name for an unknown one', () => {
    expect(sweepParameter('caps.fundShare')).toMatchObject({ ok: true, value: { name: 'caps.fundTimeDepositShare' } });
    expect(sweepParameter('policy.maxTermMonths')).toMatchObject({ ok: true, value: { name: 'maxTermMonths' } });
    const unknown = sweepParameter('reserve');
    expect(unknown.ok).toBe(false);
    const message = unknown.ok ? '' : unknown.issues[0]!.message;
    for (const p of SWEEP_PARAMETERS) expect(message).toContain(p.name);
    expect(unknown.ok ? undefined : unknown.issues[0]).toMatchObject({ path: ['--vary'], rule: 'sweepParameter', received: 'reserve' });
  });
  it('refuses a fractional month before the schema sees it, and leaves a share above 1 to the schema, which names the field', () => {
    expect(applySweepPoint(SAMPLE, { reserveMonths: '1.5' })).toMatchObject({ ok: false, issues: [{ rule: 'sweepValue', path: ['policy', 'reserve', 'months'], received: '1.5' }] });
    const applied = applySweepPoint(SAMPLE, { 'caps.fundShare': '1.5' });
    const read = applied.ok ? readScenarioJson(applied.value) : applied;
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.issues.map((i) => i.path.join('.'))).toContain('policy.caps.fundTimeDepositShare');
  });
});
