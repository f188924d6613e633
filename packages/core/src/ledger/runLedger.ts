import { type Decimal, ZERO, sum } from '../money/decimal';
import { LEDGER_ROUNDING, type RoundingRule } from '../money/rounding';
import { allocateFen } from '../money/allocate';
import { type IsoDate, compareDates, dayOfMonth, firstDayOfMonth } from '../dates/isoDate';
import { addMonthsToKey, monthKeyRange } from '../dates/monthKey';
import type { DomainIssue, Result } from '../issues';
import type { MonthlyFlow, Scenario } from '../schemas/scenario';
import type { FundType, ProductKind } from '../schemas/enums';
import { TERM_DEPOSIT_KINDS } from '../schemas/enums';
import { indexScenario, inflowDayOf, outflowDayOf } from '../schemas/lookup';
import type { ResolvedPlacement } from '../rules/types';
import { cashNotNegative } from '../rules/cashNotNegative';
import { reserveRequirement } from '../rules/reserveRequirement';
import { liquidAtEndHeld } from '../rules/liquidAtEnd';
import { demandSettlementDates } from '../interest/demandSettlementDates';
import { withFormulaOnRead } from '../interest/lazyFormula';
import { CashAccount } from './cashAccount';
import { addTo } from './book';
import { PositionSchedule } from './positionSchedule';
import { accruedOn, interestDue, lifetimeInterest, positionFromPlacement } from './positions';
import { checkPlacements } from './checks/placementChecks';
import { checkMonthEnd } from './checks/monthEndChecks';
import { contractRateFindings } from './checks/contractRateFindings';
import type { FundTypeMonth, InterestPosting, LedgerMonth, LedgerReport, Position } from './types';

/** Options of a ledger run. */
export interface LedgerOptions {
  /** How each posting is rounded to the fen (default {@link LEDGER_ROUNDING}). */
  readonly rounding?: RoundingRule;
}

/**
 * Checks that the flow path covers every month of the horizon for every fund type, and returns it
 * indexed by month and fund type.
 */
