import { type Decimal, ZERO, sum } from '../money/decimal';
import { LEDGER_ROUNDING } from '../money/rounding';
import { type IsoDate, compareDates, dayOfMonth, firstDayOfMonth } from '../dates/isoDate';
import { type MonthKey, addMonthsToKey, monthKeyRange } from '../dates/monthKey';
import type { DomainIssue, Result } from '../issues';
import type { Account, Bank, MonthlyFlow, Scenario } from '../schemas/scenario';
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
import { type MonthEndState, checkMonthEnd } from './checks/monthEndChecks';
import { contractRateFindings } from './checks/contractRateFindings';
import { type LedgerOptions, indexFlows, runLedger } from './runLedger';
import type { FundTypeMonth, HoldingLine, InterestPosting, LedgerMonth, LedgerReport, Position } from './types';

/** A plan made ready for the ledger on many flow paths (see {@link prepareLedger}). */
export interface PreparedLedger {
  /**
   * `'prepared'`: the path-independent work is done once and {@link PreparedLedger.run} does the rest;
   * `'fullRun'`: every run is a plain {@link runLedger} (some placement names no fund type).
   */
  readonly mode: 'prepared' | 'fullRun';
  /**
   * Runs the ledger on one flow path.
   * @param flows - a flow path over the scenario's horizon (every fund type, every month)
   * @returns exactly what `runLedger({ scenario, placements, flows }, options)` returns
   */
  run(flows: readonly MonthlyFlow[]): Result<LedgerReport>;
}

/** Per key of an interest breakdown: the first posting (in posting order) and the sum. */
interface Tally {
  readonly first: number;
  readonly total: Decimal;
}

/** One event day of a month, with the settlement-account postings that do not depend on the flow path. */
interface PreparedDay {
  readonly date: IsoDate;
  readonly inflow: boolean;
  readonly outflow: boolean;
  readonly credit: boolean;
  /**
   * Per fund type (index) with a posting that day: the amounts to post, netted (two amounts where the
   * day's postings net to zero, so the account still sees a movement that day, as in runLedger).
   */
  readonly posts: ReadonlyArray<{ readonly ft: number; readonly amounts: readonly Decimal[] }>;
}

/** Everything about one month that does not depend on the flow path. */
interface PreparedMonth {
  readonly month: MonthKey;
  readonly monthEnd: IsoDate;
  readonly days: readonly PreparedDay[];
  /** The demand settlement date (the 20th) when the month has one. */
  readonly settles: IsoDate | undefined;
  /** Interest postings before the settlement accounts' demand interest (all of them in a month without one), and after. */
  readonly postingsBefore: readonly InterestPosting[];
  readonly postingsAfter: readonly InterestPosting[];
  /** Position in posting order of the first settlement account's demand posting (the others follow by fund type). */
  readonly creditSeq: number;
  readonly interestReceived: Decimal;
  readonly placed: Decimal;
  readonly matured: Decimal;
  /** Per fund type (index): placed, matured and interest other than the settlement account's demand interest. */
  readonly placedByFt: readonly Decimal[];
  readonly maturedByFt: readonly Decimal[];
  readonly interestByFt: readonly Decimal[];
  /** Positions at principal at the month start and end. */
  readonly bookAtStart: Decimal;
  readonly bookAtEnd: Decimal;
  /** Per fund type (index): side-account cash + call and agreed deposits; side-account cash + every position. */
  readonly liquidPlacedByFt: readonly Decimal[];
  readonly positionsByFt: readonly Decimal[];
  readonly callAndAgreed: Decimal;
  readonly timeDeposits: Decimal;
  readonly bonds: Decimal;
  readonly holdings: readonly HoldingLine[];
  readonly timeDepositsByBank: ReadonlyMap<string, Decimal>;
  readonly tranche: ReadonlyMap<string, Decimal>;
  /** The month-end checks' state without the reserve (which depends on the path). */
  readonly state: Omit<MonthEndState, 'reserve'>;
  /** The month-end checks with no reserve to check: their answer on a path on which every reserve is held. */
  readonly checkedWithoutReserve: { readonly issues: readonly DomainIssue[]; readonly findings: readonly DomainIssue[] };
  /** 积数 of the side accounts over the month (their balance never moves). */
  readonly sideBalanceDays: Decimal;
}

