import {
  type Decimal, type FundType, type IsoDate, type MonthKey, type MonthlyFlow, type PlaceableKind, type Position, type Scenario, type ResolvedPlacement,
  TERM_DEPOSIT_KINDS, ZERO, dec, accruedOn, addMonthsToDate, addMonthsToKey, bondYieldOn, compareDates, dayOfMonth, firstDayOfMonth, indexFlows, indexScenario, interestDue,
  minimumAmountOf, monthKeyRange, offeredTerms, paymentDates, positionFromHolding, positionFromPlacement, quotedRate, rateOn, reserveRequirement, actualDaysBetween, monthOfDate, sum,
} from '@fundladder/core';

/**
 * The least the optimizer places in one placement of a product (yuan): the product's minimum from core's
 * rule (`minimumAmountOf`: CD lot, call deposit, time deposit), and for bonds, which the rules give none,
 * a time deposit's minimum, so that no crumb of an LP point becomes a bond purchase.
 */
export function minimumPlacementYuan(scenario: Scenario, product: PlaceableKind): number {
  return (minimumAmountOf(product, scenario.products)?.minimum ?? scenario.products.timeDeposit.minimumAmount).toNumber();
}

/** Yuan (Decimal) → 万元 as a float: the one conversion into the LP's units. */
export function yuanToWanFloat(yuan: Decimal): number {
  return yuan.div(10_000).toNumber();
}

/** Products the LP places. Call deposits are held one month; agreed and 1-day call deposits are left to the accounts (docs/optimizer.md). */
export const LP_PRODUCTS: readonly PlaceableKind[] = ['timeDeposit', 'largeCd', 'callDeposit7d', 'govBond'];
const CALL_HOLD_MONTHS = 1;

/** One way to place money: a product and term at a bank (or a bond term), placeable in some months. */
export interface PlacementOption {
  /** `icbc/timeDeposit/12` or `bond/36`. */
  readonly id: string;
  readonly product: PlaceableKind;
  readonly bankId: string | undefined;
  readonly termMonths: number;
  /** Per month index t: the rate in force on that month's placement day, or undefined when not placeable then. */
  readonly rateByMonth: ReadonlyArray<Decimal | undefined>;
  /** Coupon frequency (bonds). */
  readonly couponFrequency: number;
  /** Per month index: interest earned in the horizon per 万元 placed (paid inside it + accrued at its end), from core's rules. */
  readonly valuePerWan: ReadonlyArray<number>;
  /** Per month index: interest paid at maturity per 万元 when it matures inside the horizon (0 if it does not). */
  readonly paidAtMaturityPerWan: ReadonlyArray<number>;
  /** Time deposits and CDs: count toward the bank caps. */
  readonly isTimeDeposit: boolean;
  /** Call deposits count as liquid. */
  readonly isLiquid: boolean;
  /** The product's minimum amount in 万元 where a split or a small amount would break a rule (CDs, call deposits); 0 otherwise. */
  readonly lotWan: number;
  /**
   * Per month index: the index of the large-CD option at the same bank and term that pays at least as much
   * that month, for a time deposit (so the time deposit is weakly dominated: same caps, same liquidity, same
   * maturity, no more interest); undefined otherwise. Such a column is left out of the LP until a round
   * switches its CD off for the lot (docs/optimizer.md §3.1). Its coefficients are computed only then
   * ({@link ensureCoefficients}).
   */
  readonly dominatedBy: ReadonlyArray<number | undefined>;
}

/** Why a bank or product gets no new money: said to the user, never silent. */
export interface Exclusion {
  readonly bankId?: string;
  readonly product?: PlaceableKind;
  readonly termMonths?: number;
  readonly rule: string;
  /** The fact the rule compared, as text: the last month a term can be placed in, the count of quotes below the minimum. */
  readonly received?: string;
  /** The rule's bound, as text: the maximum term in months, the horizon's end day, the minimum quote. */
  readonly limit?: string;
  /** Plain-English fallback text; the apps word exclusions from the facts (docs/app.md §3). */
  readonly reason: string;
}

