import { validateScenario } from '@fundladder/core';
import { describe, expect, it } from 'vitest';
import sampleScenario from '../../../examples/county-fund/scenario.json' with { type: 'json' };
import { pathFloats } from '@fundladder/optimizer';
import { forecastFlowPaths, forecastFlowPathsWithInfo, forecastPathFloats } from './paths';

describe('forecastFlowPathsWithInfo', () => {
  it('gives the same flow paths as forecastFlowPaths for the same seed, plus how many differ (the sample: all of them)', () => {
    const scenario = validateScenario(sampleScenario);
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
    const withInfo = forecastFlowPathsWithInfo(scenario.value, { paths: 30, seed: 4 });
    const plain = forecastFlowPaths(scenario.value, { paths: 30, seed: 4 });
    if (!withInfo.ok || !plain.ok) throw new Error('no paths');
    expect(withInfo.value.distinctPaths).toBe(30);
    expect(withInfo.value.paths).toEqual(plain.value);
    expect(plain.value[0]).toHaveLength(scenario.value.horizonMonths * scenario.value.fundTypes.length);
    expect(plain.value[0]![0]!.month).toBe(scenario.value.startMonth);
  });
});

describe('forecastPathFloats', () => {
  it('gives the same paths as forecastFlowPaths for the same seed, as 万元 floats (the optimizer’s planning paths)', () => {
    const scenario = validateScenario(sampleScenario);
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
    const floats = forecastPathFloats(scenario.value, { paths: 12, seed: 9 });
    const flows = forecastFlowPaths(scenario.value, { paths: 12, seed: 9 });
    if (!floats.ok || !flows.ok) throw new Error('no paths');
    floats.value.forEach((path, p) => {
      const expected = pathFloats(scenario.value, flows.value[p]!);
      // Within a fen (0.000001 万元): both round the same simulated yuan to the fen, by different routes.
      for (const ft of scenario.value.fundTypes) {
        for (const side of ['inflow', 'outflow'] as const) {
          const got = path[side].get(ft)!;
          const want = expected[side].get(ft)!;
          for (let t = 0; t < want.length; t++) expect(Math.abs(got[t]! - want[t]!)).toBeLessThanOrEqual(1.0001e-6);
        }
      }
    });
  });
});
