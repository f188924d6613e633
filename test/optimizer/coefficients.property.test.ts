// prepareLadderData computes a probe's coefficients once where they cannot depend on the placement day
// (model/data.ts, probeKey). Property: sharing changes no coefficient, on random county scenarios and the sample.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Scenario, validateScenario } from '@fundladder/core';
import { prepareLadderData } from '@fundladder/optimizer';
import { randomScenario } from './randomScenario';
import { ROOT } from '../cli/harness';

function same(s: Scenario): void {
  const shared = prepareLadderData(s);
  const fresh = prepareLadderData(s, s.flows, undefined, { reuseCoefficients: false });
  expect(shared.options.map((o) => o.id)).toEqual(fresh.options.map((o) => o.id));
  shared.options.forEach((o, i) => {
    expect(o.valuePerWan, o.id).toEqual(fresh.options[i]!.valuePerWan);
    expect(o.paidAtMaturityPerWan, o.id).toEqual(fresh.options[i]!.paidAtMaturityPerWan);
  });
}

describe('shared probe coefficients', () => {
  it('equal the coefficients computed for every placement day (100 random scenarios: both day bases, bonds with and without coupons)', () => {
    fc.assert(
      fc.property(randomScenario, (input) => {
        const s = validateScenario(input);
        if (!s.ok) throw new Error('generator made an invalid scenario');
        same(s.value);
      }),
      { numRuns: 100, seed: 20261123 },
    );
  });

  it('equal them on the sample county fund (36 months, 7 banks)', () => {
    const s = validateScenario(JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')));
    if (!s.ok) throw new Error('sample');
    same(s.value);
  });
});
