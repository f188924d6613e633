import { type Decimal, ZERO, sum } from '../money/decimal';
import { monthsBetween, addMonthsToKey } from '../dates/monthKey';
import { monthOfDate } from '../dates/isoDate';
import type { Benchmark, Scenario } from '../schemas/scenario';
import type { ResolvedPlacement } from '../rules/types';
import type { LedgerReport } from '../ledger/types';
import { TERM_DEPOSIT_KINDS } from '../schemas/enums';
import { annualYieldRate } from './annualYieldRate';
import { settlementDays } from './settlementDays';
import { averageYield } from './averageYield';
import { timeDepositShare } from './timeDepositShare';
import { tierShare } from './tierShare';
import { rateUplift } from './rateUplift';
import { monthsPayable } from './monthsPayable';
import { type BankCapUse, bankCapUsage } from './bankCapUsage';

/** The KPIs of one ledger run (every input from the exact ledger). Fractions, not percentages. */
export interface LedgerKpis {
  readonly interestEarned: Decimal;
  readonly interestReceived: Decimal;
  readonly accruedAtEnd: Decimal;
  readonly annualYieldRate: Decimal | undefined;
  readonly settlementDays: Decimal | undefined;
  readonly averageDemandYield: Decimal | undefined;
  readonly timeDepositShare: Decimal | undefined;
  readonly tierShare: ReadonlyMap<number, Decimal>;
  /** Amount-weighted uplift of the plan's time deposits and CDs over the benchmark of the same term. */
  readonly rateUplift: { relative: Decimal | undefined; basisPoints: Decimal } | undefined;
  readonly monthsPayable: Decimal | undefined;
  /** Each bank's highest use of each cap over the horizon (1 = at the cap). */
  readonly bankCapUsage: readonly BankCapUse[];
}

/** The 2015 benchmark for a term, where the table has one (no 5-year tier, docs/domain.md §6.1). */
export function benchmarkForTerm(b: Benchmark, termMonths: number): Decimal | undefined {
  return ({ 3: b.time3m, 6: b.time6m, 12: b.time1y, 24: b.time2y, 36: b.time3y } as Record<number, Decimal | undefined>)[termMonths];
}

/**
 * Computes the KPIs of docs/domain.md §9 from a ledger report: 年增殖率 over the horizon, settlement-account
 * days, average demand yield, time-deposit share and tier shares at the end, rate uplift of the
 * plan's placements, months payable at the end, and bank cap usage.
 */
export function ledgerKpis(report: LedgerReport, scenario: Scenario, placements: readonly ResolvedPlacement[]): LedgerKpis {
  const { totals, months } = report;
  const last = months.at(-1);
  const horizonEndMonth = addMonthsToKey(scenario.startMonth, scenario.horizonMonths);
  const certificateMonthsAfter = sum(report.openPositions.filter((p) => p.product !== 'callDeposit1d' && p.product !== 'callDeposit7d' && p.product !== 'agreedDeposit').map((p) => p.principal.times(Math.max(0, monthsBetween(horizonEndMonth, monthOfDate(p.maturityDate))))));
  const demandInterest = sum(months.flatMap((m) => m.interest.filter((i) => i.product === 'demandDeposit' || i.product === 'agreedDeposit').map((i) => i.amount)));
  const demandDays = sum(months.map((m) => m.demandBalanceDays));

  let weighted = ZERO;
  let weightedBp = ZERO;
  let weight = ZERO;
  for (const p of placements) {
    if (!TERM_DEPOSIT_KINDS.includes(p.product)) continue;
    const reference = benchmarkForTerm(scenario.statutory.benchmark, p.termMonths);
    if (!reference) continue;
    const u = rateUplift(p.annualRate, reference);
    weighted = weighted.plus((u.relative ?? ZERO).times(p.amount));
    weightedBp = weightedBp.plus(u.basisPoints.times(p.amount));
    weight = weight.plus(p.amount);
  }

  const lastYear = months.slice(-12);
  // Each bank's highest use of each cap: the largest share is found by comparing fractions without
  // dividing (a/b > c/d ⇔ a·d > c·b), then divided once — the month loop stays cheap.
  const worst = new Map<string, { tranche?: [Decimal, Decimal]; fund?: [Decimal, Decimal]; local?: Decimal }>();
  const larger = (cur: [Decimal, Decimal] | undefined, num: Decimal, den: Decimal): [Decimal, Decimal] | undefined => {
    if (den.isZero()) return cur;
    return !cur || num.times(cur[1]).gt(cur[0].times(den)) ? [num, den] : cur;
  };
  for (const m of months) {
    const tranche = sum(m.trancheByBank.values());
    const total = sum(m.timeDepositsByBank.values());
    for (const b of scenario.banks) {
      const w = worst.get(b.id) ?? {};
      const t = m.trancheByBank.get(b.id) ?? ZERO;
      const o = m.timeDepositsByBank.get(b.id) ?? ZERO;
      const tr = larger(w.tranche, t, tranche);
      const fu = larger(w.fund, o, total);
      worst.set(b.id, { ...(tr ? { tranche: tr } : {}), ...(fu ? { fund: fu } : {}), local: w.local && w.local.gte(o) ? w.local : o });
    }
  }
  const capUse = scenario.banks.map((b) => {
    const w = worst.get(b.id) ?? {};
    const use = bankCapUsage({
      banks: [b],
      trancheByBank: new Map(w.tranche ? [[b.id, w.tranche[0]], ['(others)', w.tranche[1].minus(w.tranche[0])]] : []),
      outstandingByBank: new Map([[b.id, w.local ?? ZERO]]),
      caps: scenario.policy.caps,
    })[0]!;
    const fundShare = w.fund && !scenario.policy.caps.fundTimeDepositShare.isZero() ? w.fund[0].div(w.fund[1]).div(scenario.policy.caps.fundTimeDepositShare) : undefined;
    return { bankId: b.id, tranche: use.tranche, localDeposits: use.localDeposits, fundShare };
  });

  const lastTimeDeposits = last?.closingTimeDeposits ?? ZERO;
  return {
    interestEarned: totals.interestEarned,
    interestReceived: totals.interestReceived,
    accruedAtEnd: totals.accruedAtEnd,
    annualYieldRate: annualYieldRate({ realisedInterest: totals.interestReceived, realisableInterest: totals.realisableOnOpenPositions, balanceMonths: sum(months.map((m) => m.closingTotal)), certificateMonthsAfter }),
    settlementDays: settlementDays(demandDays, totals.inflows, totals.outflows),
    averageDemandYield: averageYield(demandInterest, demandDays),
    timeDepositShare: last ? timeDepositShare(lastTimeDeposits, last.closingCash.plus(last.closingCallAndAgreed).plus(lastTimeDeposits)) : undefined,
    tierShare: tierShare(report.openPositions.filter((p) => TERM_DEPOSIT_KINDS.includes(p.product)).map((p) => ({ termMonths: p.termMonths, amount: p.principal }))),
    rateUplift: weight.isZero() ? undefined : { relative: weighted.div(weight), basisPoints: weightedBp.div(weight) },
    monthsPayable: last ? monthsPayable(last.closingTotal, sum(lastYear.map((m) => m.outflows)).times(12).div(lastYear.length)) : undefined,
    bankCapUsage: capUse,
  };
}