/**
 * Prepares a resolved plan for the exact ledger on many flow paths (the optimizer's stress test and
 * safety check run one plan on 500–1,000 forecast paths). What does not depend on the flows is done
 * once: positions, maturities, coupons and interest on holdings and placements, tranche and cap
 * bookkeeping, holdings snapshots, the side accounts (支出户, 收入户: their balance never moves, see
 * docs/ledger.md §Accounts), placement checks and findings. Each {@link PreparedLedger.run} then posts
 * only what does: each fund type's settlement-account cash (the flows on `timing.inflowDay` and
 * `timing.outflowDay`, its demand interest 积数 and quarterly credit), `cashNotNegative` on every event
 * day, the reserve and the other month-end checks, month totals, and the demand part of the totals.
 * The month-end checks are answered once with no reserve to check; a run checks a month in full again
 * only where some reserve is not held (a held reserve adds nothing, and no other check reads the cash).
 *
 * `run(flows)` returns exactly what `runLedger({ scenario, placements, flows }, options)` returns: the same
 * months, totals, issues and findings in the same order, every Decimal the same value (a property test
 * compares them on random flow paths). Each report has its own arrays and maps; positions, closed-position
 * entries, holding lines, interest postings and issues that do not depend on the path are shared objects
 * between runs (read-only, as their types say).
 *
 * Falls back to a full {@link runLedger} on every run (`mode: 'fullRun'`) when some placement names no
 * fund type: such a placement is split across fund types in proportion to their cash on the day, so
 * every later posting depends on the path.
 *
 * @param scenario - a validated scenario
 * @param placements - the resolved plan (resolvePlan)
 * @param options - as for runLedger (the rounding of each posting)
 * @returns the prepared ledger (its `run` against runLedger's time: bench/ledger.bench.ts, "prepared ledger, per path")
 * @example
 * const prepared = prepareLedger(scenario, resolved.placements);
 * const reports = paths.map((flows) => prepared.run(flows));
 * wire(reports[k]) === wire(runLedger({ scenario, placements: resolved.placements, flows: paths[k] })) //=> true (wire = JSON of toWire)
 * @see docs/ledger.md; runLedger, whose order of events inside a day this follows
 */