export function indexFlows(scenario: Scenario, flows: readonly MonthlyFlow[]): Result<Map<string, MonthlyFlow>> {
  const byKey = new Map<string, MonthlyFlow>();
  for (const f of flows) byKey.set(`${f.month}/${f.fundType}`, f);
  const months = monthKeyRange(scenario.startMonth, addMonthsToKey(scenario.startMonth, scenario.horizonMonths - 1));
  const issues: DomainIssue[] = [];
  for (const ft of scenario.fundTypes) {
    const missing = months.filter((m) => !byKey.has(`${m}/${ft}`));
    if (missing.length) {
      issues.push({ code: 'missing', path: ['flows'], rule: 'flowsCoverHorizon', message: `no flows for ${ft} in ${missing.length} month(s) of the horizon: ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ', …' : ''}`, received: String(months.length - missing.length), limit: String(months.length), monthKey: missing[0]!, fundType: ft });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: byKey };
}

/**
 * Runs the fund month by month over the horizon, given a scenario, a resolved plan and a path of
 * realised monthly flows, and returns per month the opening and closing money, inflows, outflows,
 * placements, maturities, interest by product, bank and fund type, and holdings by bank and product;
 * plus every rule the plan breaks. It never stops at the first problem and never fixes a plan.
 *
 * Timing inside a month (docs/ledger.md): positions mature and coupons pay on their own dates; demand
 * interest is settled on the 20th of Mar/Jun/Sep/Dec and credited on the 21st [R32]; the month's
 * inflows post on `timing.inflowDay` and payouts on `timing.outflowDay` (both `timing.flowDay` by default); the plan's placements are made on `timing.placementDay` (after
 * the flows of that day) and mature on the same day `termMonths` later. Every posting is rounded
 * to the fen once, with a named rounding rule; everything else is exact.
 *
 * @returns the report, or the issues that make the run impossible (flows missing for a month)
 */
export function runLedger(input: { scenario: Scenario; placements: readonly ResolvedPlacement[]; flows: readonly MonthlyFlow[] }, options: LedgerOptions = {}): Result<LedgerReport> {
  const { scenario, placements } = input;
  const round = (options.rounding ?? LEDGER_ROUNDING).apply;
  const flowIndex = indexFlows(scenario, input.flows);
  if (!flowIndex.ok) return flowIndex;
  const flows = flowIndex.value;
  const lookup = indexScenario(scenario);
  const months = monthKeyRange(scenario.startMonth, addMonthsToKey(scenario.startMonth, scenario.horizonMonths - 1));
  const horizonStart = firstDayOfMonth(scenario.startMonth);
  const horizonEnd = firstDayOfMonth(addMonthsToKey(scenario.startMonth, scenario.horizonMonths));
  const fundTypes = scenario.fundTypes;

  const issues: DomainIssue[] = checkPlacements(placements, scenario);
  const findings: DomainIssue[] = contractRateFindings(scenario, horizonStart);

  // Cash accounts. Each fund type's settlement account (its 财政专户) takes the flows, funds the
  // placements and receives maturities and interest. Its other accounts (支出户's 周转金, 收入户) keep
  // their balance: they are topped up as they pay out, so their level is what the scenario says; they
  // earn their own contract rate, and that interest goes to the settlement account [R2].
  const cash = new Map<FundType, CashAccount>();
  const sideAccounts: Array<{ ft: FundType; acct: CashAccount }> = [];
  for (const ft of fundTypes) {
    const account = lookup.settlementAccount.get(ft)!;
    cash.set(ft, new CashAccount(account, lookup.banks.get(account.bankId), account.openingBalance, horizonStart));
    for (const a of scenario.accounts) {
      if (a.fundType === ft && a !== account) sideAccounts.push({ ft, acct: new CashAccount(a, lookup.banks.get(a.bankId), a.openingBalance, horizonStart) });
    }
  }
  const sideTotal = sum(sideAccounts.map((s) => s.acct.cash));
  const sideByFt = new Map<FundType, Decimal>();
  for (const s of sideAccounts) addTo(sideByFt, s.ft, s.acct.cash);

  // Positions and their payment schedule (positionSchedule.ts, shared with prepareLedger).
  const schedule = new PositionSchedule(scenario, placements, { start: horizonStart, end: horizonEnd }, round, findings);
  const { open, book, payments, paymentDaysByMonth, placementsByMonth, accruedAtStart } = schedule;
  const openPosition = (pos: Position) => schedule.openPosition(pos);
  const closePosition = (pos: Position) => schedule.closePosition(pos);

  const closed: Array<{ position: Position; interest: Decimal; endDate: IsoDate }> = [];
  const paidSoFar = new Map<string, Decimal>();
  const interestByProduct = new Map<ProductKind, Decimal>();
  const interestByBank = new Map<string, Decimal>();
  const interestByFundType = new Map<FundType, Decimal>();
  const monthsOut: LedgerMonth[] = [];

  const cashTotal = () => sum([...cash.values()].map((c) => c.cash)).plus(sideTotal);
  // A month opens with what the previous one closed with.
  let openingCash = cashTotal();
  const openingCashByFt = new Map<FundType, Decimal>(fundTypes.map((ft) => [ft, cash.get(ft)!.cash.plus(sideByFt.get(ft) ?? ZERO)]));

  for (const [monthIndex, month] of months.entries()) {
    const openingTotal = openingCash.plus(book.total());
    const perFt = new Map<FundType, { openingCash: Decimal; inflow: Decimal; outflow: Decimal; placed: Decimal; matured: Decimal; interest: Decimal }>();
    for (const ft of fundTypes) perFt.set(ft, { openingCash: openingCashByFt.get(ft)!, inflow: ZERO, outflow: ZERO, placed: ZERO, matured: ZERO, interest: ZERO });
    let interestReceived = ZERO;
    const postings: InterestPosting[] = [];
    const tranche = new Map<string, Decimal>();
    let inflows = ZERO;
    let outflows = ZERO;
    let placed = ZERO;
    let matured = ZERO;

    const creditInterest = (posting: InterestPosting) => {
      if (posting.amount.isZero()) return;
      postings.push(posting);
      interestReceived = interestReceived.plus(posting.amount);
      cash.get(posting.fundType)!.post(posting.date, posting.amount);
      perFt.get(posting.fundType)!.interest = perFt.get(posting.fundType)!.interest.plus(posting.amount);
      addTo(interestByProduct, posting.product, posting.amount);
      if (posting.bankId) addTo(interestByBank, posting.bankId, posting.amount);
      addTo(interestByFundType, posting.fundType, posting.amount);
    };

    // The days of this month on which something happens.
    const inflowDate = dayOfMonth(month, inflowDayOf(scenario));
    const outflowDate = dayOfMonth(month, outflowDayOf(scenario));
    const placementDate = dayOfMonth(month, scenario.timing.placementDay);
    // At most one settlement a month (the 20th of Mar/Jun/Sep/Dec, credited the 21st).
    const settlement = demandSettlementDates(firstDayOfMonth(month), dayOfMonth(month, 28))[0];
    const creditDate = settlement?.credited;
    const days = new Set<IsoDate>([inflowDate, outflowDate, placementDate]);
    if (creditDate) days.add(creditDate);
    for (const d of paymentDaysByMonth.get(month) ?? []) days.add(d);

    for (const date of [...days].sort(compareDates)) {
      // 1. Maturities and coupons.
      for (const pos of payments.get(date) ?? []) {
        if (!open.has(pos.id)) continue;
        const due = interestDue(pos, date, scenario);
        const amount = round(due.interest);
        creditInterest(withFormulaOnRead({ date, product: pos.product, bankId: pos.bankId, fundType: pos.fundType, amount, sourceId: pos.id }, () => due.formula));
        paidSoFar.set(pos.id, (paidSoFar.get(pos.id) ?? ZERO).plus(amount));
        if (compareDates(date, pos.maturityDate) === 0) {
          cash.get(pos.fundType)!.post(date, pos.principal);
          perFt.get(pos.fundType)!.matured = perFt.get(pos.fundType)!.matured.plus(pos.principal);
          matured = matured.plus(pos.principal);
          closePosition(pos);
          closed.push({ position: pos, interest: paidSoFar.get(pos.id)!, endDate: date });
        }
      }
      // 2. Demand (and agreed) interest, settled on the 20th and credited on the 21st.
      if (settlement && date === creditDate) {
        const settlementDate = settlement.settles;
        for (const { ft, acct } of [...fundTypes.map((ft) => ({ ft, acct: cash.get(ft)! })), ...sideAccounts]) {
          const due = acct.settle(date, settlementDate);
          creditInterest(withFormulaOnRead({ date, product: acct.account.agreed ? ('agreedDeposit' as const) : ('demandDeposit' as const), bankId: acct.account.bankId, fundType: ft, amount: round(due.interest), sourceId: acct.account.id }, () => due.formula));
        }
      }
      // 3. The month's flows, inflows on their day and payouts on theirs (the same day by default).
      if (date === inflowDate || date === outflowDate) {
        for (const ft of fundTypes) {
          const f = flows.get(`${month}/${ft}`)!;
          const acct = cash.get(ft)!;
          const inflow = date === inflowDate ? f.inflow : ZERO;
          const outflow = date === outflowDate ? f.outflow : ZERO;
          acct.post(date, inflow.minus(outflow));
          perFt.get(ft)!.inflow = perFt.get(ft)!.inflow.plus(inflow);
          perFt.get(ft)!.outflow = perFt.get(ft)!.outflow.plus(outflow);
          inflows = inflows.plus(inflow);
          outflows = outflows.plus(outflow);
        }
      }
      // 4. The plan's placements: a placement without a fund type draws on every fund's cash pro rata.
      if (date === placementDate) {
        for (const p of placementsByMonth.get(month) ?? []) {
          const shares: Array<[FundType, Decimal]> = p.fundType
            ? [[p.fundType, p.amount]]
            : (() => {
                const weights = fundTypes.map((ft) => {
                  const c = cash.get(ft)!.cash;
                  return c.gt(0) ? c : ZERO;
                });
                const split = allocateFen(p.amount, weights);
                return fundTypes.map((ft, k) => [ft, split[k]!] as [FundType, Decimal]).filter(([, a]) => a.gt(0));
              })();
          for (const [ft, amount] of shares) {
            const pos = positionFromPlacement(p, ft, amount, scenario);
            cash.get(ft)!.post(date, amount.negated());
            perFt.get(ft)!.placed = perFt.get(ft)!.placed.plus(amount);
            openPosition(pos);
          }
          placed = placed.plus(p.amount);
          if (p.bankId && TERM_DEPOSIT_KINDS.includes(p.product)) addTo(tranche, p.bankId, p.amount);
        }
      }
      for (const ft of fundTypes) {
        const issue = cashNotNegative(month, date, ft, cash.get(ft)!.cash);
        if (issue) issues.push(issue);
      }
    }

    // Month end.
    const monthEnd = firstDayOfMonth(addMonthsToKey(month, 1));
    const snapshot = book.snapshot();
    const { timeDepositsByBank, placedTimeDepositsByBank, liquidPlacedByFt, callAndAgreed, timeDeposits, bonds } = snapshot;
    const closingCash = cashTotal();
    const nextOutflows = (ft?: FundType) => {
      const out: Decimal[] = [];
      const needed = scenario.policy.reserve.rule === 'monthsOfPayouts' ? scenario.policy.reserve.months : 0;
      for (let k = monthIndex + 1; k < months.length && out.length < needed; k++) {
        const mk = months[k]!;
        out.push(ft ? flows.get(`${mk}/${ft}`)!.outflow : sum(fundTypes.map((f) => flows.get(`${mk}/${f}`)!.outflow)));
      }
      if (out.length === 0) out.push(ft ? flows.get(`${month}/${ft}`)!.outflow : outflows);
      return out;
    };
    const reserve = scenario.policy.keepFundTypesApart
      ? fundTypes.map((ft) => ({ scope: ft as string, liquid: cash.get(ft)!.cash.plus(sideByFt.get(ft) ?? ZERO).plus(liquidPlacedByFt.get(ft) ?? ZERO), required: reserveRequirement(scenario.policy.reserve, nextOutflows(ft)) }))
      : [{ scope: 'total', liquid: closingCash.plus(callAndAgreed), required: reserveRequirement(scenario.policy.reserve, nextOutflows()) }];
    const reserveRequired = sum(reserve.map((r) => r.required));
    const checked = checkMonthEnd({ month, trancheByBank: tranche, timeDepositsByBank, placedTimeDepositsByBank, reserve, bonds, placedTotal: timeDeposits.plus(bonds).plus(callAndAgreed) }, scenario);
    issues.push(...checked.issues);
    findings.push(...checked.findings);

    let demandBalanceDays = ZERO;
    for (const acct of [...cash.values(), ...sideAccounts.map((x) => x.acct)]) demandBalanceDays = demandBalanceDays.plus(acct.takeBalanceDays(monthEnd));
    const byFundType: Partial<Record<FundType, FundTypeMonth>> = {};
    for (const ft of fundTypes) {
      const f = perFt.get(ft)!;
      const c = cash.get(ft)!.cash.plus(sideByFt.get(ft) ?? ZERO);
      byFundType[ft] = { ...f, closingCash: c, closingLiquid: c.plus(liquidPlacedByFt.get(ft) ?? ZERO), closingTotal: c.plus(snapshot.byFundType.get(ft) ?? ZERO) };
      openingCashByFt.set(ft, c);
    }
    monthsOut.push({
      month,
      openingCash,
      openingTotal,
      inflows,
      outflows,
      placed,
      matured,
      interestReceived,
      closingCash,
      closingCallAndAgreed: callAndAgreed,
      closingTimeDeposits: timeDeposits,
      closingBonds: bonds,
      closingLiquid: closingCash.plus(callAndAgreed),
      closingTotal: closingCash.plus(book.total()),
      reserveRequired,
      demandBalanceDays,
      interest: postings,
      byFundType,
      holdings: snapshot.holdings,
      timeDepositsByBank,
      trancheByBank: tranche,
    });
    openingCash = closingCash;
  }

  // Horizon end: liquid money the policy asks to have in hand (policy.liquidAtEnd, docs/optimizer.md §5.11).
  const lastMonthOut = monthsOut.at(-1);
  if (lastMonthOut && scenario.policy.liquidAtEnd) {
    const issue = liquidAtEndHeld(lastMonthOut.month, lastMonthOut.closingLiquid, scenario.policy.liquidAtEnd);
    if (issue) issues.push(issue);
  }

  // Horizon end: what has been earned but not yet paid.
  let accruedAtEnd = ZERO;
  let realisable = ZERO;
  for (const pos of open.values()) {
    accruedAtEnd = accruedAtEnd.plus(round(accruedOn(pos, horizonEnd)));
    realisable = realisable.plus(round(lifetimeInterest(pos, scenario)));
  }
  for (const acct of [...cash.values(), ...sideAccounts.map((x) => x.acct)]) accruedAtEnd = accruedAtEnd.plus(round(acct.accruedTo(horizonEnd)));
  const interestReceived = sum(monthsOut.map((m) => m.interestReceived));
  const first = monthsOut[0];
  const last = monthsOut.at(-1);
  return {
    ok: true,
    value: {
      months: monthsOut,
      issues,
      findings,
      openPositions: [...open.values()],
      closedPositions: closed,
      totals: {
        openingTotal: first?.openingTotal ?? ZERO,
        closingTotal: last?.closingTotal ?? ZERO,
        inflows: sum(monthsOut.map((m) => m.inflows)),
        outflows: sum(monthsOut.map((m) => m.outflows)),
        interestReceived,
        accruedAtEnd,
        accruedAtStart,
        interestEarned: interestReceived.plus(accruedAtEnd).minus(accruedAtStart),
        realisableOnOpenPositions: realisable,
        interestByProduct,
        interestByBank,
        interestByFundType,
      },
    },
  };
}
