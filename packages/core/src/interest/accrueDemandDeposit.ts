import { type Decimal, ZERO } from '../money/decimal';
import type { DayBasis } from '../dates/dayCount';
import { type IsoDate, actualDaysBetween, compareDates, isLeapYear, dateParts, isoDateOf } from '../dates/isoDate';
import type { BalanceSpan, InterestComputation, RateChangeMethod, RateSchedule } from './types';
import { rateChangesWithin, rateOn } from './rateOn';
import { formatRate } from './formatRate';
import { withFormulaOnRead } from './lazyFormula';

/** Divides a span's balance-days by the year length of the basis, per calendar year for actualActual. */
function yearDivisor(basis: DayBasis): number {
  return basis === 'actual365' ? 365 : 360;
}

function splitAt(spans: readonly BalanceSpan[], cuts: readonly IsoDate[]): BalanceSpan[] {
  const out: BalanceSpan[] = [];
  for (const span of spans) {
    let from = span.from;
    for (const cut of cuts) {
      if (compareDates(cut, from) > 0 && compareDates(cut, span.to) < 0) {
        out.push({ from, to: cut, balance: span.balance });
        from = cut;
      }
    }
    out.push({ from, to: span.to, balance: span.balance });
  }
  return out;
}

function yearCuts(spans: readonly BalanceSpan[]): IsoDate[] {
  const cuts: IsoDate[] = [];
  for (const span of spans) {
    for (let y = dateParts(span.from).year + 1; y <= dateParts(span.to).year; y++) cuts.push(isoDateOf(y, 1, 1));
  }
  return cuts;
}

/**
 * Demand-deposit interest by the accumulated method (积数计息法): interest = 积数 × r / 360 (or /365,
 * or per-year length for `actualActual`), where 积数 is the sum of daily balances.
 *
 * When the rate changes inside the period, `segmented` splits the 积数 at each change (BOC [R33]);
 * `settlementDateRate` applies the rate in force on `settlementDate` to the whole period (CIB [R34]).
 *
 * @param spans - balances held over the period (first day counted, last not)
 * @param rates - the account's dated contract rate (docs/domain.md §2.2: a per-bank input, not the product's)
 * @param settlementDate - the day interest is settled (the 20th of Mar/Jun/Sep/Dec for unit demand [R32])
 * @returns unrounded interest and the formula; rounding is the ledger's job
 * @see docs/domain.md §5.1 F2, §5.3 worked example E1 (1,022,000,000 × 1.10% / 360 = 31,227.78)
 */
export function accrueDemandDeposit(input: {
  spans: readonly BalanceSpan[];
  rates: RateSchedule;
  basis: DayBasis;
  rateChangeMethod: RateChangeMethod;
  settlementDate: IsoDate;
}): InterestComputation & { balanceDays: Decimal; missingRateFrom?: IsoDate } {
  const { rates, basis, rateChangeMethod, settlementDate } = input;
  let spans: BalanceSpan[] = input.spans.filter((s) => compareDates(s.to, s.from) > 0);
  if (spans.length === 0) {
    return { interest: ZERO, balanceDays: ZERO, formula: '0', rule: 'accumulatedMethod', source: 'docs/domain.md §5.1 F2' };
  }
  const first = spans[0]!.from;
  const last = spans[spans.length - 1]!.to;
  if (rateChangeMethod === 'segmented') spans = splitAt(spans, rateChangesWithin(rates, first, last));
  if (basis === 'actualActual') spans = splitAt(spans, yearCuts(spans));

  let interest = ZERO;
  let total = ZERO;
  // Kept as figures; the text is built when read (the ledger settles hundreds of accounts, reads few formulas).
  const terms: Array<{ days: Decimal; rate: Decimal; divisor: number }> = [];
  const settlementRate = rateOn(rates, settlementDate);
  let missingRateFrom: IsoDate | undefined;
  // Group consecutive spans that share a rate and a divisor, so the formula reads like a bank's.
  let groupDays = ZERO;
  let groupRate: Decimal | undefined;
  let groupDivisor = 0;
  const flush = () => {
    if (groupRate === undefined || groupDays.isZero()) return;
    interest = interest.plus(groupDays.times(groupRate).div(groupDivisor));
    terms.push({ days: groupDays, rate: groupRate, divisor: groupDivisor });
  };
  for (const span of spans) {
    const rate = rateChangeMethod === 'segmented' ? rateOn(rates, span.from) : settlementRate;
    if (rate === undefined) {
      missingRateFrom ??= span.from;
      continue;
    }
    const days = span.balance.times(actualDaysBetween(span.from, span.to));
    total = total.plus(days);
    const divisor = basis === 'actualActual' ? (isLeapYear(dateParts(span.from).year) ? 366 : 365) : yearDivisor(basis);
    if (groupRate !== undefined && groupRate.eq(rate) && groupDivisor === divisor) {
      groupDays = groupDays.plus(days);
    } else {
      flush();
      groupDays = days;
      groupRate = rate;
      groupDivisor = divisor;
    }
  }
  flush();
  return withFormulaOnRead(
    {
      interest,
      balanceDays: total,
      rule: rateChangeMethod === 'segmented' ? 'accumulatedMethod/segmented' : 'accumulatedMethod/settlementDateRate',
      source: 'docs/domain.md §5.1 F2; rate changes §5.2 [R33][R34]',
      ...(missingRateFrom ? { missingRateFrom } : {}),
    },
    () => (terms.length ? terms.map((t) => `${t.days.toFixed()} × ${formatRate(t.rate)} / ${t.divisor}`).join(' + ') : '0'),
  );
}
