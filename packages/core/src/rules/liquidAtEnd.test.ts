// 来源: docs/optimizer.md §5.11: `policy.liquidAtEnd` (yuan) — liquid money (settlement cash + 周转金 + call deposits
// outstanding) at the end of the last month is at least that amount.
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { monthKey } from '../dates/monthKey';
import { scenarioSchema } from '../schemas/scenario';
import { evaluatePlan } from '../evaluatePlan';
import { resolvePlan } from '../schemas/resolvePlan';
import { prepareLedger } from '../ledger/prepareLedger';
import { tinyPlan, tinyScenario } from '../testing/fixtures';
import { liquidAtEndHeld } from './liquidAtEnd';

describe('liquidAtEndHeld (policy.liquidAtEnd)', () => {
  it('9,000万 in hand against 1亿 asked is 1,000万 short; exactly 1亿 holds', () => {
    const issue = liquidAtEndHeld(monthKey('2028-12'), dec('90000000'), dec('100000000'));
    expect(issue).toMatchObject({ code: 'liquid_at_end_short', rule: 'liquidAtEnd', received: '90000000.00', limit: '100000000.00', amount: '10000000.00', monthKey: '2028-12', path: ['ledger', '2028-12', 'liquid', 'total'] });
    expect(liquidAtEndHeld(monthKey('2028-12'), dec('100000000'), dec('100000000'))).toBeUndefined();
  });

  it("is checked by the ledger on the last month's liquid money, to the fen", () => {
    const base = scenarioSchema.parse(tinyScenario());
    const free = evaluatePlan(base, tinyPlan());
    if (!free.ok) throw new Error(JSON.stringify(free.issues));
    const last = free.value.report.months.at(-1)!;
    expect(last.month).toBe('2026-06');
    const asked = (amount: string) => {
      const s = scenarioSchema.parse(tinyScenario({ policy: { liquidAtEnd: amount } } as never));
      const r = evaluatePlan(s, tinyPlan());
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      return r.value.report.issues.filter((i) => i.rule === 'liquidAtEnd');
    };
    expect(asked(last.closingLiquid.toFixed(2))).toEqual([]);
    const short = asked(last.closingLiquid.plus('0.01').toFixed(2));
    expect(short.map((i) => [i.monthKey, i.amount])).toEqual([['2026-06', '0.01']]);
  });

  it('is checked the same way by the prepared ledger (one plan on many flow paths)', () => {
    const s = scenarioSchema.parse(tinyScenario({ policy: { liquidAtEnd: '999999999999.00' } } as never));
    const resolved = resolvePlan(tinyPlan(), s);
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
    const prepared = prepareLedger(s, resolved.value.placements).run(s.flows);
    const direct = evaluatePlan(s, tinyPlan());
    if (!prepared.ok || !direct.ok) throw new Error('ledger failed');
    expect(prepared.value.issues.filter((i) => i.rule === 'liquidAtEnd')).toEqual(direct.value.report.issues.filter((i) => i.rule === 'liquidAtEnd'));
    expect(prepared.value.issues.filter((i) => i.rule === 'liquidAtEnd')).toHaveLength(1);
  });
});