export function prepareLedger(scenario: Scenario, placements: readonly ResolvedPlacement[], options: LedgerOptions = {}): PreparedLedger {
  if (placements.some((p) => !p.fundType)) return { mode: 'fullRun', run: (flows) => runLedger({ scenario, placements, flows }, options) };
  const round = (options.rounding ?? LEDGER_ROUNDING).apply;
  const lookup = indexScenario(scenario);
  const months = monthKeyRange(scenario.startMonth, addMonthsToKey(scenario.startMonth, scenario.horizonMonths - 1));
  const horizonStart = firstDayOfMonth(scenario.startMonth);
  const horizonEnd = firstDayOfMonth(addMonthsToKey(scenario.startMonth, scenario.horizonMonths));
  const fundTypes = scenario.fundTypes;
  const ftIndex = new Map<FundType, number>(fundTypes.map((ft, k) => [ft, k]));

  const placementIssues: readonly DomainIssue[] = checkPlacements(placements, scenario);
  const startFindings: DomainIssue[] = contractRateFindings(scenario, horizonStart);

  // Settlement accounts are built afresh on every run; side accounts never move, so they run here once.
  const settlement: Array<{ account: Account; bank: Bank | undefined }> = [];
  const sideAccounts: Array<{ ft: number; acct: CashAccount }> = [];
  for (const [k, ft] of fundTypes.entries()) {
    const account = lookup.settlementAccount.get(ft)!;
    settlement.push({ account, bank: lookup.banks.get(account.bankId) });
    for (const a of scenario.accounts) {
      if (a.fundType === ft && a !== account) sideAccounts.push({ ft: k, acct: new CashAccount(a, lookup.banks.get(a.bankId), a.openingBalance, horizonStart) });
    }
  }
  const sideTotal = sum(sideAccounts.map((s) => s.acct.cash));
  const sideByFt = fundTypes.map((_, k) => sum(sideAccounts.filter((s) => s.ft === k).map((s) => s.acct.cash)));
  const openingCash = sum(settlement.map((s) => s.account.openingBalance)).plus(sideTotal);
  const openingCashByFt = settlement.map((s, k) => s.account.openingBalance.plus(sideByFt[k]!));

  // Positions and their payment schedule (positionSchedule.ts, shared with runLedger).
  const schedule = new PositionSchedule(scenario, placements, { start: horizonStart, end: horizonEnd }, round, startFindings);
  const { open, book, payments, paymentDaysByMonth, placementsByMonth, accruedAtStart } = schedule;
  const openPosition = (pos: Position) => schedule.openPosition(pos);

  const closed: Array<{ position: Position; interest: Decimal; endDate: IsoDate }> = [];
  const paidSoFar = new Map<string, Decimal>();
  const byProduct = new Map<ProductKind, Tally>();
  const byBank = new Map<string, Tally>();
  const byFundType = new Map<FundType, Tally>();
  // Every interest posting gets its place in posting order, so the breakdowns' keys come out in runLedger's order.
  let seq = 0;
  const prepared: PreparedMonth[] = [];

  for (const month of months) {
    const bookAtStart = book.total();
    const placedByFt = fundTypes.map(() => ZERO);
    const maturedByFt = fundTypes.map(() => ZERO);
    const interestByFt = fundTypes.map(() => ZERO);
    const postingsBefore: InterestPosting[] = [];
    const postingsAfter: InterestPosting[] = [];
    let postings = postingsBefore;
    let creditSeq = -1;
    let interestReceived = ZERO;
    let placed = ZERO;
    let matured = ZERO;
    const tranche = new Map<string, Decimal>();
    let dayPosts = new Map<number, Decimal[]>();
    const post = (ft: number, amount: Decimal) => {
      if (amount.isZero()) return;
      const list = dayPosts.get(ft);
      if (list) list.push(amount);
      else dayPosts.set(ft, [amount]);
    };
    const creditInterest = (posting: InterestPosting) => {
      if (posting.amount.isZero()) return;
      const k = ftIndex.get(posting.fundType)!;
      postings.push(posting);
      interestReceived = interestReceived.plus(posting.amount);
      post(k, posting.amount);
      interestByFt[k] = interestByFt[k]!.plus(posting.amount);
      tally(byProduct, posting.product, seq, posting.amount);
      if (posting.bankId) tally(byBank, posting.bankId, seq, posting.amount);
      tally(byFundType, posting.fundType, seq, posting.amount);
      seq++;
    };

    const inflowDate = dayOfMonth(month, inflowDayOf(scenario));
    const outflowDate = dayOfMonth(month, outflowDayOf(scenario));
    const placementDate = dayOfMonth(month, scenario.timing.placementDay);
    const settlementDates = demandSettlementDates(firstDayOfMonth(month), dayOfMonth(month, 28))[0];
    const creditDate = settlementDates?.credited;
    const daySet = new Set<IsoDate>([inflowDate, outflowDate, placementDate]);
    if (creditDate) daySet.add(creditDate);
    for (const d of paymentDaysByMonth.get(month) ?? []) daySet.add(d);

    const days: PreparedDay[] = [];
    for (const date of [...daySet].sort(compareDates)) {
      dayPosts = new Map();
      // 1. Maturities and coupons.
      for (const pos of payments.get(date) ?? []) {
        if (!open.has(pos.id)) continue;
        const due = interestDue(pos, date, scenario);
        const amount = round(due.interest);
        creditInterest(Object.freeze(withFormulaOnRead({ date, product: pos.product, bankId: pos.bankId, fundType: pos.fundType, amount, sourceId: pos.id }, () => due.formula)));
        paidSoFar.set(pos.id, (paidSoFar.get(pos.id) ?? ZERO).plus(amount));
        if (compareDates(date, pos.maturityDate) === 0) {
          const k = ftIndex.get(pos.fundType)!;
          post(k, pos.principal);
          maturedByFt[k] = maturedByFt[k]!.plus(pos.principal);
          matured = matured.plus(pos.principal);
          open.delete(pos.id);
          book.add(pos, pos.principal.negated());
          closed.push({ position: pos, interest: paidSoFar.get(pos.id)!, endDate: date });
        }
      }
      // 2. Demand interest: the settlement accounts' (one slot each, filled on every run), then the side accounts'.
      if (settlementDates && date === creditDate) {
        creditSeq = seq;
        seq += fundTypes.length;
        postings = postingsAfter;
        for (const { ft, acct } of sideAccounts) {
          const due = acct.settle(date, settlementDates.settles);
          creditInterest(Object.freeze(withFormulaOnRead({ date, product: acct.account.agreed ? ('agreedDeposit' as const) : ('demandDeposit' as const), bankId: acct.account.bankId, fundType: fundTypes[ft]!, amount: round(due.interest), sourceId: acct.account.id }, () => due.formula)));
        }
      }
      // 3. Flows: on every run. 4. The plan's placements (each names its fund type).
      if (date === placementDate) {
        for (const p of placementsByMonth.get(month) ?? []) {
          const k = ftIndex.get(p.fundType!)!;
          const pos = positionFromPlacement(p, p.fundType!, p.amount, scenario);
          post(k, p.amount.negated());
          placedByFt[k] = placedByFt[k]!.plus(p.amount);
          openPosition(pos);
          placed = placed.plus(p.amount);
          if (p.bankId && TERM_DEPOSIT_KINDS.includes(p.product)) addTo(tranche, p.bankId, p.amount);
        }
      }
      const posts = [...dayPosts].map(([ft, amounts]) => {
        const net = sum(amounts);
        // A day whose postings net to zero still moves the account (a new balance span starts), as in runLedger.
        return { ft, amounts: net.isZero() ? [amounts[0]!, amounts[0]!.negated()] : [net] };
      });
      days.push({ date, inflow: date === inflowDate, outflow: date === outflowDate, credit: date === creditDate, posts });
    }

    const monthEnd = firstDayOfMonth(addMonthsToKey(month, 1));
    const snapshot = book.snapshot();
    const state = { month, trancheByBank: tranche, timeDepositsByBank: snapshot.timeDepositsByBank, placedTimeDepositsByBank: snapshot.placedTimeDepositsByBank, bonds: snapshot.bonds, placedTotal: snapshot.timeDeposits.plus(snapshot.bonds).plus(snapshot.callAndAgreed) };
    let sideBalanceDays = ZERO;
    for (const { acct } of sideAccounts) sideBalanceDays = sideBalanceDays.plus(acct.takeBalanceDays(monthEnd));
    prepared.push({
      month,
      monthEnd,
      days,
      settles: settlementDates?.settles,
      postingsBefore,
      postingsAfter,
      creditSeq,
      interestReceived,
      placed,
      matured,
      placedByFt,
      maturedByFt,
      interestByFt,
      bookAtStart,
      bookAtEnd: book.total(),
      liquidPlacedByFt: fundTypes.map((ft, k) => sideByFt[k]!.plus(snapshot.liquidPlacedByFt.get(ft) ?? ZERO)),
      positionsByFt: fundTypes.map((ft, k) => sideByFt[k]!.plus(snapshot.byFundType.get(ft) ?? ZERO)),
      callAndAgreed: snapshot.callAndAgreed,
      timeDeposits: snapshot.timeDeposits,
      bonds: snapshot.bonds,
      holdings: snapshot.holdings,
      timeDepositsByBank: snapshot.timeDepositsByBank,
      tranche,
      state,
      checkedWithoutReserve: checkMonthEnd({ ...state, reserve: [] }, scenario),
      sideBalanceDays,
    });
  }

  let positionsAccruedAtEnd = ZERO;
  let realisable = ZERO;
  for (const pos of open.values()) {
    positionsAccruedAtEnd = positionsAccruedAtEnd.plus(round(accruedOn(pos, horizonEnd)));
    realisable = realisable.plus(round(lifetimeInterest(pos, scenario)));
  }
  let sideAccruedAtEnd = ZERO;
  for (const { acct } of sideAccounts) sideAccruedAtEnd = sideAccruedAtEnd.plus(round(acct.accruedTo(horizonEnd)));
  const openPositions = [...open.values()];
  const reserveMonths = scenario.policy.reserve.rule === 'monthsOfPayouts' ? scenario.policy.reserve.months : 0;
  const monthIndexOf = new Map<string, number>(months.map((m, t) => [m, t]));
  const context: PreparedRunContext = {
    scenario, round, months, monthIndexOf, ftIndex, fundTypes, horizonStart, horizonEnd, placementIssues, startFindings, settlement, sideTotal, sideByFt,
    openingCash, openingCashByFt, prepared, closed, byProduct, byBank, byFundType, accruedAtStart, positionsAccruedAtEnd, realisable, sideAccruedAtEnd, openPositions, reserveMonths,
    productOfSettlement: settlement.map((s) => (s.account.agreed ? 'agreedDeposit' : 'demandDeposit')),
    bankOfSettlement: settlement.map((s) => s.account.bankId),
  };
  return { mode: 'prepared', run: (flowPath) => runPrepared(context, flowPath) };
}

