import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankRows, holdingRows, policyFields, quoteRows } from './editorFields';
import { fieldKey, fieldText, valueAt } from './scenarioEdit';

// The sample fund as `npm start` loads it (examples/county-fund/scenario.json).
const sample: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', '..', 'examples', 'county-fund', 'scenario.json'), 'utf8'));

describe('the editable values of the sample scenario', () => {
  it('lists seven banks, ICBC first with 95.00 亿元 of local general deposits', () => {
    const banks = bankRows(sample);
    expect(banks).toHaveLength(7);
    expect(banks[0]!.id).toBe('icbc');
    expect(fieldText(banks[0]!.localGeneralDeposits.kind, valueAt(sample, banks[0]!.localGeneralDeposits.path))).toBe('95.00');
    expect(banks.find((b) => b.id === 'rural')!.status.path).toEqual(['banks', 6, 'status']);
  });

  it('lists ICBC’s quotes with the 3-month time deposit at 0.65%', () => {
    const q = quoteRows(sample, 0).find((r) => r.product === 'timeDeposit' && r.termMonths === 3)!;
    expect(fieldKey(q.annualRate.path)).toBe('banks.0.quotes.4.annualRate');
    expect(fieldText(q.annualRate.kind, valueAt(sample, q.annualRate.path))).toBe('0.65');
  });

  it('lists 62 holdings with their principal in 万元', () => {
    const h = holdingRows(sample);
    expect(h).toHaveLength(62);
    expect(h[0]!.id).toBe('h-ep2301-icbc');
    expect(fieldText(h[0]!.principal.kind, valueAt(sample, h[0]!.principal.path))).toBe('1,000.00');
  });

  it('offers the policy’s reserve in months, the three caps in % and the bank and term limits', () => {
    const p = policyFields(sample);
    expect(p.map((f) => f.name)).toEqual(['reserveMonths', 'trancheShare', 'bankLocalDepositShare', 'fundTimeDepositShare', 'minBanks', 'maxTermMonths']);
    expect(p.map((f) => fieldText(f.spec.kind, valueAt(sample, f.spec.path)))).toEqual(['2', '25.00', '20.00', '20.00', '5', '60']);
  });

  it('offers nothing for a body without those parts', () => {
    expect(bankRows({})).toEqual([]);
    expect(quoteRows({ banks: [] }, 0)).toEqual([]);
    expect(policyFields({})).toEqual([]);
  });
});
