import { type Decimal, ZERO } from '../money/decimal';
import { type IsoDate, addMonthsToDate, compareDates, dayOfMonth } from '../dates/isoDate';
import type { DayBasis } from '../dates/dayCount';
import type { Holding, Scenario } from '../schemas/scenario';
import { quotedRate } from '../schemas/lookup';
import type { ResolvedPlacement } from '../rules/types';
import { accrueTimeDeposit } from '../interest/accrueTimeDeposit';
import { accrueCallDeposit } from '../interest/accrueCallDeposit';
import { accrueAgreedDeposit } from '../interest/accrueAgreedDeposit';
import { bondAccruedInterest, bondCoupon, bondCouponDates, defaultCouponFrequency } from '../interest/bondCoupon';
import { simpleInterestForPeriod } from '../interest/simpleInterestForPeriod';
import type { FundType } from '../schemas/enums';
import type { Position } from './types';
import { formatRate } from '../interest/formatRate';
import { withFormulaOnRead } from '../interest/lazyFormula';

/** Bonds follow actual/actual within coupon periods; deposits follow their bank's basis. */
function basisFor(scenario: Scenario, product: string, bankId: string | undefined): DayBasis {
  if (product === 'govBond') return 'actualActual';
  const bank = bankId ? scenario.banks.find((b) => b.id === bankId) : undefined;
  return bank?.conventions.dayBasis ?? 'thirty360';
}

/** A scenario holding as a position. */
export function positionFromHolding(h: Holding, scenario: Scenario): Position {
  return {
    id: h.id,
    origin: 'existing',
    fundType: h.fundType,
    product: h.product,
    bankId: h.product === 'govBond' ? undefined : h.bankId,
    principal: h.principal,
    annualRate: h.annualRate,
    startDate: h.startDate,
    maturityDate: addMonthsToDate(h.startDate, h.termMonths),
    termMonths: h.termMonths,
    couponFrequency: h.product === 'govBond' ? (h.couponFrequency ?? defaultCouponFrequency(h.termMonths)) : 0,
    basis: basisFor(scenario, h.product, h.bankId),
  };
}

/** A plan placement (or one fund type's share of it) as a position. */
export function positionFromPlacement(p: ResolvedPlacement, fundType: FundType, amount: Decimal, scenario: Scenario): Position {
  const startDate = dayOfMonth(p.month, scenario.timing.placementDay);
  return {
    // `:` is not allowed in a holding id (idSchema), so a plan position can never share an id with a holding.
    id: `plan:${p.index}:${fundType}`,
    origin: 'plan',
    placementIndex: p.index,
    fundType,
    product: p.product,
    bankId: p.bankId,
    principal: amount,
    annualRate: p.annualRate,
    startDate,
    maturityDate: addMonthsToDate(startDate, p.termMonths),
    termMonths: p.termMonths,
    couponFrequency: p.product === 'govBond' ? p.couponFrequency : 0,
    basis: basisFor(scenario, p.product, p.bankId),
  };
}

/** The dates a position pays interest before or at maturity: coupons for bonds, maturity otherwise. */
export function paymentDates(pos: Position): IsoDate[] {
  return pos.product === 'govBond' ? bondCouponDates(pos.startDate, pos.termMonths, pos.couponFrequency) : [pos.maturityDate];
}

/** The demand rate a bank pays on `date`, for early exits and agreed-deposit base amounts. */
function demandQuote(scenario: Scenario, bankId: string | undefined, date: IsoDate): Decimal {
  const bank = bankId ? scenario.banks.find((b) => b.id === bankId) : undefined;
  return (bank && quotedRate(bank, 'demandDeposit', undefined, date)) ?? ZERO;
}

/**
 * The interest a position pays on one of its payment dates (unrounded), with the formula.
 * Time deposits and CDs: the term's simple interest; call deposits: the rate on the withdrawal day
 * (the bank's quote then, else the agreed rate) for the days held; agreed deposits: base at the
 * demand rate, the excess at the agreed rate; bonds: one coupon (or, with no coupons, the whole
 * term's interest at maturity). The formula is built when read.
 */
export function interestDue(pos: Position, date: IsoDate, scenario: Scenario): { interest: Decimal; formula: string } {
  switch (pos.product) {
    case 'timeDeposit':
    case 'largeCd': {
      const r = accrueTimeDeposit({ principal: pos.principal, annualRate: pos.annualRate, startDate: pos.startDate, termMonths: pos.termMonths, basis: pos.basis });
      return r;
    }
    case 'callDeposit1d':
    case 'callDeposit7d': {
      const bank = pos.bankId ? scenario.banks.find((b) => b.id === pos.bankId) : undefined;
      const rate = (bank && quotedRate(bank, pos.product, undefined, date)) ?? pos.annualRate;
      const r = accrueCallDeposit({ principal: pos.principal, withdrawalDayRate: rate, startDate: pos.startDate, endDate: date, basis: pos.basis });
      return { interest: r.interest, formula: r.formula };
    }
    case 'agreedDeposit': {
      return accrueAgreedDeposit({ spans: [{ from: pos.startDate, to: date, balance: pos.principal }], baseAmount: scenario.products.agreedDeposit.minimumBase, agreedRate: pos.annualRate, demandRate: demandQuote(scenario, pos.bankId, date), basis: pos.basis });
    }
    case 'govBond': {
      if (pos.couponFrequency === 0) {
        const whole = pos.principal.times(pos.annualRate).times(pos.termMonths).div(12);
        return withFormulaOnRead({ interest: whole }, () => `${pos.principal.toFixed()} × ${formatRate(pos.annualRate)} × ${pos.termMonths}/12`);
      }
      return bondCoupon({ face: pos.principal, couponRate: pos.annualRate, couponFrequency: pos.couponFrequency });
    }
  }
}

/**
 * Interest a position has earned but not been paid by `date` (unrounded): pro rata of the contract
 * rate since the start (deposits) or since the last coupon (bonds, actual/actual).
 */
export function accruedOn(pos: Position, date: IsoDate): Decimal {
  if (compareDates(date, pos.startDate) <= 0) return ZERO;
  if (pos.product === 'govBond' && pos.couponFrequency > 0) {
    const dates = [pos.startDate, ...bondCouponDates(pos.startDate, pos.termMonths, pos.couponFrequency)];
    // A coupon due on `date` itself is not paid before `date`, so its whole period counts as accrued: at
    // the horizon end (the first day after the horizon) it is still owed, and at the horizon start it was
    // earned before the horizon.
    for (let k = 1; k < dates.length; k++) {
      if (compareDates(date, dates[k]!) <= 0) {
        return bondAccruedInterest({ face: pos.principal, couponRate: pos.annualRate, couponFrequency: pos.couponFrequency, lastCouponDate: dates[k - 1]!, nextCouponDate: dates[k]!, onDate: date }).interest;
      }
    }
    return ZERO;
  }
  const end = compareDates(date, pos.maturityDate) < 0 ? date : pos.maturityDate;
  return simpleInterestForPeriod(pos.principal, pos.annualRate, pos.startDate, end, pos.basis).interest;
}

/**
 * Everything a position pays over its whole life (unrounded), for the realisable-interest KPI: the sum of
 * what {@link interestDue} pays on each of its payment dates, so the same rule as the ledger's payments.
 */
export function lifetimeInterest(pos: Position, scenario: Scenario): Decimal {
  let total = ZERO;
  for (const d of paymentDates(pos)) total = total.plus(interestDue(pos, d, scenario).interest);
  return total;
}
