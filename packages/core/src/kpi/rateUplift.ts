import type { Decimal } from '../money/decimal';

/**
 * 利率上浮幅度 (rate uplift): (executed − reference) / reference, and the gap in basis points.
 * Tenders quote "benchmark + x%" [R54][R55]; self-regulation caps are in bp [R23].
 * @see docs/domain.md §9.1; §9.2 test: 1.75% against 1.25% → 40%, +50 bp
 */
export function rateUplift(executedRate: Decimal, referenceRate: Decimal): { relative: Decimal | undefined; basisPoints: Decimal } {
  return {
    relative: referenceRate.isZero() ? undefined : executedRate.minus(referenceRate).div(referenceRate),
    basisPoints: executedRate.minus(referenceRate).times(10_000),
  };
}
