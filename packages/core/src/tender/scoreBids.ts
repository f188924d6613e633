import { type Decimal, ZERO } from '../money/decimal';
import { dayOfMonth } from '../dates/isoDate';
import type { MonthKey } from '../dates/monthKey';
import type { Scenario } from '../schemas/scenario';
import { quotedRate } from '../schemas/lookup';
import { PANEL_CRITERIA, type Tender, type TenderCriterion } from './schema';
import { rateScore } from './rateScore';
import { weightedScore } from './weightedScore';
import { type SuspensionReason, suspensionReasons } from './suspensionReasons';

/** One bid scored: its rate and where it came from, the marks, the weighted score, and why it is suspended if it is. */
export interface ScoredBid {
  readonly bankId: string;
  /** The rate bid or quoted; undefined when there is none. */
  readonly quotedRate?: Decimal;
  readonly quoteSource: 'bid' | 'bankQuote' | 'none';
  /** The five marks out of 100 (the quote's computed); absent for a suspended bank. */
  readonly marks?: Readonly<Record<TenderCriterion, Decimal>>;
  /** Σ weight × mark; absent for a suspended bank. */
  readonly score?: Decimal;
  readonly suspended: boolean;
  readonly reasons: readonly SuspensionReason[];
}

/** The tender's month: `tender.month`, else the scenario's start month. */
export function tenderMonth(scenario: Pick<Scenario, 'startMonth'> & { tender?: Pick<Tender, 'month'> }): MonthKey {
  return scenario.tender?.month ?? scenario.startMonth;
}

/** The 起存利率 the tender applies: `tender.minQuoteRate`, else `policy.minQuoteRate`, else none. */
export function tenderFloor(tender: Tender, scenario: Pick<Scenario, 'policy'>): Decimal | undefined {
  return tender.minQuoteRate ?? scenario.policy.minQuoteRate;
}

/**
 * Scores every bid of a scenario's tender (docs/tender.md §1–2): each bid's rate (the bid's, else the bank's quote for the
 * tender's product and term in force on the placement day of the tender's month), its suspension reasons
 * ({@link suspensionReasons}), then, among the banks not suspended, the quote's mark against the best quote
 * ({@link rateScore}) and the weighted score ({@link weightedScore}). Bids in the order given.
 * @param scenario - a validated scenario with a `tender` section (`checkTender` passed)
 * @returns the scored bids; suspended ones with their reasons and no score
 * @see docs/domain.md §8.1, §8.3 [004]
 */
export function scoreBids(scenario: Scenario & { tender: Tender }): ScoredBid[] {
  const t = scenario.tender;
  const day = dayOfMonth(tenderMonth(scenario), scenario.timing.placementDay);
  const floor = tenderFloor(t, scenario);
  const banks = new Map(scenario.banks.map((b) => [b.id, b]));
  const first = t.bids.map((bid) => {
    const bank = banks.get(bid.bankId)!;
    const quote = bid.quotedRate ?? quotedRate(bank, t.product, t.termMonths, day);
    const reasons = suspensionReasons(bid, bank, quote, { fromLevel: t.suspendFromRegulatoryLevel, fromPboc: t.suspendFromPbocRating, ...(floor ? { floor } : {}) });
    return { bid, quote, quoteSource: bid.quotedRate ? ('bid' as const) : quote ? ('bankQuote' as const) : ('none' as const), reasons };
  });
  const taking = first.filter((b) => b.reasons.length === 0);
  const best = taking.reduce<Decimal>((m, b) => (b.quote!.gt(m) ? b.quote! : m), ZERO);
  return first.map(({ bid, quote, quoteSource, reasons }) => {
    const base = { bankId: bid.bankId, ...(quote ? { quotedRate: quote } : {}), quoteSource, suspended: reasons.length > 0, reasons };
    if (reasons.length) return base;
    const marks = { ...Object.fromEntries(PANEL_CRITERIA.map((c) => [c, bid.marks[c]])), quotedRate: rateScore(quote!, best, t.rateScore, floor) } as Record<TenderCriterion, Decimal>;
    return { ...base, marks, score: weightedScore(t.weights, marks) };
  });
}

