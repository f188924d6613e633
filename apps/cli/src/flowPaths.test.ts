import { validateScenario } from '@fundladder/core';
import { describe, expect, it } from 'vitest';
import sampleScenario from '../../../examples/county-fund/scenario.json';
import { forecastFlowPaths, forecastFlowPathsWithInfo } from './flowPaths';

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
