import { Decimal, ZERO, sum } from '../money/decimal';
import { allocateFen } from '../money/allocate';

/** A bank that takes part: its score (> 0 to get money) and the most it may take, yuan to the fen. */
export interface ScoredLimit {
  readonly bankId: string;
  readonly score: Decimal;
  readonly limit: Decimal;
}

/** What each bank gets, and what no bank could take. */
export interface ScoreAllocation {
  readonly amounts: ReadonlyMap<string, Decimal>;
  /** Banks that got their limit (the cap bound). */
  readonly capped: ReadonlySet<string>;
  /** Money left when every bank is at its limit, yuan. */
  readonly unplaced: Decimal;
  /** Rounds of capping (1 = nobody capped). */
  readonly rounds: number;
}

/**
 * Splits `total` yuan among banks in proportion to their scores, each at most its limit (docs/tender.md §3):
 * 1. the banks not yet capped share what is left in proportion to score, to the fen by the largest-remainder method
 *    (core's `allocateFen`: floors, then the leftover fen one by one to the largest remainders, ties to the earlier bank);
 * 2. every bank whose share is above its limit gets its limit and leaves the round; what it could not take goes back
 *    to the others, again by score; repeat until no share is above a limit (at most one round per bank).
 * Money is conserved: Σ amounts + unplaced = total, every amount ≤ its limit, a score of 0 gets nothing.
 * @param total - yuan, to the fen, not negative
 * @param banks - in a fixed order (ties of the remainder go to the earlier bank)
 * @returns the amounts by bank, the banks capped and what no bank could take
 * @example allocateByScore(dec('100.00'), [{ bankId: 'a', score: dec(60), limit: dec(50) }, { bankId: 'b', score: dec(30), limit: dec(100) }, { bankId: 'c', score: dec(10), limit: dec(100) }]).amounts //=> a 50.00, b 37.50, c 12.50
 * @see dinero.js `allocate` (the remainder); docs/tender.md §3 worked example
 */
export function allocateByScore(total: Decimal, banks: readonly ScoredLimit[]): ScoreAllocation {
  const amounts = new Map<string, Decimal>(banks.map((b) => [b.bankId, ZERO]));
  const capped = new Set<string>();
  let active = banks.filter((b) => b.score.gt(0) && b.limit.gt(0));
  let left = total;
  let rounds = 0;
  while (active.length && left.gt(0)) {
    rounds++;
    const shares = allocateFen(left, active.map((b) => b.score));
    const over = active.filter((b, k) => shares[k]!.gt(b.limit));
    if (!over.length) {
      active.forEach((b, k) => amounts.set(b.bankId, shares[k]!));
      left = ZERO;
      break;
    }
    for (const b of over) {
      amounts.set(b.bankId, b.limit);
      capped.add(b.bankId);
    }
    left = left.minus(sum(over.map((b) => b.limit)));
    active = active.filter((b) => !capped.has(b.bankId));
  }
  return { amounts, capped, unplaced: left, rounds };
}
