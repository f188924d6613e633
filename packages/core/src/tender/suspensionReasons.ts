import type { Decimal } from '../money/decimal';
import type { Bank } from '../schemas/scenario';
import { PBOC_RATINGS, type PbocRating, REGULATORY_INDICATORS, type RegulatoryIndicator, type TenderBid } from './schema';

/** One reason a bank gets no new money from the tender, with the fact that tripped it. */
export type SuspensionReason =
  /** A regulatory rating at `level` on `indicator`, at or worse than `from` [004]. */
  | { readonly rule: 'tenderRegulatoryRating'; readonly indicator: RegulatoryIndicator; readonly level: number; readonly from: number }
  /** A PBOC rating at or worse than `from` [004]. */
  | { readonly rule: 'tenderPbocRating'; readonly rating: PbocRating; readonly from: PbocRating }
  /** A quote below the 起存利率 [004]. */
  | { readonly rule: 'minQuoteRate'; readonly quote: Decimal; readonly floor: Decimal }
  /** The scenario marks the bank suspended (`banks[].status`, "other risk" [004]). */
  | { readonly rule: 'suspendedBankNoNewMoney'; readonly reason?: string }
  /** No rate: the bid gives none and the bank quotes none for the product and term on the day. */
  | { readonly rule: 'tenderQuoteMissing' };

/**
 * Every reason the Shenzhen rules [004] give to stop new deposits at a bank, as they apply to one bid: a regulatory
 * rating at level `fromLevel` (4) or worse on any of the four indicators (one reason per indicator), a PBOC rating of
 * `fromPboc` (C) or worse, a quote below the floor, the scenario's own suspension; and a bid without a rate, which
 * cannot be scored. An empty list means the bank takes part.
 * @param bid - the bid
 * @param bank - the scenario's bank
 * @param quote - the bid's rate, or the bank's quote (undefined: none)
 * @param thresholds - `fromLevel`, `fromPboc` and the floor (起存利率), if any
 * @returns the reasons, in the order above
 * @example suspensionReasons({ …, regulatoryRatings: { riskManagement: 4, operationalControl: 2, assetQuality: 5, compliance: 1 }, pbocRating: 'B' }, bank, dec('0.015'), { fromLevel: 4, fromPboc: 'C' }).map((r) => r.rule) //=> ['tenderRegulatoryRating', 'tenderRegulatoryRating']
 * @see docs/domain.md §8.3 (暂停新增存款 [004])
 */
export function suspensionReasons(bid: Pick<TenderBid, 'regulatoryRatings' | 'pbocRating'>, bank: Pick<Bank, 'status' | 'suspendedReason'>, quote: Decimal | undefined, thresholds: { fromLevel: number; fromPboc: PbocRating; floor?: Decimal }): SuspensionReason[] {
  const out: SuspensionReason[] = [];
  for (const indicator of REGULATORY_INDICATORS) {
    const level = bid.regulatoryRatings[indicator];
    if (level >= thresholds.fromLevel) out.push({ rule: 'tenderRegulatoryRating', indicator, level, from: thresholds.fromLevel });
  }
  if (PBOC_RATINGS.indexOf(bid.pbocRating) >= PBOC_RATINGS.indexOf(thresholds.fromPboc)) out.push({ rule: 'tenderPbocRating', rating: bid.pbocRating, from: thresholds.fromPboc });
  if (quote === undefined) out.push({ rule: 'tenderQuoteMissing' });
  else if (thresholds.floor !== undefined && quote.lt(thresholds.floor)) out.push({ rule: 'minQuoteRate', quote, floor: thresholds.floor });
  if (bank.status === 'suspended') out.push({ rule: 'suspendedBankNoNewMoney', ...(bank.suspendedReason ? { reason: bank.suspendedReason } : {}) });
  return out;
}
