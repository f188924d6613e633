import { Decimal, ZERO, sum } from './decimal';

/**
 * Splits `amount` (yuan, to the fen) into shares proportional to `weights`, so that the shares add
 * up to `amount` exactly: each share is rounded down to the fen and the leftover fen go one by one
 * to the largest remainders (ties to the earlier weight). Same idea as dinero.js `allocate`.
 *
 * @param amount - yuan, at most 2 decimal places, non-negative
 * @param weights - non-negative; if all are zero, the split is equal
 * @returns one share per weight, summing to `amount`
 * @example allocateFen(dec('100.00'), [dec(1), dec(1), dec(1)]).map(String) //=> ['33.34', '33.33', '33.33']
 */
export function allocateFen(amount: Decimal, weights: readonly Decimal[]): Decimal[] {
  if (weights.length === 0) return [];
  const totalFen = amount.times(100).toDecimalPlaces(0, Decimal.ROUND_DOWN);
  const usable = weights.every((w) => w.isZero()) ? weights.map(() => new Decimal(1)) : weights;
  const weightSum = sum(usable);
  const raw = usable.map((w) => totalFen.times(w).div(weightSum));
  const floors = raw.map((r) => r.toDecimalPlaces(0, Decimal.ROUND_DOWN));
  let leftover = totalFen.minus(sum(floors)).toNumber();
  const order = raw
    .map((r, i) => ({ i, rem: r.minus(floors[i]!) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const fen = floors.slice();
  for (let k = 0; leftover > 0; k = (k + 1) % order.length, leftover--) {
    const idx = order[k]!.i;
    fen[idx] = fen[idx]!.plus(1);
  }
  return fen.map((f) => (f.isZero() ? ZERO : f.div(100)));
}
