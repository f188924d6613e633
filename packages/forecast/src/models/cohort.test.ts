import { describe, expect, it } from 'vitest';
import { cohortInputFromSeries, type CohortInput, projectCohort } from './cohort';

// Hand-worked example (来源: docs/domain.md §10.1, pension increases: raise back-dated to January, arrears paid as a lump in July).
// State: 1,000 contributors at an average base of 5,000 yuan, rate 16%, 98% collected; 500 retirees at 3,000 yuan.
// Each month: 10 entrants, 4 exits, 3 new retirees, 1 death. Base +5% each January; pension +2% from July.
const INPUT: CohortInput = {
  contributors: 1000,
  retirees: 500,
  avgContributionBase: 5000,
  contributionRate: 0.16,
  collectionRate: 0.98,
  avgPension: 3000,
  entrants: 10,
  exits: 4,
  newRetirements: 3,
  deaths: 1,
  baseGrowth: 0.05,
  pensionRaise: 0.02,
};

describe('projectCohort', () => {
  it('June then July: the July raise pays six months of arrears as a lump', () => {
    const { inflow, outflow } = projectCohort(INPUT, ['2025-06', '2025-07']);
    // June: contributors 1,006 × 5,000 × 0.16 × 0.98 = 1,006 × 784 = 788,704; retirees 502 × 3,000 = 1,506,000.
    expect(inflow[0]).toBeCloseTo(788_704, 6);
    expect(outflow[0]).toBeCloseTo(1_506_000, 6);
    // July: 1,012 × 784 = 793,408; pension 3,060; 504 × 3,060 = 1,542,240 plus arrears 6 × 504 × 60 = 181,440 → 1,723,680.
    expect(inflow[1]).toBeCloseTo(793_408, 6);
    expect(outflow[1]).toBeCloseTo(1_723_680, 6);
  });

  it('January raises the contribution base', () => {
    // 1,006 × 5,250 × 0.16 × 0.98 = 1,006 × 823.2 = 828,139.2
    expect(projectCohort(INPUT, ['2026-01']).inflow[0]).toBeCloseTo(828_139.2, 6);
  });

  it('annual periods: both raises for the whole year, 12 months of amounts', () => {
    const { inflow, outflow } = projectCohort(INPUT, ['2026']);
    // 1,006 × 5,250 × 0.16 × 0.98 × 12 = 9,937,670.4; 502 × 3,060 × 12 = 18,433,440
    expect(inflow[0]).toBeCloseTo(9_937_670.4, 4);
    expect(outflow[0]).toBeCloseTo(18_433_440, 4);
  });
});

describe('cohortInputFromSeries', () => {
  it('says which cohort inputs are missing instead of filling defaults', () => {
    const result = cohortInputFromSeries({ fundType: 'employeePension', inflow: [1, 2], outflow: [1, 2], cohort: [{ contributors: 10 }, { contributors: 11, retirees: 5 }] }, 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.issues.map((i) => i.limit);
    expect(fields).toContain('avgPension');
    expect(fields).toContain('entrants');
    expect(result.issues.every((i) => i.code === 'cohort_input_missing' && i.message.includes('falling back'))).toBe(true);
  });

  it('reads the state from the last period and the yearly changes a season apart', () => {
    const row = (base: number, pension: number) => ({ contributors: 1000, retirees: 500, avgContributionBase: base, contributionRate: 0.16, collectionRate: 0.98, avgPension: pension, entrants: 10, exits: 4, newRetirements: 3, deaths: 1 });
    const result = cohortInputFromSeries({ fundType: 'employeePension', inflow: [0, 0], outflow: [0, 0], cohort: [row(5000, 3000), row(5250, 3060)] }, 1);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value.baseGrowth).toBeCloseTo(0.05, 12);
    expect(result.value.pensionRaise).toBeCloseTo(0.02, 12);
    expect(result.value.avgPension).toBe(3060);
  });
});
