import { type Decimal, ZERO } from '../money/decimal';
import { type IsoDate, compareDates, monthOfDate } from '../dates/isoDate';
import type { MonthKey } from '../dates/monthKey';
import type { DomainIssue } from '../issues';
import type { Scenario } from '../schemas/scenario';
import type { ResolvedPlacement } from '../rules/types';
import { Book } from './book';
import { accruedOn, paymentDates, positionFromHolding } from './positions';
import type { Position } from './types';

/**
 * The open positions of a ledger run and their payment schedule, shared by {@link runLedger} and
 * {@link prepareLedger}: the existing holdings opened at the horizon start (one that matured before it is a
 * finding, `holdingMaturedBeforeStart`), the interest they had accrued by then (each rounded with `round`), the
 * plan's placements by month, and every payment date inside the horizon by date and by month.
 */
export class PositionSchedule {
  readonly open = new Map<string, Position>();
  readonly book = new Book();
  readonly payments = new Map<IsoDate, Position[]>();
  readonly paymentDaysByMonth = new Map<MonthKey, Set<IsoDate>>();
  readonly placementsByMonth = new Map<MonthKey, ResolvedPlacement[]>();
  /** Interest the existing holdings had accrued at the horizon start (earned before it, paid inside it). */
  readonly accruedAtStart: Decimal;

  constructor(
    scenario: Scenario,
    placements: readonly ResolvedPlacement[],
    private readonly horizon: { readonly start: IsoDate; readonly end: IsoDate },
    round: (d: Decimal) => Decimal,
    findings: DomainIssue[],
  ) {
    let accrued = ZERO;
    for (const [index, h] of scenario.holdings.entries()) {
      const pos = positionFromHolding(h, scenario);
      if (compareDates(pos.maturityDate, horizon.start) < 0) {
        findings.push({ code: 'stale_holding', path: ['scenario', 'holdings', index], rule: 'holdingMaturedBeforeStart', message: `holding ${h.id} matured on ${pos.maturityDate}, before the horizon starts; it is ignored (its money should be in an account balance)`, received: pos.maturityDate });
        continue;
      }
      this.openPosition(pos);
      accrued = accrued.plus(round(accruedOn(pos, horizon.start)));
    }
    this.accruedAtStart = accrued;
    for (const p of placements) {
      const list = this.placementsByMonth.get(p.month);
      if (list) list.push(p);
      else this.placementsByMonth.set(p.month, [p]);
    }
  }

  /** Opens a position: in the book, and its payment dates inside the horizon in the schedule. */
  openPosition(pos: Position): void {
    this.open.set(pos.id, pos);
    this.book.add(pos, pos.principal);
    for (const d of paymentDates(pos)) {
      if (compareDates(d, this.horizon.start) < 0 || compareDates(d, this.horizon.end) >= 0) continue;
      const list = this.payments.get(d);
      if (list) list.push(pos);
      else this.payments.set(d, [pos]);
      const mk = monthOfDate(d);
      const daysOfMonth = this.paymentDaysByMonth.get(mk);
      if (daysOfMonth) daysOfMonth.add(d);
      else this.paymentDaysByMonth.set(mk, new Set([d]));
    }
  }

  /** Closes a position at its maturity: out of the open set and the book. */
  closePosition(pos: Position): void {
    this.open.delete(pos.id);
    this.book.add(pos, pos.principal.negated());
  }
}
