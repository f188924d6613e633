// What the caps do on a scenario, before any solve (docs/optimizer.md §5.10). 来源: docs/domain.md §8.2: ≤ 25% per tranche means at
// least 4 banks per tranche; ≤ 20% of the fund's time deposits means at least 5 banks (§8.1 [004]).
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { capsNeedBanks, holdingsOverCapFindings } from './explain';

type Input = ReturnType<typeof tinyScenario>;
const withBanks = (suspended: readonly string[], extra: Partial<Input> = {}) => {
  const base = tinyScenario();
  return scenarioSchema.parse({ ...base, banks: (base.banks as Array<{ id: string }>).map((b) => (suspended.includes(b.id) ? { ...b, status: 'suspended', suspendedReason: 'test' } : b)), ...extra });
};
const facts = (list: ReturnType<typeof capsNeedBanks>) => list.map((f) => ({ cap: f.cap, share: f.share.toString(), needed: f.needed, eligible: f.eligible, ...(f.minBanks ? { minBanks: f.minBanks } : {}), ...(f.alsoHolding ? { alsoHolding: f.alsoHolding } : {}) }));

describe('capsNeedBanks', () => {
  it('five eligible banks meet cap C at 20% and cap A at 25%: nothing to say', () => {
    expect(capsNeedBanks(withBanks(['ruralbank']))).toEqual([]);
  });

  it('four eligible banks: cap C at 20% needs 5', () => {
    expect(facts(capsNeedBanks(withBanks(['ruralbank', 'citybank'])))).toEqual([{ cap: 'C', share: '0.2', needed: 5, eligible: 4 }]);
  });

  it('three eligible banks: cap C needs 5 and cap A needs 4 in every tranche', () => {
    expect(facts(capsNeedBanks(withBanks(['ruralbank', 'citybank', 'cib'])))).toEqual([{ cap: 'C', share: '0.2', needed: 5, eligible: 3 }, { cap: 'A', share: '0.25', needed: 4, eligible: 3 }]);
  });

  it('the policy\'s minimum bank count can ask for more than cap C: six banks with five eligible', () => {
    expect(facts(capsNeedBanks(withBanks(['ruralbank'], { policy: { minBanks: 6 } } as never)))).toEqual([{ cap: 'C', share: '0.2', needed: 6, eligible: 5, minBanks: 6 }]);
  });

  it('counts a suspended bank that still holds existing time deposits (it counts toward cap C while they run)', () => {
    const holdings = [{ id: 'r1', fundType: 'employeePension', product: 'timeDeposit', bankId: 'ruralbank', principal: '10000000.00', annualRate: '0.015', startDate: '2025-09-16', termMonths: 12 }];
    expect(facts(capsNeedBanks(withBanks(['ruralbank', 'citybank'], { holdings } as never)))).toEqual([{ cap: 'C', share: '0.2', needed: 5, eligible: 4, alsoHolding: 1 }]);
  });

  it('says nothing when the policy allows no time deposits or CDs (an exclusion, said elsewhere)', () => {
    expect(capsNeedBanks(withBanks(['ruralbank', 'citybank'], { policy: { allowedProducts: ['callDeposit7d', 'govBond'] } } as never))).toEqual([]);
  });
});

describe('holdingsOverCapFindings', () => {
  it('a bank at 20% exactly is within the cap; a fen more is over, to the fen', () => {
    const at = (icbc: string) => withBanks(['ruralbank'], {
      holdings: [
        { id: 'icbc', fundType: 'employeePension', product: 'timeDeposit', bankId: 'icbc', principal: icbc, annualRate: '0.015', startDate: '2025-09-16', termMonths: 24 },
        ...['ccb', 'psbc', 'cib', 'citybank'].map((bankId) => ({ id: bankId, fundType: 'employeePension', product: 'timeDeposit', bankId, principal: '10000000.00', annualRate: '0.015', startDate: '2025-09-16', termMonths: 24 })),
      ],
    } as never);
    expect(holdingsOverCapFindings(at('10000000.00'))).toEqual([]);
    // 10,000,000.01 − 20% × 50,000,000.01 = 0.008 over: 0.01 to the fen.
    expect(holdingsOverCapFindings(at('10000000.01')).map((f) => [f.bankId, f.cap, f.overYuan.toFixed(2), f.firstMonth, f.lastMonth, f.newMoneyFrom])).toEqual([['icbc', 'C', '0.01', '2026-01', '2026-06', undefined]]);
  });

  it('cap B: existing holdings above 20% of the bank\'s local general deposits (200亿 → 40亿); holdings that matured before the horizon do not count', () => {
    const holdings = (termMonths: number) => ['icbc', 'ccb', 'psbc', 'cib', 'citybank'].map((bankId) => ({ id: bankId, fundType: 'employeePension', product: 'timeDeposit', bankId, principal: bankId === 'icbc' ? '4000000000.01' : '4000000000.00', annualRate: '0.015', startDate: '2025-09-16', termMonths }));
    // 3 months from 2025-09-16: matured 2025-12-16, before the horizon, as in the ledger.
    expect(holdingsOverCapFindings(withBanks(['ruralbank'], { holdings: holdings(3) } as never))).toEqual([]);
    // 6 months: outstanding at the ends of 2026-01 and 2026-02 (matures 2026-03-16).
    expect(holdingsOverCapFindings(withBanks(['ruralbank'], { holdings: holdings(6) } as never)).map((f) => [f.bankId, f.cap, f.overYuan.toFixed(2), f.lastMonth, f.newMoneyFrom])).toEqual([['icbc', 'B', '0.01', '2026-02', '2026-03'], ['icbc', 'C', '0.01', '2026-02', '2026-03']]);
  });
});
