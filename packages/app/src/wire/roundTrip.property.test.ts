// Property: a job's result survives encode → JSON text → decode unchanged, and its wire form survives structuredClone
// (docs/app.md §2: results are stored, sent between threads and diffed as plain JSON). Seeded by test/setup in
// `npm test`; FL_PROPERTY_RUNS sets the number of cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BANK_IDS, tinyScenario } from '@fundladder/core/testing';
import { evaluateResult, runEvaluate } from '../jobs/evaluate';

const RUNS = Math.min(200, Number(process.env.FL_PROPERTY_RUNS ?? 60));

const placement = fc.record({
  month: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04'),
  product: fc.constantFrom('timeDeposit', 'largeCd', 'callDeposit7d', 'agreedDeposit', 'govBond'),
  termMonths: fc.constantFrom(3, 6, 12, 24),
  bankId: fc.constantFrom(...BANK_IDS),
  fundType: fc.constantFrom('employeePension', 'workInjury'),
  fen: fc.bigInt({ min: 1n, max: 10_000_000_000n }),
});

describe('wire codec (property)', () => {
  it('decode(JSON(encode(result))) equals the result, for evaluations of random plans (rule breaks included)', async () => {
    const scenario = tinyScenario();
    let evaluated = 0;
    let withBreaks = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(placement, { maxLength: 12 }), async (raw) => {
        const plan = { schemaVersion: 1, name: 'random', placements: raw.map(({ fen, product, bankId, ...p }) => ({ ...p, product, ...(product === 'govBond' ? {} : { bankId }), ...(product === 'govBond' || product === 'agreedDeposit' ? { annualRate: '0.0150' } : {}), amount: (Number(fen) / 100).toFixed(2) })) };
        const r = await runEvaluate({ kind: 'evaluate', scenario, plan });
        if (!r.ok) return; // a plan the scenario refuses has no result to encode
        evaluated++;
        if (r.value.evaluation.issues.length) withBreaks++;
        const wire = evaluateResult.encode(r.value);
        const text = JSON.stringify(wire);
        expect(evaluateResult.decode(JSON.parse(text))).toEqual(r.value);
        expect(structuredClone(wire)).toEqual(wire);
        expect(JSON.stringify(evaluateResult.encode(evaluateResult.decode(JSON.parse(text))))).toBe(text);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: most random plans are evaluated, and some of them break rules.
    expect(evaluated).toBeGreaterThan(RUNS / 2);
    expect(withBreaks).toBeGreaterThan(0);
  });

  it('refuses money finer than the fen on the wire, naming the field', () => {
    const scenario = tinyScenario();
    return runEvaluate({ kind: 'evaluate', scenario, plan: { schemaVersion: 1, name: 'none', placements: [] } }).then((r) => {
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      const wire = evaluateResult.encode(r.value);
      const parsed = evaluateResult.safeDecode({ ...wire, evaluation: { ...wire.evaluation, interest: '12.345' } });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['evaluation', 'interest']);
    });
  });
});