/** a + b, or `a` itself where b is zero (the same value as runLedger's a + 0, one Decimal fewer). */
function plus(a: Decimal, b: Decimal): Decimal {
  return b.isZero() ? a : a.plus(b);
}

function tally<K>(map: Map<K, Tally>, key: K, seq: number, amount: Decimal): void {
  const t = map.get(key);
  map.set(key, t ? { first: t.first, total: t.total.plus(amount) } : { first: seq, total: amount });
}

/**
 * An interest breakdown as runLedger builds it: keys in the order of their first posting, each the sum
 * of its postings (the path-independent ones tallied once, plus each settlement account's demand credits
 * on this path).
 */
function inPostingOrder<K>(fixed: ReadonlyMap<K, Tally>, credits: ReadonlyArray<Tally | undefined>, keyOf: readonly K[]): Map<K, Decimal> {
  const merged = new Map(fixed);
  for (let k = 0; k < credits.length; k++) {
    const credit = credits[k];
    if (!credit) continue;
    const key = keyOf[k]!;
    const t = merged.get(key);
    merged.set(key, t ? { first: Math.min(t.first, credit.first), total: t.total.plus(credit.total) } : credit);
  }
  const ordered = new Map<K, Decimal>();
  for (const [key, t] of [...merged].sort(byFirstPosting)) ordered.set(key, t.total);
  return ordered;
}

