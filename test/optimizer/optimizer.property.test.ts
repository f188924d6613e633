// The ledger checks every plan (docs/optimizer.md §7): for random valid scenarios, the exact ledger finds no rule broken in the optimizer's plan.
// OPT_PROPERTY_RUNS cases (200 in `npm test`).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateScenario } from '@fundladder/core';
import { explainInfeasible, optimize } from '@fundladder/optimizer';
import { randomScenario } from './randomScenario';

const RUNS = Number(process.env.OPT_PROPERTY_RUNS ?? 200);

describe('optimizer ≡ ledger (property)', () => {
  it(`${RUNS} random scenarios: an optimal plan breaks no rule in the ledger and agrees with the LP; an infeasible one is explained`, async () => {
    let optimal = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(randomScenario, async (input) => {
        const s = validateScenario(input);
        if (!s.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(s.issues.slice(0, 2))}`);
        const r = await optimize(s.value);
        if (r.status === 'optimal') {
          optimal++;
          expect(r.evaluation.report.issues).toEqual([]);
          expect(r.verification?.ok).toBe(true);
          return;
        }
        if (r.status === 'infeasible') {
          infeasible++;
          const why = await explainInfeasible(s.value);
          expect(why.shortfalls.length).toBeGreaterThan(0);
          return;
        }
        throw new Error(`optimizer error: ${JSON.stringify(r.issues.slice(0, 3))}`);
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    // Both kinds must occur, or the property tests less than it says.
    expect(optimal).toBeGreaterThan(RUNS / 4);
    expect(infeasible + optimal).toBe(RUNS);
  }, 600_000);
});
