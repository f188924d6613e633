import { type Decimal, ZERO, sum } from '../money/decimal';
import { type BankLimit, type OutstandingAtMonthEnd, type TenderCaps, bankLimit } from './bankLimit';
import { type ScoreAllocation, allocateByScore } from './allocateByScore';

/** A bank in the allocation: its score and its local general deposits (cap B's base). */
export interface TrancheBank {
  readonly bankId: string;
  readonly score: Decimal;
  readonly localGeneralDeposits: Decimal;
}

/** A tranche split by score within the caps. */
export interface TrancheAllocation extends ScoreAllocation {
  /** The total asked for, yuan. */
  readonly asked: Decimal;
  /** The tranche placed: the largest amount up to `asked` that the caps let the banks take, yuan. */
  readonly placed: Decimal;
  /** Each bank's limit at the tranche placed, and the cap that sets it. */
  readonly limits: ReadonlyMap<string, BankLimit>;
}

/**
 * The most of `asked` the caps let these banks take, and its split by score (docs/tender.md §3). Caps A and C are
 * shares of the tranche itself, so a smaller tranche lowers every limit: with three banks at 25% of a tranche no tranche
 * fits at all. The tranche placed is found by P₀ = asked, P₁ = Σ limits(P₀), …, stopping at the first Pₖ with
 * Σ limits(Pₖ) ≥ Pₖ: limits never fall as the tranche grows, so every Pₖ is at least the largest tranche that fits and
 * the first that fits is that largest (each step drops at least a fen, and with the default caps a few dozen steps
 * reach it). Then {@link allocateByScore} splits it.
 * @param asked - the period's total, yuan to the fen
 * @param banks - the banks taking part (not suspended), in a fixed order
 * @param months - the month ends of the tranche's life inside the horizon, with what is already outstanding
 * @param caps - policy.caps and policy.minBanks
 * @returns the allocation; `asked − placed` is what no bank could take (in `unplaced`)
 * @example allocateTranche(dec('100000000.00'), threeBanks, months, caps).placed.toString() //=> '0' (cap A at 25% needs four banks)
 */
export function allocateTranche(asked: Decimal, banks: readonly TrancheBank[], months: readonly OutstandingAtMonthEnd[], caps: TenderCaps): TrancheAllocation {
  const scoring = banks.filter((b) => b.score.gt(0));
  const limitsAt = (tranche: Decimal) => new Map(scoring.map((b) => [b.bankId, bankLimit(b.bankId, tranche, b.localGeneralDeposits, months, caps)]));
  let placed = asked;
  let limits = limitsAt(placed);
  for (;;) {
    const room = sum([...limits.values()].map((l) => l.limit));
    if (room.gte(placed)) break;
    placed = room;
    limits = limitsAt(placed);
  }
  const split = allocateByScore(placed, scoring.map((b) => ({ bankId: b.bankId, score: b.score, limit: limits.get(b.bankId)!.limit })));
  const amounts = new Map(banks.map((b) => [b.bankId, split.amounts.get(b.bankId) ?? ZERO]));
  return { ...split, amounts, unplaced: asked.minus(placed).plus(split.unplaced), asked, placed: placed.minus(split.unplaced), limits };
}