/**
 * The key of the LP's cash dimension: a fund type, or {@link POOLED} for the whole fund in the pooled
 * first stage (docs/optimizer.md §13).
 */
export const POOLED = 'pooled' as const;
export type FundKey = FundType | typeof POOLED;

/** Everything the LP needs, in 万元 floats, prepared once from a validated scenario and a flow path. */
export interface LadderData {
  readonly scenario: Scenario;
  readonly months: readonly MonthKey[];
  readonly placementDays: readonly IsoDate[];
  readonly horizonEnd: IsoDate;
  /** The cash dimension: every fund type, or just {@link POOLED} (see {@link poolFundTypes}). */
  readonly fundTypes: readonly FundKey[];
  readonly options: readonly PlacementOption[];
  readonly exclusions: readonly Exclusion[];
  /** Per fund type: settlement cash at the start (万元). */
  readonly openingCash: ReadonlyMap<FundKey, number>;
  /** Per fund type and month: inflow − outflow (万元). */
  readonly netFlow: ReadonlyMap<FundKey, readonly number[]>;
  /** Per month: total outflow (万元). */
  readonly outflow: readonly number[];
  /** Per fund type and month: existing holdings' principal + interest arriving by that month's placement day (万元). */
  readonly existingCash: ReadonlyMap<FundKey, readonly number[]>;
  /** Per bank and month: existing time deposits + CDs outstanding at month end (万元). */
  readonly existingTimeDeposits: ReadonlyMap<string, readonly number[]>;
  /** Per month: existing bonds and existing call deposits outstanding at month end (万元). */
  readonly existingBonds: readonly number[];
  readonly existingLiquid: readonly number[];
  /** Balances of the non-settlement accounts (周转金), constant (万元). */
  readonly sideBalance: number;
  /**
   * Per fund type and month: its own part of the reserve (万元) — what the policy's rule asks of its own
   * next months' payouts, scaled so the parts add up to `reserve` — and the liquid money it holds outside the
   * plan (its 周转金 accounts and existing call/agreed holdings). Used by the split stage (model/split.ts).
   */
  readonly reserveByFund: ReadonlyMap<FundType, readonly number[]>;
  readonly liquidOutsideByFund: ReadonlyMap<FundType, readonly number[]>;
  /**
   * Per month: existing holdings' principal and interest that arrive after that month's placement day and by its end
   * (万元), in total and per fund type. The cash rows count them from the next month (they cannot be placed on a day
   * before they arrive), but at the month's end they are cash, and the ledger's reserve counts them: the reserve rows
   * add them to the liquid side (§5.2).
   */
  readonly lateCash: readonly number[];
  readonly lateCashByFund: ReadonlyMap<FundType, readonly number[]>;
  /** Per fund type and month: the settlement account's demand rate × days to the next placement day / 360 (interest per 万元 held). */
  readonly demandValuePerWan: ReadonlyMap<FundKey, readonly number[]>;
  /** Per month: the reserve the policy asks for at month end (万元). */
  readonly reserve: readonly number[];
  /** Interest that does not depend on the plan (existing holdings, 周转金 accounts, agreed-deposit base adjustment), 万元. */
  readonly constantInterest: number;
  /** Everything the fund could ever place (opening money + all inflows + existing holdings), 万元: the upper bound of lot columns. */
  readonly resourcesWan: number;
  /** Local general deposits per bank (万元), for cap B. */
  readonly localDeposits: ReadonlyMap<string, number>;
  /**
   * Pooled stage only: the pool's cash split into one tier per fund type, each valued at that fund type's
   * demand value and capped by the most that fund type's cash can be in any plan (see {@link poolFundTypes}).
   */
  /** Computes option i's coefficients for month t if they were left out (a dominated column brought back). */
  readonly ensureCoefficients: (i: number, t: number) => void;
  readonly cashTiers?: ReadonlyArray<{ readonly fundType: FundType; readonly value: readonly number[]; readonly upper: readonly number[]; readonly lower?: readonly number[] }>;
  /**
   * Safe plans (model/safety.ts, docs/optimizer.md §16): per cash key and month, the least cash after the
   * month's placements (万元), so that the plan pays on its day on the kept forecast paths. Absent: 0.
   */
  readonly cashFloor?: ReadonlyMap<FundKey, readonly number[]>;
  /** The whole fund's floor per month, for the pooled stage (the sum of the fund types' floors, or the pool's own). */
  readonly poolCashFloor?: readonly number[];
}