function byFirstPosting(a: readonly [unknown, Tally], b: readonly [unknown, Tally]): number {
  return a[1].first - b[1].first;
}

/**
 * What every run of a prepared ledger reads, computed once by {@link prepareLedger}. The run is a module-level function
 * of it rather than a closure: V8 keeps a function's optimized code only while some closure of it is alive, so a run
 * closure made anew for each plan lost its compiled code at the next full garbage collection and was compiled again,
 * ~0.3 s of TurboFan a time, every few points of a sweep (docs/sweep.md §6).
 */
interface PreparedRunContext {
  readonly scenario: Scenario;
  readonly round: (amount: Decimal) => Decimal;
  readonly months: readonly MonthKey[];
  readonly monthIndexOf: ReadonlyMap<string, number>;
  readonly ftIndex: ReadonlyMap<FundType, number>;
  readonly fundTypes: readonly FundType[];
  readonly horizonStart: IsoDate;
  readonly horizonEnd: IsoDate;
  readonly placementIssues: readonly DomainIssue[];
  readonly startFindings: readonly DomainIssue[];
  readonly settlement: ReadonlyArray<{ readonly account: Account; readonly bank: Bank | undefined }>;
  readonly sideTotal: Decimal;
  readonly sideByFt: readonly Decimal[];
  readonly openingCash: Decimal;
  readonly openingCashByFt: readonly Decimal[];
  readonly prepared: readonly PreparedMonth[];
  readonly closed: ReadonlyArray<{ position: Position; interest: Decimal; endDate: IsoDate }>;
  readonly byProduct: ReadonlyMap<ProductKind, Tally>;
  readonly byBank: ReadonlyMap<string, Tally>;
  readonly byFundType: ReadonlyMap<FundType, Tally>;
  readonly accruedAtStart: Decimal;
  readonly positionsAccruedAtEnd: Decimal;
  readonly realisable: Decimal;
  readonly sideAccruedAtEnd: Decimal;
  readonly openPositions: readonly Position[];
  readonly reserveMonths: number;
  /** Per settlement account (fund type index): the product and the bank its demand interest counts under. */
  readonly productOfSettlement: readonly ProductKind[];
  readonly bankOfSettlement: readonly string[];
}

