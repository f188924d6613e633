import { describe, expect, it } from 'vitest';
import type { Issue } from '../../api/schemas';
import { applyEdits, fieldText, issuesByField, readField } from './scenarioEdit';

// A cut of examples/county-fund/scenario.json (bank icbc, its 3-month time deposit quote, the policy).
const body = {
  banks: [{ id: 'icbc', localGeneralDeposits: '9500000000.00', status: 'eligible', quotes: [{ product: 'timeDeposit', termMonths: 3, annualRate: '0.0065', effectiveFrom: '2025-05-20' }] }],
  holdings: [{ id: 'h-1', principal: '10000000.00', annualRate: '0.0260' }],
  policy: { reserve: { rule: 'monthsOfPayouts', months: 2 }, caps: { trancheShare: '0.25' }, minBanks: 5 },
};

describe('fields of a scenario', () => {
  it('shows money in its unit with separators and every digit to the fen, rates as percentages', () => {
    expect(fieldText({ kind: 'money', unit: 'yi' }, '9500000000.00')).toBe('95.00');
    expect(fieldText({ kind: 'money', unit: 'wan' }, '10000000.00')).toBe('1,000.00');
    expect(fieldText({ kind: 'money', unit: 'wan' }, '12003470.05')).toBe('1,200.347005');
    expect(fieldText({ kind: 'percent' }, '0.0065')).toBe('0.65');
    expect(fieldText({ kind: 'int', min: 0, max: 36 }, 2)).toBe('2');
  });

  it('reads each kind of field or names why not', () => {
    expect(readField({ kind: 'int', min: 0, max: 36 }, '40')).toEqual({ ok: false, error: { problem: 'outOfRange', min: 0, max: 36 } });
    expect(readField({ kind: 'int', min: 0, max: 36 }, '2.5')).toEqual({ ok: false, error: { problem: 'notAnInteger' } });
    expect(readField({ kind: 'date' }, '2025-13-01')).toEqual({ ok: false, error: { problem: 'notADate' } });
    expect(readField({ kind: 'choice', options: ['eligible', 'suspended'] }, 'closed')).toEqual({ ok: false, error: { problem: 'notAChoice' } });
    expect(readField({ kind: 'money', unit: 'wan' }, '1,000.0000001')).toEqual({ ok: false, error: { problem: 'tooPrecise', maxPlaces: 6 } });
  });

  it('writes edits into a copy of the body, exactly, and leaves the version it came from alone', () => {
    const r = applyEdits(body, [
      { path: ['banks', 0, 'quotes', 0, 'annualRate'], kind: { kind: 'percent' }, text: '0.70' },
      { path: ['holdings', 0, 'principal'], kind: { kind: 'money', unit: 'wan' }, text: '1,234.56' },
      { path: ['policy', 'reserve', 'months'], kind: { kind: 'int', min: 0, max: 36 }, text: '2' },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changed).toBe(2);
    expect(r.body).toMatchObject({ banks: [{ quotes: [{ annualRate: '0.0070' }] }], holdings: [{ principal: '12345600.00' }], policy: { reserve: { months: 2 } } });
    expect(body.banks[0]!.quotes[0]!.annualRate).toBe('0.0065');
    expect(body.holdings[0]!.principal).toBe('10000000.00');
  });

  it('refuses to save when any edited text does not read, naming each field', () => {
    const r = applyEdits(body, [
      { path: ['banks', 0, 'localGeneralDeposits'], kind: { kind: 'money', unit: 'yi' }, text: '九十五' },
      { path: ['policy', 'minBanks'], kind: { kind: 'int', min: 0, max: 100 }, text: '6' },
    ]);
    expect(r).toEqual({ ok: false, errors: { 'banks.0.localGeneralDeposits': { problem: 'notANumber' } } });
  });

  it('lays the API’s issues on the field their path names (or that holds it), the rest apart', () => {
    const issue = (path: (string | number)[]): Issue => ({ code: 'x', path, message: 'm' });
    const rate = issue(['body', 'banks', 0, 'quotes', 0, 'annualRate']);
    const inside = issue(['body', 'policy', 'caps', 'trancheShare', 'x']);
    const other = issue(['body', 'flows', 3, 'inflow']);
    const r = issuesByField([rate, inside, other], ['banks.0.quotes.0.annualRate', 'policy.caps.trancheShare']);
    expect(r.byField).toEqual({ 'banks.0.quotes.0.annualRate': [rate], 'policy.caps.trancheShare': [inside] });
    expect(r.elsewhere).toEqual([other]);
  });
});
