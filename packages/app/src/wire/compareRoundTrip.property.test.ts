// Property: a comparison survives encode → JSON text → decode unchanged, and its wire form survives structuredClone
// (docs/app.md §2), for random plans side by side (rule breaks, products missing on one side, banks by id). Seeded by
// test/setup in `npm test`; FL_PROPERTY_RUNS sets the number of cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BANK_IDS, tinyScenario } from '@fundladder/core/testing';
import { compareResult } from '../jobs/compareResult';
import { runCompare } from '../jobs/compare';

const RUNS = Math.min(100, Number(process.env.FL_PROPERTY_RUNS ?? 40));

const placement = fc.record({
  month: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04'),
  product: fc.constantFrom('timeDeposit', 'largeCd', 'callDeposit7d', 'agreedDeposit', 'govBond'),
  termMonths: fc.constantFrom(3, 6, 12, 24),
  bankId: fc.constantFrom(...BANK_IDS),
  fundType: fc.constantFrom('employeePension', 'workInjury'),
  fen: fc.bigInt({ min: 1n, max: 10_000_000_000n }),
});
const plan = fc.array(placement, { maxLength: 4 }).map((raw) => ({
  schemaVersion: 1,
  name: 'random',
  placements: raw.map(({ fen, product, bankId, ...p }) => ({ ...p, product, ...(product === 'govBond' ? {} : { bankId }), ...(product === 'govBond' || product === 'agreedDeposit' ? { annualRate: '0.0150' } : {}), amount: (Number(fen) / 100).toFixed(2) })),
}));

describe('wire codec of the compare result (property)', () => {
  it('decode(JSON(encode(result))) equals the result, for random plans compared (same names made unique)', async () => {
    const scenario = tinyScenario();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(plan, { minLength: 2, maxLength: 3 }), async (plans) => {
        const r = await runCompare({ kind: 'compare', scenarios: [scenario], columns: plans.map((p) => ({ scenario: 0, plan: { kind: 'given' as const, plan: p } })), options: { paths: 0 } });
        if (!r.ok) return; // a plan the scenario refuses has no comparison to encode
        compared++;
        expect(new Set(r.value.columns.map((c) => c.label)).size).toBe(plans.length);
        const wire = compareResult.encode(r.value);
        const text = JSON.stringify(wire);
        expect(compareResult.decode(JSON.parse(text))).toEqual(r.value);
        expect(structuredClone(wire)).toEqual(wire);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: many random sets of plans are compared (about half, measured).
    expect(compared).toBeGreaterThan(RUNS / 5);
  });
});
