import type { FundType, Scenario } from '@fundladder/core';
import { type LadderData, prepareLadderData } from './model/data';
import { type WirePlacement, wanFloatToFen } from './extract/planFromSolution';

/** A simple policy a fund manager might follow without the tool. */
export type BaselinePolicy = 'oneYearEven' | 'ladder3612';

export const BASELINE_NAMES: Record<BaselinePolicy, { zh: string; en: string }> = {
  oneYearEven: { zh: '闲置资金全部存1年期定期，平均分给各合格银行', en: 'all idle money in 1-year time deposits, split evenly across eligible banks' },
  ladder3612: { zh: '闲置资金按3/6/12个月固定阶梯，各期限平均分给各合格银行', en: 'a fixed 3/6/12-month ladder, each rung split evenly across eligible banks' },
};

function fenToYuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * Builds a baseline plan: each month, each fund type keeps its own next N months of payouts (the
 * policy's reserve rule) and places everything above it — in 1-year time deposits, or a third each in
 * 3-, 6- and 12-month ones — split evenly across the eligible banks that quote that term. Maturities of
 * its own placements come back with their interest. The plan is then priced and checked by the same
 * ledger as any other; nothing here decides whether it keeps the rules.
 */
export function baselinePlan(scenario: Scenario, policy: BaselinePolicy, data: LadderData = prepareLadderData(scenario)): { schemaVersion: 1; name: string; placements: WirePlacement[] } {
  const terms = policy === 'oneYearEven' ? [12] : [3, 6, 12];
  const reserveMonths = scenario.policy.reserve.rule === 'monthsOfPayouts' ? scenario.policy.reserve.months : 2;
  const T = data.months.length;
  const placements: WirePlacement[] = [];
  for (const ft of data.fundTypes) {
    const outflowByMonth = data.months.map((m) => scenario.flows.find((f) => f.month === m && f.fundType === ft)!.outflow.toNumber() / 10_000);
    const net = data.netFlow.get(ft)!;
    const existing = data.existingCash.get(ft)!;
    const returns = new Array<number>(T + 1).fill(0);
    let cash = data.openingCash.get(ft)!;
    for (let t = 0; t < T; t++) {
      cash += net[t]! + existing[t]! + returns[t]!;
      let reserve = 0;
      for (let k = 1; k <= reserveMonths; k++) reserve += outflowByMonth[Math.min(t + k, T - 1)]!;
      const idle = cash - reserve;
      if (idle <= 100) continue;
      for (const term of terms) {
        const banks = scenario.banks.filter((b) => b.status === 'eligible' && data.options.some((o) => o.bankId === b.id && o.product === 'timeDeposit' && o.termMonths === term && o.rateByMonth[t]));
        if (!banks.length) continue;
        const perBankFen = wanFloatToFen(idle / terms.length / banks.length);
        if (perBankFen < 1_000_000) continue;
        for (const bank of banks) {
          const option = data.options.find((o) => o.bankId === bank.id && o.product === 'timeDeposit' && o.termMonths === term)!;
          const rate = option.rateByMonth[t]!;
          placements.push({ month: data.months[t]!, product: 'timeDeposit', termMonths: term, bankId: bank.id, fundType: ft as FundType, amount: fenToYuan(perBankFen), annualRate: rate.toString() });
          const placedWan = perBankFen / 1_000_000;
          cash -= placedWan;
          if (t + term < T) returns[t + term]! += placedWan * (1 + rate.toNumber() * term / 12);
        }
      }
    }
  }
  placements.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  return { schemaVersion: 1, name: `baseline: ${BASELINE_NAMES[policy].en}`, placements };
}