/** The probe placement's principal: 1万元, so a coefficient is the probe's interest in yuan / 10,000. */
const PROBE_YUAN = dec(10_000);

function probePosition(scenario: Scenario, option: { product: PlaceableKind; bankId: string | undefined; termMonths: number; couponFrequency: number }, month: MonthKey, rate: Decimal): Position {
  const placement: ResolvedPlacement = { index: -1, month, product: option.product, termMonths: option.termMonths, bankId: option.bankId, fundType: undefined, amount: PROBE_YUAN, annualRate: rate, couponFrequency: option.couponFrequency, bondKind: 'bookEntry' };
  return positionFromPlacement(placement, scenario.fundTypes[0]!, placement.amount, scenario);
}

/**
 * The interest one position earns inside the horizon: payments before the horizon end plus, if it
 * outlives the horizon, its accrued interest at the end — the same functions the ledger uses, so the
 * LP's coefficients and the ledger cannot disagree beyond rounding.
 */
export function earnedInHorizon(pos: Position, scenario: Scenario, horizonStart: IsoDate, horizonEnd: IsoDate): { earned: Decimal; paidAtMaturity: Decimal; accruedAtStart: Decimal } {
  let earned = ZERO;
  let paidAtMaturity = ZERO;
  for (const d of paymentDates(pos)) {
    if (compareDates(d, horizonStart) < 0 || compareDates(d, horizonEnd) >= 0) continue;
    const due = interestDue(pos, d, scenario).interest;
    earned = earned.plus(due);
    if (d === pos.maturityDate) paidAtMaturity = due;
  }
  if (compareDates(pos.maturityDate, horizonEnd) >= 0) earned = earned.plus(accruedOn(pos, horizonEnd));
  const accruedAtStart = compareDates(pos.startDate, horizonStart) < 0 ? accruedOn(pos, horizonStart) : ZERO;
  return { earned: accruedAtStart.isZero() ? earned : earned.minus(accruedAtStart), paidAtMaturity, accruedAtStart };
}

/**
 * The key under which a probe's coefficients may be shared between placement days, or undefined when they
 * may not: a time deposit or CD under 30/360 that matures inside the horizon earns P × r × months/12
 * whatever its start (F3), and a bond whose every coupon falls inside the horizon pays them all (face × rate
 * / frequency each, or the whole term at maturity); anything that outlives the horizon (accrued to its end),
 * a call deposit (the rate on the withdrawal day, actual days) or an actual-day basis depends on the dates.
 * `prepareLadderData.test.ts` checks, on random scenarios, that sharing changes no coefficient.
 */
function probeKey(pos: Pick<Position, 'product' | 'termMonths' | 'couponFrequency' | 'annualRate' | 'basis' | 'maturityDate'>, horizonEnd: IsoDate): string | undefined {
  if (compareDates(pos.maturityDate, horizonEnd) >= 0) return undefined;
  if ((pos.product === 'timeDeposit' || pos.product === 'largeCd') && pos.basis === 'thirty360') return `${pos.product}|${pos.termMonths}|${pos.annualRate.toString()}`;
  if (pos.product === 'govBond') return `bond|${pos.termMonths}|${pos.couponFrequency}|${pos.annualRate.toString()}`;
  return undefined;
}

