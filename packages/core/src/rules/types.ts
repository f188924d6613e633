import { Decimal } from '../money/decimal';
import type { MonthKey } from '../dates/monthKey';
import type { BondKind, FundType, PlaceableKind } from '../schemas/enums';

/** A placement with everything a rule needs resolved: the rate it gets and where it sits in the plan. */
export interface ResolvedPlacement {
  /** Index in `plan.placements`, for the JSON path. */
  readonly index: number;
  readonly month: MonthKey;
  readonly product: PlaceableKind;
  readonly termMonths: number;
  readonly bankId: string | undefined;
  readonly fundType: FundType | undefined;
  readonly amount: Decimal;
  /** The rate agreed (from the plan, the bank's quote or the bond yield). */
  readonly annualRate: Decimal;
  readonly couponFrequency: number;
  readonly bondKind: BondKind;
}

/** The JSON path of a placement's field. */
export function placementPath(p: ResolvedPlacement, field?: string): Array<string | number> {
  return field ? ['plan', 'placements', p.index, field] : ['plan', 'placements', p.index];
}

/** Money as a decimal string to the fen, for issue facts (a limit like 25% of a tranche is rounded half up, by name). */
export function money(d: Decimal): string {
  return d.toFixed(2, Decimal.ROUND_HALF_UP);
}
