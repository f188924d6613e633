// The horizon end as a choice (docs/optimizer.md §4, §5.11). 'matureWithin': every new placement matures by the horizon end H
// (no column for a month and term that would mature after it, listed as an exclusion); `liquidAtEnd`: liquid money at
// the end of the last month at least that amount (a row of the LP). The ledger checks both (core's
// matureWithinHorizon and liquidAtEnd rules).
import { describe, expect, it } from 'vitest';
import { type Scenario, Decimal, addMonthsToDate, compareDates, dayOfMonth, isoDate, monthKey, validateScenario } from '@fundladder/core';
import { optimize } from './optimize';
import sample from '../../../examples/county-fund/scenario.json';

const parsed = validateScenario(sample);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
/** The sample county fund: 2026-01 + 36 months, so H = 2029-01-01; placements on the 1st. */
const scenario = parsed.value;
const H = isoDate('2029-01-01');
const maturityOf = (s: Scenario, p: { month: string; termMonths: number }) => addMonthsToDate(dayOfMonth(monthKey(p.month), s.timing.placementDay), p.termMonths);

describe("policy.horizonEnd 'matureWithin'", () => {
  it('gives a plan whose every placement matures by the horizon end, nothing broken', async () => {
    const within: Scenario = { ...scenario, policy: { ...scenario.policy, horizonEnd: 'matureWithin' } };
    const r = await optimize(within);
    if (r.status !== 'optimal') throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.evaluation.report.issues).toEqual([]);
    expect(r.plan.placements.length).toBeGreaterThan(0);
    for (const p of r.plan.placements) expect(compareDates(maturityOf(within, p), H), `${p.month} ${p.product} ${p.termMonths}`).toBeLessThanOrEqual(0);
    // Terms cut at the end of the horizon are listed with the rule, like every other exclusion.
    const cut = r.data.exclusions.filter((e) => e.rule === 'matureWithinHorizon');
    expect(cut.some((e) => e.product === 'govBond' && e.termMonths === 60 && /placed in any month/.test(e.reason))).toBe(true);
    expect(cut.find((e) => e.product === 'timeDeposit' && e.termMonths === 12)?.reason).toBe("a 12-month timeDeposit placed after 2028-01 would mature after the horizon end 2029-01-01 (policy.horizonEnd is 'matureWithin')");
  }, 120_000);

  it("under 'accrue' (the default) the same sample places money that outlives the horizon", async () => {
    const r = await optimize(scenario);
    if (r.status !== 'optimal') throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.plan.placements.some((p) => compareDates(maturityOf(scenario, p), H) > 0)).toBe(true);
  }, 120_000);
});

describe('policy.liquidAtEnd', () => {
  it("keeps at least that much liquid at the end of the last month (the ledger's figure), with a row in the LP", async () => {
    // 8亿: far above what the unconstrained plan keeps liquid at the end (two months of payouts).
    const asked = new Decimal('800000000.00');
    const free = await optimize(scenario);
    if (free.status !== 'optimal') throw new Error(free.status);
    expect(free.evaluation.report.months.at(-1)!.closingLiquid.lt(asked)).toBe(true);
    const kept: Scenario = { ...scenario, policy: { ...scenario.policy, liquidAtEnd: asked } };
    const r = await optimize(kept);
    if (r.status !== 'optimal') throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.evaluation.report.issues).toEqual([]);
    const last = r.evaluation.report.months.at(-1)!;
    expect(last.month).toBe('2028-12');
    expect(last.closingLiquid.gte(asked)).toBe(true);
    expect(r.model.rows.filter((row) => row.rule === 'liquidAtEnd').map((row) => row.name)).toEqual(['liquidAtEnd[2028-12]']);
    // Keeping money liquid costs interest.
    expect(r.ledgerInterest.lt(free.ledgerInterest)).toBe(true);
  }, 120_000);
});