/**
 * Prepares the LP's data from a validated scenario and a flow path (default: the scenario's flows).
 * @param extraReserve - per month, a reserve (yuan) that must also hold, e.g. from the forecast's quantile
 */
export function prepareLadderData(scenario: Scenario, flows: readonly MonthlyFlow[] = scenario.flows, extraReserve?: readonly Decimal[], options_: { reuseCoefficients?: boolean } = {}): LadderData {
  const lookup = indexScenario(scenario);
  const flowIndex = indexFlows(scenario, flows);
  if (!flowIndex.ok) throw new Error('prepareLadderData: flows must cover the horizon (check with indexFlows first)');
  const byKey = flowIndex.value;
  const T = scenario.horizonMonths;
  const months = monthKeyRange(scenario.startMonth, addMonthsToKey(scenario.startMonth, T - 1));
  const placementDays = months.map((m) => dayOfMonth(m, scenario.timing.placementDay));
  const horizonStart = firstDayOfMonth(scenario.startMonth);
  const horizonEnd = firstDayOfMonth(addMonthsToKey(scenario.startMonth, T));
  const policy = scenario.policy;
  const exclusions: Exclusion[] = [];

  // Options: every product and term each eligible bank quotes, and every bond term with a yield.
  const options: PlacementOption[] = [];
  // policy.horizonEnd 'matureWithin' (docs/optimizer.md §4): a new placement must mature on or before H, so a month whose
  // placement day plus the term falls after H gets no column for that term (the ledger's matureWithinHorizon).
  const matureWithin = policy.horizonEnd === 'matureWithin';
  const maturesAfterEnd = (t: number, termMonths: number) => compareDates(addMonthsToDate(placementDays[t]!, termMonths), horizonEnd) > 0;
  const makeOption = (product: PlaceableKind, bankId: string | undefined, termMonths: number, rateAt: (t: number) => Decimal | undefined, couponFrequency: number) => {
    const rateByMonth = months.map((_, t) => (matureWithin && maturesAfterEnd(t, termMonths) ? undefined : rateAt(t)));
    if (rateByMonth.every((r) => r === undefined)) return;
    // Coefficients are filled in below, once dominance is known (NaN: not computed).
    options.push({ id: bankId ? `${bankId}/${product}/${termMonths}` : `bond/${termMonths}`, product, bankId, termMonths, rateByMonth, couponFrequency, valuePerWan: months.map(() => NaN), paidAtMaturityPerWan: months.map(() => NaN), isTimeDeposit: TERM_DEPOSIT_KINDS.includes(product), isLiquid: product === 'callDeposit7d', lotWan: product === 'largeCd' || product === 'callDeposit7d' ? minimumPlacementYuan(scenario, product) / 10_000 : 0, dominatedBy: months.map(() => undefined) });
  };
  for (const product of LP_PRODUCTS) {
    if (!policy.allowedProducts.includes(product)) {
      exclusions.push({ product, rule: 'productAllowed', reason: `the policy does not allow ${product}` });
      continue;
    }
    const terms = product === 'callDeposit7d' ? [CALL_HOLD_MONTHS] : (offeredTerms(scenario, product) ?? []);
    for (const termMonths of terms) {
      if (termMonths > policy.maxTermMonths) {
        exclusions.push({ product, termMonths, rule: 'maxTerm', limit: String(policy.maxTermMonths), reason: `${termMonths} months is longer than the policy's maximum of ${policy.maxTermMonths}` });
        continue;
      }
      if (matureWithin) {
        const placeable = months.filter((_, t) => !maturesAfterEnd(t, termMonths));
        if (placeable.length < T) {
          const last = placeable.at(-1);
          exclusions.push({ product, termMonths, rule: 'matureWithinHorizon', ...(last ? { received: last } : {}), limit: horizonEnd, reason: last ? `a ${termMonths}-month ${product} placed after ${last} would mature after the horizon end ${horizonEnd} (policy.horizonEnd is 'matureWithin')` : `a ${termMonths}-month ${product} placed in any month would mature after the horizon end ${horizonEnd} (policy.horizonEnd is 'matureWithin')` });
        }
      }
      if (product === 'govBond') {
        const couponFrequency = scenario.bondYields.find((y) => y.termMonths === termMonths)?.couponFrequency ?? 0;
        makeOption(product, undefined, termMonths, (t) => bondYieldOn(scenario, termMonths, placementDays[t]!)?.annualRate, couponFrequency);
        continue;
      }
      for (const bank of scenario.banks) {
        if (bank.status !== 'eligible') continue;
        makeOption(product, bank.id, termMonths, (t) => {
          const rate = quotedRate(bank, product, product === 'callDeposit7d' ? undefined : termMonths, placementDays[t]!);
          if (rate && policy.minQuoteRate && rate.lt(policy.minQuoteRate)) return undefined;
          return rate;
        }, 0);
      }
    }
  }
  // A time deposit is weakly dominated in month t by the large CD at the same bank and term paying at least as much.
  options.forEach((o) => {
    if (o.product !== 'timeDeposit') return;
    const cd = options.findIndex((c) => c.product === 'largeCd' && c.bankId === o.bankId && c.termMonths === o.termMonths);
    if (cd < 0) return;
    const dominatedBy = o.dominatedBy as Array<number | undefined>;
    o.rateByMonth.forEach((rate, t) => {
      const cdRate = options[cd]!.rateByMonth[t];
      if (rate && cdRate && cdRate.gte(rate)) dominatedBy[t] = cd;
    });
  });
  // Probes whose interest cannot depend on the placement day are computed once and reused (see probeKey).
  const reuse = options_.reuseCoefficients ?? true;
  const computed = new Map<string, { value: number; paid: number }>();
  const basisOf = new Map(scenario.banks.map((b) => [b.id, b.conventions.dayBasis]));
  const coefficientsOf = (o: PlacementOption, t: number) => {
    const rate = o.rateByMonth[t]!;
    // The key from what the probe would be (same maturity and basis as positionFromPlacement; the property
    // test compares with probes built every time), so a shared probe is not even built.
    const key = reuse ? probeKey({ product: o.product, termMonths: o.termMonths, couponFrequency: o.couponFrequency, annualRate: rate, basis: (o.bankId && basisOf.get(o.bankId)) || 'thirty360', maturityDate: addMonthsToDate(placementDays[t]!, o.termMonths) }, horizonEnd) : undefined;
    let c = key ? computed.get(key) : undefined;
    if (!c) {
      const pos = probePosition(scenario, o, months[t]!, rate);
      const e = earnedInHorizon(pos, scenario, horizonStart, horizonEnd);
      // Exact interest on the 1万元 probe, in yuan; the LP's coefficient is its float in 万元 per 万元.
      c = { value: e.earned.toNumber() / 10_000, paid: e.paidAtMaturity.toNumber() / 10_000 };
      if (key) computed.set(key, c);
    }
    (o.valuePerWan as number[])[t] = c.value;
    (o.paidAtMaturityPerWan as number[])[t] = c.paid;
  };
  for (const o of options) {
    o.rateByMonth.forEach((rate, t) => {
      if (!rate) {
        (o.valuePerWan as number[])[t] = 0;
        (o.paidAtMaturityPerWan as number[])[t] = 0;
      } else if (o.dominatedBy[t] === undefined) coefficientsOf(o, t);
    });
  }

  for (const bank of scenario.banks) {
    if (bank.status !== 'eligible') exclusions.push({ bankId: bank.id, rule: 'suspendedBankNoNewMoney', reason: `bank ${bank.id} is suspended${bank.suspendedReason ? ` (${bank.suspendedReason})` : ''}: no new money` });
    else if (policy.minQuoteRate) {
      const below = bank.quotes.filter((q) => q.annualRate.lt(policy.minQuoteRate!) && LP_PRODUCTS.includes(q.product as PlaceableKind));
      if (below.length) exclusions.push({ bankId: bank.id, rule: 'minQuoteRate', received: String(below.length), limit: policy.minQuoteRate.toString(), reason: `${below.length} of bank ${bank.id}'s quotes are below the minimum quote ${policy.minQuoteRate.toString()}` });
    }
  }

  // Flows and reserve.
  const fundTypes = scenario.fundTypes;
  const netFlow = new Map<FundType, number[]>();
  for (const ft of fundTypes) netFlow.set(ft, months.map((m) => yuanToWanFloat(byKey.get(`${m}/${ft}`)!.inflow.minus(byKey.get(`${m}/${ft}`)!.outflow))));
  const outflowYuan = months.map((m) => sum(fundTypes.map((ft) => byKey.get(`${m}/${ft}`)!.outflow)));
  const reserve = months.map((_, t) => {
    const next = outflowYuan.slice(t + 1);
    const required = reserveRequirement(policy.reserve, next.length ? next : [outflowYuan[t]!]);
    const extra = extraReserve?.[t];
    return yuanToWanFloat(extra && extra.gt(required) ? extra : required);
  });

  // Each fund type's own part of the reserve: the rule applied to its own payouts, scaled to the total.
  const ownReserve = new Map<FundType, number[]>(fundTypes.map((ft) => {
    const out = months.map((m) => byKey.get(`${m}/${ft}`)!.outflow);
    return [ft, months.map((_, t) => yuanToWanFloat(reserveRequirement(policy.reserve, out.slice(t + 1).length ? out.slice(t + 1) : [out[t]!])))];
  }));
  const reserveByFund = new Map<FundType, number[]>(fundTypes.map((ft) => [ft, months.map((_, t) => {
    const own = fundTypes.reduce((acc, f) => acc + ownReserve.get(f)![t]!, 0);
    return own > 0 ? (ownReserve.get(ft)![t]! * reserve[t]!) / own : reserve[t]! / fundTypes.length;
  })]));
  const liquidOutsideByFund = new Map<FundType, number[]>(fundTypes.map((ft) => [ft, months.map(() => 0)]));

  // Existing holdings: cash they bring (by placement day), what they keep outstanding, and the interest they earn.
  const existingCash = new Map<FundType, number[]>(fundTypes.map((ft) => [ft, months.map(() => 0)]));
  const existingTimeDeposits = new Map<string, number[]>();
  const existingBonds = months.map(() => 0);
  const existingLiquid = months.map(() => 0);
  let constantInterest = ZERO;
  const monthIndexForCash = (d: IsoDate): number => {
    // Money arriving on or before month t's placement day is placeable in month t; later, in t + 1.
    for (let t = 0; t < months.length; t++) if (compareDates(d, placementDays[t]!) <= 0) return t;
    return months.length;
  };
  const nextMonthStarts = months.map((m) => firstDayOfMonth(addMonthsToKey(m, 1)));
  const monthIndex = new Map<string, number>(months.map((m, t) => [m, t]));
  const lateCash = months.map(() => 0);
  const lateCashByFund = new Map<FundType, number[]>(fundTypes.map((ft) => [ft, months.map(() => 0)]));
  for (const h of scenario.holdings) {
    const pos = positionFromHolding(h, scenario);
    if (compareDates(pos.maturityDate, horizonStart) < 0) continue;
    const e = earnedInHorizon(pos, scenario, horizonStart, horizonEnd);
    constantInterest = constantInterest.plus(e.earned);
    for (const d of paymentDates(pos)) {
      if (compareDates(d, horizonStart) < 0 || compareDates(d, horizonEnd) >= 0) continue;
      const t = monthIndexForCash(d);
      let amount = interestDue(pos, d, scenario).interest;
      if (d === pos.maturityDate) amount = amount.plus(pos.principal);
      // Arriving after its own month's placement day (the last month's too): placeable next month, but cash at this
      // month's end.
      const own = monthIndex.get(monthOfDate(d));
      if (own !== undefined && own < t) {
        lateCash[own] = lateCash[own]! + yuanToWanFloat(amount);
        const row = lateCashByFund.get(pos.fundType)!;
        row[own] = row[own]! + yuanToWanFloat(amount);
      }
      if (t >= months.length) continue;
      const cashRow = existingCash.get(pos.fundType)!;
      cashRow[t] = cashRow[t]! + yuanToWanFloat(amount);
    }
    const wan = yuanToWanFloat(pos.principal);
    months.forEach((_, t) => {
      if (compareDates(pos.maturityDate, nextMonthStarts[t]!) < 0) return;
      if (TERM_DEPOSIT_KINDS.includes(pos.product) && pos.bankId) {
        const row = existingTimeDeposits.get(pos.bankId) ?? months.map(() => 0);
        row[t] = row[t]! + wan;
        existingTimeDeposits.set(pos.bankId, row);
      } else if (pos.product === 'govBond') existingBonds[t] = existingBonds[t]! + wan;
      else {
        existingLiquid[t] = existingLiquid[t]! + wan;
        const own = liquidOutsideByFund.get(pos.fundType)!;
        own[t] = own[t]! + wan;
      }
    });
  }

  // Demand interest per 万元 held in each fund type's settlement account from one placement day to the next.
  const demandValuePerWan = new Map<FundType, number[]>();
  const openingCash = new Map<FundType, number>();
  let sideBalanceYuan = ZERO;
  for (const ft of fundTypes) {
    const account = lookup.settlementAccount.get(ft)!;
    openingCash.set(ft, yuanToWanFloat(account.openingBalance));
    const bank = lookup.banks.get(account.bankId);
    const yearDays = bank?.conventions.dayBasis === 'actual365' ? 365 : 360;
    demandValuePerWan.set(ft, months.map((_, t) => {
      const from = placementDays[t]!;
      const to = t + 1 < months.length ? placementDays[t + 1]! : horizonEnd;
      const rate = (account.agreed ? rateOn(account.agreed.agreedRates, from) : rateOn(account.contractRates, from)) ?? ZERO;
      return rate.times(actualDaysBetween(from, to)).div(yearDays).toNumber();
    }));
    if (account.agreed) {
      // The base earns the demand rate, not the agreed rate: a constant correction (assumes the balance stays above the base).
      months.forEach((_, t) => {
        const from = placementDays[t]!;
        const to = t + 1 < months.length ? placementDays[t + 1]! : horizonEnd;
        const gap = (rateOn(account.agreed!.agreedRates, from) ?? ZERO).minus(rateOn(account.contractRates, from) ?? ZERO);
        constantInterest = constantInterest.minus(account.agreed!.baseAmount.times(gap).times(actualDaysBetween(from, to)).div(yearDays));
      });
    }
    for (const a of scenario.accounts) {
      if (a.fundType !== ft || a === account) continue;
      sideBalanceYuan = sideBalanceYuan.plus(a.openingBalance);
      const sideWan = yuanToWanFloat(a.openingBalance);
      liquidOutsideByFund.set(ft, liquidOutsideByFund.get(ft)!.map((x) => x + sideWan));
      const b = lookup.banks.get(a.bankId);
      const yd = b?.conventions.dayBasis === 'actual365' ? 365 : 360;
      constantInterest = constantInterest.plus(a.openingBalance.times(rateOn(a.contractRates, horizonStart) ?? ZERO).times(actualDaysBetween(horizonStart, horizonEnd)).div(yd));
    }
  }

  return {
    ensureCoefficients: (i: number, t: number) => {
      const o = options[i]!;
      if (o.rateByMonth[t] && Number.isNaN(o.valuePerWan[t])) coefficientsOf(o, t);
    },
    scenario,
    months,
    placementDays,
    horizonEnd,
    fundTypes,
    options,
    exclusions,
    openingCash,
    netFlow,
    outflow: outflowYuan.map(yuanToWanFloat),
    existingCash,
    existingTimeDeposits,
    existingBonds,
    existingLiquid,
    sideBalance: yuanToWanFloat(sideBalanceYuan),
    reserveByFund,
    liquidOutsideByFund,
    lateCash,
    lateCashByFund,
    demandValuePerWan,
    reserve,
    constantInterest: yuanToWanFloat(constantInterest),
    localDeposits: new Map(scenario.banks.map((b) => [b.id, yuanToWanFloat(b.localGeneralDeposits)])),
    resourcesWan: yuanToWanFloat(sum(scenario.accounts.map((a) => a.openingBalance)).plus(sum(flows.map((f) => f.inflow))).plus(sum(scenario.holdings.map((h) => h.principal)))) + 1,
  };
}

