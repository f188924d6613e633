// planSafely answers flows that do not cover the horizon with issues, never a throw: `optimize` on a scenario whose
// fund type had no history stopped with "stressTest: path 0 is not a complete flow path" and a stack trace.
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { planSafely } from './safePlan';

const scenario = scenarioSchema.parse(tinyScenario());
const safety = { confidence: 0, perFundType: true } as const;

describe('planSafely refuses incomplete flows with issues', () => {
  it('names the fund type whose planned flows miss months of the horizon', async () => {
    const gappy = { ...scenario, flows: scenario.flows.filter((f) => f.fundType !== 'workInjury') };
    const r = await planSafely(gappy, { planningPaths: [], checkPaths: [], safety, compareWithMeanPlan: false });
    expect(r.ok ? [] : r.issues.map((i) => [i.rule, i.fundType])).toEqual([['flowsCoverHorizon', 'workInjury']]);
  });

  it('names the first check path that leaves a fund type out (a forecast without that fund type’s history)', async () => {
    const complete = scenario.flows;
    const partial = scenario.flows.filter((f) => f.fundType !== 'workInjury');
    const r = await planSafely(scenario, { planningPaths: [], checkPaths: [complete, partial, partial], safety, compareWithMeanPlan: false });
    expect(r.ok ? [] : r.issues).toEqual([expect.objectContaining({ path: ['checkPaths', 1], rule: 'flowsCoverHorizon', message: expect.stringContaining('check path 1 is not a complete flow path: no flows for workInjury') })]);
  });
});
