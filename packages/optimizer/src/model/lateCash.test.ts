// The reserve is checked at month end (docs/domain.md §7: keep two months of payouts liquid), and the ledger counts as
// liquid the cash that arrived during the month. The LP's cash rows count an existing deposit's return from the first
// placement day on or after it arrives (money cannot be placed before it is there), so a deposit maturing after the
// month's placement day is missing from that month's cash column: the reserve rows add it back (`lateCash`,
// docs/optimizer.md §5.2).
import { describe, expect, it } from 'vitest';
import { validateScenario } from '@fundladder/core';
import { prepareLadderData } from './data';
import { buildLadderModel } from './buildLadderModel';
import sample from '../../../../examples/county-fund/scenario.json';

describe('existing money arriving after the placement day counts toward that month-end reserve', () => {
  const parsed = validateScenario(sample);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const data = prepareLadderData(parsed.value, parsed.value.flows);

  it('the sample: six 1,000万 three-year deposits of employee pension mature 2026-01-16, after the placement day (the 1st): 6,472.57万 late in 2026-01', () => {
    // Principal 6 × 1,000万. Interest: icbc, ccb, psbc at 2.60% and cib, citic at 2.65% under 30/360, 36 whole months
    // (F3): 3 × 1,000万 × 2.60% × 3 = 234万 and 2 × 1,000万 × 2.65% × 3 = 159万; city at 2.65% under actual/365,
    // 2023-01-16 to 2026-01-16 = 1,096 days (2024 is a leap year): 1,000万 × 2.65% × 1,096/365 = 79.57260…万.
    // 6,000 + 234 + 159 + 79.5726027… = 6,472.5726027…万.
    const late = 6000 + 234 + 159 + (1000 * 0.0265 * 1096) / 365;
    expect(data.lateCash[0]).toBeCloseTo(late, 6);
    expect(data.lateCashByFund.get('employeePension')![0]).toBeCloseTo(late, 6);
    // They are placeable from the next placement day, 2026-02-01, not before.
    expect(data.existingCash.get('employeePension')![1]).toBeGreaterThanOrEqual(late - 1e-6);
  });

  it('the reserve row of 2026-01 asks that much less of the columns: requirement − 周转金 − existing liquid − late cash', () => {
    const { model } = buildLadderModel(data, { lots: 'ignore' });
    const row = model.rows.find((r) => r.name === 'reserve[2026-01]')!;
    expect(row.lower).toBeCloseTo(data.reserve[0]! - data.sideBalance - data.existingLiquid[0]! - data.lateCash[0]!, 9);
    expect(data.lateCash[0]).toBeGreaterThan(6472);
  });
});
