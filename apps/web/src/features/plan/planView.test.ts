import { describe, expect, it } from 'vitest';
import { sampleOptimize as result } from './fixtures/sampleOptimize';
import { capAlerts, compareDecimal, groupPlacements, verdictOf } from './planView';

describe('the safety verdict', () => {
  it('calls the sample plan safe: plan-caused gaps on 1.0% of 200 out-of-sample paths, within 1 − 0.99', () => {
    const v = verdictOf(result)!;
    expect(v.mark).toBe('safe');
    expect(v.target).toBeCloseTo(0.01, 12);
    expect(v.stress.outOfSample).toBe(true);
    expect(v.stress.paths).toBe(200);
    expect(v.planningPaths).toBe(300);
  });

  it('is unsafe when the plan causes gaps on more paths than the confidence allows', () => {
    const stress = { ...result.stress!, planCausedShortProbability: 0.015 };
    expect(verdictOf({ safety: result.safety, stress })!.mark).toBe('unsafe');
  });

  it('counts a missing plan-caused share as unsafe (nothing proves the plan safe), as the CLI does', () => {
    const { planCausedShortProbability: _drop, ...stress } = result.stress!;
    expect(verdictOf({ safety: result.safety, stress })!.mark).toBe('unsafe');
  });

  it('says a plan at confidence 0 protects nothing, whatever the paths showed', () => {
    expect(verdictOf({ safety: { ...result.safety, confidence: 0 }, stress: result.stress })!.mark).toBe('meanOnly');
  });

  it('gives no verdict without an out-of-sample check', () => {
    expect(verdictOf({ safety: result.safety, stress: undefined })).toBeUndefined();
  });

  it('lists the fund types with plan-caused gaps first, then by structural share', () => {
    expect(verdictOf(result)!.fundTypes.map((f) => f.fundType)).toEqual(['publicSectorPension', 'residentMedical', 'residentPension']);
  });
});

describe('the next quarter’s placements, grouped as they are booked', () => {
  const rows = groupPlacements(result.rollover!);

  it('puts the five fund types’ 5-year bonds of 2026-01 on one line, the amounts added exactly', () => {
    const bonds = rows.find((r) => r.product === 'govBond' && r.termMonths === 60)!;
    // 105,312,553.66 + 1,259,259.91 + 67,498,955.00 + 19,959,576.61 + 13,104,388.56
    expect(bonds.amount).toBe('207134733.74');
    expect(bonds.fundTypes).toEqual(['employeePension', 'residentPension', 'employeeMedical', 'unemployment', 'workInjury']);
    expect(bonds.bankId).toBeUndefined();
  });

  it('keeps different banks, terms and products apart, in the order they first appear', () => {
    expect(rows.map((r) => `${r.bankId ?? 'bond'} ${r.product} ${r.termMonths}`)).toEqual([
      'ccb timeDeposit 3', 'psbc timeDeposit 3', 'psbc timeDeposit 6', 'cib timeDeposit 6', 'citic timeDeposit 6', 'city timeDeposit 6', 'city callDeposit7d 1', 'bond govBond 12', 'bond govBond 60',
    ]);
  });

  it('carries each line’s reason as a fact (held by a cap at another bank)', () => {
    expect(rows[0]!.reason).toEqual({ kind: 'heldByCap', belowBestBp: 20, bankId: 'cib', rule: 'trancheShareCap' });
  });

  it('does not change the result it reads', () => {
    const before = JSON.stringify(result.rollover);
    groupPlacements(result.rollover!);
    expect(JSON.stringify(result.rollover)).toBe(before);
  });
});

describe('cap alerts', () => {
  it('finds the sample’s six banks at a cap and none only warned (rural is at 36.9% of cap C)', () => {
    expect(capAlerts(result.evaluation!.kpis.bankCapUsage)).toEqual({ alarm: ['icbc', 'ccb', 'psbc', 'cib', 'citic', 'city'], warn: [] });
  });

  it('warns from 80% exactly and alarms from 100% exactly, comparing decimal text, not floats', () => {
    expect(capAlerts([{ bankId: 'a', tranche: '0.8' }, { bankId: 'b', fundShare: '0.79999999999999999999' }, { bankId: 'c', localDeposits: '0.99999999999999999999' }, { bankId: 'd', tranche: '1.000' }])).toEqual({ alarm: ['d'], warn: ['a', 'c'] });
    expect(compareDecimal('0.80', '0.8')).toBe(0);
    expect(compareDecimal('-0.5', '0.1')).toBe(-1);
    expect(compareDecimal('12', '9.99')).toBe(1);
  });

  it('ignores a cap without a figure (no room defined)', () => {
    expect(capAlerts([{ bankId: 'x' }])).toEqual({ alarm: [], warn: [] });
  });
});