/**
 * The whole fund as one cash pool: the first stage of the two-stage solve (docs/optimizer.md §13).
 * Opening cash, net flows and existing holdings' returns are summed over the fund types. The pool's cash
 * is split into tiers, one per fund type, each earning that fund type's demand value and capped by the
 * most that fund type's cash can ever be: its own money so far (opening + net flows + existing
 * returns, at least 0) plus the interest its placements could have brought back, at most the largest
 * own balance so far grown at the best quoted rate compounded monthly, (1 + r/12)^(t+1) − 1 (no
 * product pays more than r/12 of its principal a month). Every per-fund-type plan
 * satisfies these caps, so the pooled LP is a relaxation of the per-fund-type LP and its optimum an
 * upper bound; the caps keep the pool from valuing all its cash at the best fund type's rate.
 */
export function poolFundTypes(data: LadderData): LadderData {
  const T = data.months.length;
  const total = (m: ReadonlyMap<FundKey, readonly number[]>) => Array.from({ length: T }, (_, t) => data.fundTypes.reduce((acc, ft) => acc + m.get(ft)![t]!, 0));
  let bestRate = 0;
  for (const o of data.options) for (const r of o.rateByMonth) if (r) bestRate = Math.max(bestRate, r.toNumber());
  const cashTiers = (data.fundTypes as readonly FundType[]).map((fundType) => {
    const upper: number[] = [];
    let own = data.openingCash.get(fundType)!;
    let largest = 0;
    for (let t = 0; t < T; t++) {
      own += data.netFlow.get(fundType)![t]! + data.existingCash.get(fundType)![t]!;
      largest = Math.max(largest, own);
      upper.push(Math.max(0, own) + largest * (Math.pow(1 + bestRate / 12, t + 1) - 1) + 1e-6);
    }
    const lower = data.cashFloor?.get(fundType);
    return { fundType, value: data.demandValuePerWan.get(fundType)!, upper: lower ? upper.map((u, t) => Math.max(u, lower[t]!)) : upper, ...(lower ? { lower } : {}) };
  });
  return {
    ...data,
    fundTypes: [POOLED],
    openingCash: new Map([[POOLED, data.fundTypes.reduce((acc, ft) => acc + data.openingCash.get(ft)!, 0)]]),
    netFlow: new Map([[POOLED, total(data.netFlow)]]),
    existingCash: new Map([[POOLED, total(data.existingCash)]]),
    demandValuePerWan: new Map([[POOLED, Array.from({ length: T }, () => 0)]]),
    cashTiers,
    ...(data.poolCashFloor ? { cashFloor: new Map([[POOLED, data.poolCashFloor]]) } : {}),
  };
}

/**
 * Brings back every time-deposit column its bank's CD dominates (computing its coefficients) and returns the keys
 * for `buildLadderModel(…, { restored })`: the model with every option, for checks and comparisons.
 */
export function restoreAllDominated(data: LadderData): Set<string> {
  const all = new Set<string>();
  data.options.forEach((o, i) => o.dominatedBy.forEach((d, t) => {
    if (d === undefined) return;
    data.ensureCoefficients(i, t);
    all.add(`${i}|${t}`);
  }));
  return all;
}
