// A fund with no money at all (every balance and flow zero, nothing held) gets an empty plan, not an error: it used
// to fail with "the LP's interest −21311.11 and the ledger's 0.00 differ" (the LP's agreed-account constant).
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '@fundladder/core';
import sample from '../../../examples/county-fund/scenario.json' with { type: 'json' };
import { optimize } from './optimize';

describe('optimize on an empty fund', () => {
  it('returns an optimal, empty plan earning 0.00, checked by the ledger', async () => {
    const json = structuredClone(sample) as { accounts: { openingBalance: string }[]; holdings: unknown[]; flows: { inflow: string; outflow: string }[] };
    for (const a of json.accounts) a.openingBalance = '0.00';
    json.holdings = [];
    for (const f of json.flows) {
      f.inflow = '0.00';
      f.outflow = '0.00';
    }
    const r = await optimize(scenarioSchema.parse(json));
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.plan.placements).toEqual([]);
    expect(r.ledgerInterest.toFixed(2)).toBe('0.00');
    expect(r.evaluation.report.issues).toEqual([]);
  });
});