/** Σ of one Decimal field over `items`, in order (as `sum(items.map(...))`, without the callback and the array). */
function sumOf<K extends string, T extends { readonly [key in K]: Decimal }>(items: readonly T[], key: K): Decimal {
  let total = ZERO;
  for (const item of items) total = total.plus(item[key]);
  return total;
}

/**
 * The outflows the reserve rule reads at month index `t`: the next `reserveMonths` months' (of fund type index `k`, or
 * of the whole fund), or this month's where none follow.
 */
function nextOutflows(c: PreparedRunContext, flows: readonly (readonly MonthlyFlow[])[], totalOutflow: readonly Decimal[], t: number, k: number | undefined): Decimal[] {
  const out: Decimal[] = [];
  for (let j = t + 1; j < c.months.length && out.length < c.reserveMonths; j++) out.push(k === undefined ? totalOutflow[j]! : flows[j]![k]!.outflow);
  if (out.length === 0) out.push(k === undefined ? totalOutflow[t]! : flows[t]![k]!.outflow);
  return out;
}

/** The path by month and fund type (the last row wins where one repeats, as in indexFlows); undefined where one is missing. */
function flowGrid(c: PreparedRunContext, flowPath: readonly MonthlyFlow[]): MonthlyFlow[][] | undefined {
  const grid: Array<Array<MonthlyFlow | undefined>> = c.months.map(() => c.fundTypes.map(() => undefined));
  for (const f of flowPath) {
    const t = c.monthIndexOf.get(f.month);
    const k = c.ftIndex.get(f.fundType);
    if (t !== undefined && k !== undefined) grid[t]![k] = f;
  }
  return grid.every((row) => row.every((f) => f !== undefined)) ? (grid as MonthlyFlow[][]) : undefined;
}

