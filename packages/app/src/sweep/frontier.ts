import type { Decimal } from '@fundladder/core';

/** What the frontier compares of one point: the interest it earns (more is better) and its gap probability (less is better). */
export interface FrontierCandidate {
  readonly index: number;
  readonly interest: Decimal;
  readonly gapProbability: number;
}

/**
 * The points no other point beats on both counts (the Pareto front of interest against payout-gap probability): a
 * point is left out when another earns at least as much with at most its gap probability, and is better on one of
 * the two. Points equal on both are all kept. Returned in order of rising gap probability (then falling interest,
 * then index), so that read top to bottom the front says what each step of risk buys.
 *
 * @param candidates - the points with a plan (a point without one has no interest and is not a candidate)
 * @returns the indices of the points on the front
 * @example paretoFront([{ index: 0, interest: dec(10), gapProbability: 0.01 }, { index: 1, interest: dec(9), gapProbability: 0.02 }, { index: 2, interest: dec(12), gapProbability: 0.05 }])
 * //=> [0, 2]   (1 earns less than 0 and risks more)
 */
export function paretoFront(candidates: readonly FrontierCandidate[]): number[] {
  const sorted = [...candidates].sort((a, b) => a.gapProbability - b.gapProbability || b.interest.cmp(a.interest) || a.index - b.index);
  const front: FrontierCandidate[] = [];
  for (const c of sorted) {
    const last = front.at(-1);
    // Sorted by risk: c is on the front iff it earns more than every point at most as risky, or ties the last one exactly.
    if (!last || c.interest.gt(last.interest) || (c.interest.eq(last.interest) && c.gapProbability === last.gapProbability)) front.push(c);
  }
  return front.map((c) => c.index);
}
