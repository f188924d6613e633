// The maturity ladder of a plan (docs/web.md §1, Plan): at each month's end of the horizon, the deposits and bonds
// outstanding by product and term; and per month, the principal coming back by product. Read from the exact ledger's
// positions (existing holdings and the plan's placements), so the month-end sums are the ledger's own month-end
// holdings (`LedgerMonth.holdings`, checked in ladder.test.ts).
import { type Decimal, type Evaluation, type MonthKey, type Position, ZERO, addMonthsToKey, compareDates, firstDayOfMonth, monthOfDate } from '@fundladder/core';

/** Money outstanding (or coming back) of one product and term. */
export interface ProductTermAmount {
  readonly product: string;
  readonly termMonths: number;
  readonly amount: Decimal;
}

export interface LadderMonth {
  readonly month: MonthKey;
  /** Outstanding at the month's end, by product and term (products in a fixed order, then terms ascending). */
  readonly outstanding: readonly ProductTermAmount[];
  /** Principal returned inside the month, by product and term. */
  readonly maturing: readonly ProductTermAmount[];
}

const PRODUCT_ORDER = ['agreedDeposit', 'callDeposit1d', 'callDeposit7d', 'timeDeposit', 'largeCd', 'govBond'];

function grouped(entries: Iterable<{ product: string; termMonths: number; amount: Decimal }>): ProductTermAmount[] {
  const map = new Map<string, ProductTermAmount>();
  for (const e of entries) {
    const key = `${e.product}|${e.termMonths}`;
    const had = map.get(key);
    map.set(key, { product: e.product, termMonths: e.termMonths, amount: (had?.amount ?? ZERO).plus(e.amount) });
  }
  return [...map.values()].sort((a, b) => PRODUCT_ORDER.indexOf(a.product) - PRODUCT_ORDER.indexOf(b.product) || a.termMonths - b.termMonths);
}

/**
 * The ladder of an evaluated plan over `months` (the ledger's months). A position is outstanding at a month's end
 * when it started before the next month's first day and ends on or after it (a deposit coming back on the 1st is
 * back in that month); it is maturing in the month of the day it ended (closed positions only).
 * @param ev - the ledger's evaluation of the plan
 * @returns one entry per ledger month
 * @example ladderOf(ev)[0].outstanding //=> [{ product: 'timeDeposit', termMonths: 12, amount: Decimal('50000000.00') }, …]
 */
export function ladderOf(ev: Evaluation): LadderMonth[] {
  const closed = ev.report.closedPositions.map((c) => ({ position: c.position, end: c.endDate }));
  const open = ev.report.openPositions.map((p) => ({ position: p, end: undefined as string | undefined }));
  const all: Array<{ position: Position; end: string | undefined }> = [...closed, ...open];
  return ev.report.months.map((m) => {
    const next = firstDayOfMonth(addMonthsToKey(m.month, 1));
    const held = all.filter(({ position, end }) => compareDates(position.startDate, next) < 0 && (end === undefined || compareDates(end as never, next) >= 0));
    const back = closed.filter(({ end }) => monthOfDate(end) === m.month);
    const amount = ({ position }: { position: Position }) => ({ product: position.product, termMonths: position.termMonths, amount: position.principal });
    return { month: m.month, outstanding: grouped(held.map(amount)), maturing: grouped(back.map(amount)) };
  });
}