/** One run of a prepared ledger on a flow path: {@link PreparedLedger.run}. */
function runPrepared(ctx: PreparedRunContext, flowPath: readonly MonthlyFlow[]): Result<LedgerReport> {
  const { scenario, round, fundTypes, horizonStart, horizonEnd, placementIssues, startFindings, settlement, sideTotal, sideByFt, openingCash, openingCashByFt, prepared, closed } = ctx;
  const { byProduct, byBank, byFundType, accruedAtStart, positionsAccruedAtEnd, realisable, sideAccruedAtEnd, openPositions } = ctx;
  const flows = flowGrid(ctx, flowPath);
  if (!flows) {
    // A path with holes: runLedger's own answer (the same issues), since the grid only says that there are holes.
    const flowIndex = indexFlows(scenario, flowPath);
    if (!flowIndex.ok) return flowIndex;
    throw new Error('prepareLedger: the flow grid and indexFlows disagree about a complete path');
  }
  // Plain loops, no callbacks, in the run: it runs on every path, and callbacks made in it lost their optimized code at
  // each full garbage collection between a sweep's points (docs/sweep.md §6).
  // Each month's flows summed over fund types (runLedger adds them up as it posts: the same values, exactly).
  const totalInflow: Decimal[] = [];
  const totalOutflow: Decimal[] = [];
  for (const row of flows) {
    let inflow = ZERO;
    let outflow = ZERO;
    for (const f of row) {
      inflow = inflow.plus(f.inflow);
      outflow = outflow.plus(f.outflow);
    }
    totalInflow.push(inflow);
    totalOutflow.push(outflow);
  }
  const cash: CashAccount[] = [];
  // Whether each settlement account's cash may be below zero (isNeg: also −0, which cashNotNegative then lets pass).
  const negative: boolean[] = [];
  // Per settlement account: its first demand credit (place in posting order) and their sum, for the breakdowns.
  const demandCredits: Array<Tally | undefined> = [];
  for (const s of settlement) {
    const acct = new CashAccount(s.account, s.bank, s.account.openingBalance, horizonStart);
    cash.push(acct);
    negative.push(acct.cash.isNeg());
    demandCredits.push(undefined);
  }
  const issues: DomainIssue[] = [...placementIssues];
  const findings: DomainIssue[] = [...startFindings];
  const monthsOut: LedgerMonth[] = [];
  let monthOpeningCash = openingCash;
  const monthOpeningByFt = [...openingCashByFt];

  for (const [monthIndex, pm] of prepared.entries()) {
    const month = pm.month;
    const row = flows[monthIndex]!;
    const demandByFt: Decimal[] = [];
    for (let k = 0; k < fundTypes.length; k++) demandByFt.push(ZERO);
    const demandPostings: InterestPosting[] = [];
    let demandReceived = ZERO;
    const inflows = totalInflow[monthIndex]!;
    const outflows = totalOutflow[monthIndex]!;
    for (const day of pm.days) {
      const date = day.date;
      for (const { ft, amounts } of day.posts) {
        for (const amount of amounts) cash[ft]!.post(date, amount);
        negative[ft] = cash[ft]!.cash.isNeg();
      }
      if (day.credit) {
        for (const [k, acct] of cash.entries()) {
          const due = acct.settle(date, pm.settles!);
          const amount = round(due.interest);
          if (amount.isZero()) continue;
          const posting: InterestPosting = withFormulaOnRead({ date, product: acct.account.agreed ? ('agreedDeposit' as const) : ('demandDeposit' as const), bankId: acct.account.bankId, fundType: fundTypes[k]!, amount, sourceId: acct.account.id }, () => due.formula);
          demandPostings.push(posting);
          const before = demandCredits[k];
          demandCredits[k] = before ? { first: before.first, total: before.total.plus(amount) } : { first: pm.creditSeq + k, total: amount };
          demandReceived = demandReceived.plus(amount);
          acct.post(date, amount);
          negative[k] = acct.cash.isNeg();
          demandByFt[k] = demandByFt[k]!.plus(amount);
        }
      }
      if (day.inflow || day.outflow) {
        for (const [k, acct] of cash.entries()) {
          const f = row[k]!;
          acct.post(date, day.inflow && day.outflow ? f.inflow.minus(f.outflow) : day.inflow ? f.inflow : f.outflow.negated());
          negative[k] = acct.cash.isNeg();
        }
      }
      // cashNotNegative on every event day, for every fund type (runLedger's order); only a negative balance can break it.
      for (let k = 0; k < negative.length; k++) {
        if (!negative[k]) continue;
        const issue = cashNotNegative(month, date, fundTypes[k]!, cash[k]!.cash);
        if (issue) issues.push(issue);
      }
    }

    // Month end.
    let closingCash = ZERO;
    for (const c of cash) closingCash = closingCash.plus(c.cash);
    closingCash = closingCash.plus(sideTotal);
    const reserve: Array<{ scope: string; liquid: Decimal; required: Decimal }> = [];
    if (scenario.policy.keepFundTypesApart) {
      for (let k = 0; k < fundTypes.length; k++) reserve.push({ scope: fundTypes[k]!, liquid: cash[k]!.cash.plus(pm.liquidPlacedByFt[k]!), required: reserveRequirement(scenario.policy.reserve, nextOutflows(ctx, flows, totalOutflow, monthIndex, k)) });
    } else {
      reserve.push({ scope: 'total', liquid: closingCash.plus(pm.callAndAgreed), required: reserveRequirement(scenario.policy.reserve, nextOutflows(ctx, flows, totalOutflow, monthIndex, undefined)) });
    }
    // Where every reserve is held the reserve check adds nothing, and the other checks do not depend on the path.
    let held = true;
    for (const r of reserve) if (!r.liquid.gte(r.required)) held = false;
    const checked = held ? pm.checkedWithoutReserve : checkMonthEnd({ ...pm.state, reserve }, scenario);
    issues.push(...checked.issues);
    findings.push(...checked.findings);

    let demandBalanceDays = pm.sideBalanceDays;
    for (const acct of cash) demandBalanceDays = demandBalanceDays.plus(acct.takeBalanceDays(pm.monthEnd));
    const byFundTypeMonth: Partial<Record<FundType, FundTypeMonth>> = {};
    for (const [k, ft] of fundTypes.entries()) {
      const c = cash[k]!.cash;
      const closing = plus(c, sideByFt[k]!);
      byFundTypeMonth[ft] = {
        openingCash: monthOpeningByFt[k]!,
        inflow: row[k]!.inflow,
        outflow: row[k]!.outflow,
        placed: pm.placedByFt[k]!,
        matured: pm.maturedByFt[k]!,
        interest: plus(pm.interestByFt[k]!, demandByFt[k]!),
        closingCash: closing,
        closingLiquid: plus(c, pm.liquidPlacedByFt[k]!),
        closingTotal: plus(c, pm.positionsByFt[k]!),
      };
      monthOpeningByFt[k] = closing;
    }
    monthsOut.push({
      month,
      openingCash: monthOpeningCash,
      openingTotal: monthOpeningCash.plus(pm.bookAtStart),
      inflows,
      outflows,
      placed: pm.placed,
      matured: pm.matured,
      interestReceived: pm.interestReceived.plus(demandReceived),
      closingCash,
      closingCallAndAgreed: pm.callAndAgreed,
      closingTimeDeposits: pm.timeDeposits,
      closingBonds: pm.bonds,
      closingLiquid: closingCash.plus(pm.callAndAgreed),
      closingTotal: closingCash.plus(pm.bookAtEnd),
      reserveRequired: reserve.length === 1 ? reserve[0]!.required : sumOf(reserve, 'required'),
      demandBalanceDays,
      interest: [...pm.postingsBefore, ...demandPostings, ...pm.postingsAfter],
      byFundType: byFundTypeMonth,
      holdings: [...pm.holdings],
      timeDepositsByBank: new Map(pm.timeDepositsByBank),
      trancheByBank: new Map(pm.tranche),
    });
    monthOpeningCash = closingCash;
  }

  // Horizon end: liquid money the policy asks to have in hand, as runLedger checks it (policy.liquidAtEnd, docs/optimizer.md §5.11).
  const lastMonthOut = monthsOut.at(-1);
  if (lastMonthOut && scenario.policy.liquidAtEnd) {
    const issue = liquidAtEndHeld(lastMonthOut.month, lastMonthOut.closingLiquid, scenario.policy.liquidAtEnd);
    if (issue) issues.push(issue);
  }

  let accruedAtEnd = positionsAccruedAtEnd;
  for (const acct of cash) accruedAtEnd = accruedAtEnd.plus(round(acct.accruedTo(horizonEnd)));
  accruedAtEnd = accruedAtEnd.plus(sideAccruedAtEnd);
  const interestReceived = sumOf(monthsOut, 'interestReceived');
  const first = monthsOut[0];
  const last = monthsOut.at(-1);
  return {
    ok: true,
    value: {
      months: monthsOut,
      issues,
      findings,
      openPositions: [...openPositions],
      closedPositions: [...closed],
      totals: {
        openingTotal: first?.openingTotal ?? ZERO,
        closingTotal: last?.closingTotal ?? ZERO,
        inflows: sumOf(monthsOut, 'inflows'),
        outflows: sumOf(monthsOut, 'outflows'),
        interestReceived,
        accruedAtEnd,
        accruedAtStart,
        interestEarned: interestReceived.plus(accruedAtEnd).minus(accruedAtStart),
        realisableOnOpenPositions: realisable,
        interestByProduct: inPostingOrder(byProduct, demandCredits, ctx.productOfSettlement),
        interestByBank: inPostingOrder(byBank, demandCredits, ctx.bankOfSettlement),
        interestByFundType: inPostingOrder(byFundType, demandCredits, fundTypes),
      },
    },
  };
}
