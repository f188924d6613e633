import { type Decimal, ZERO } from '../money/decimal';
import type { FundType } from '../schemas/enums';
import type { HoldingLine, Position } from './types';

/** Adds `amount` to the entry for `key` (a missing entry counts as zero). */
export function addTo<K>(map: Map<K, Decimal>, key: K, amount: Decimal): void {
  map.set(key, (map.get(key) ?? ZERO).plus(amount));
}

/**
 * Running totals of the open positions, updated as positions open and close, so the month end does
 * not walk every position (the ledger bench has 500).
 */
export class Book {
  private readonly byKey = new Map<string, { -readonly [K in keyof HoldingLine]: HoldingLine[K] }>();
  private readonly timeDepositsByBank = new Map<string, Decimal>();
  /** The plan's own part of timeDepositsByBank (caps on existing holdings are findings, not the plan's breaks). */
  private readonly placedTimeDepositsByBank = new Map<string, Decimal>();
  private readonly liquidByFt = new Map<FundType, Decimal>();
  private readonly byFt = new Map<FundType, Decimal>();
  private callAndAgreed = ZERO;
  private timeDeposits = ZERO;
  private bonds = ZERO;

  add(pos: Position, amount: Decimal): void {
    const key = `${pos.bankId ?? ''}|${pos.product}`;
    const line = this.byKey.get(key);
    if (line) line.amount = line.amount.plus(amount);
    else this.byKey.set(key, { bankId: pos.bankId ?? null, product: pos.product, amount });
    addTo(this.byFt, pos.fundType, amount);
    switch (pos.product) {
      case 'timeDeposit':
      case 'largeCd':
        this.timeDeposits = this.timeDeposits.plus(amount);
        if (pos.bankId) addTo(this.timeDepositsByBank, pos.bankId, amount);
        if (pos.bankId && pos.origin === 'plan') addTo(this.placedTimeDepositsByBank, pos.bankId, amount);
        break;
      case 'govBond':
        this.bonds = this.bonds.plus(amount);
        break;
      case 'callDeposit1d':
      case 'callDeposit7d':
      case 'agreedDeposit':
        this.callAndAgreed = this.callAndAgreed.plus(amount);
        addTo(this.liquidByFt, pos.fundType, amount);
        break;
    }
  }

  /** Everything placed and still open (every placeable product is one of the three groups). */
  total(): Decimal {
    return this.timeDeposits.plus(this.bonds).plus(this.callAndAgreed);
  }

  /** Copies of the totals at a month end (zero lines dropped). */
  snapshot() {
    const nonZero = <K>(m: Map<K, Decimal>) => new Map([...m].filter(([, v]) => !v.isZero()));
    return {
      holdings: [...this.byKey.values()].filter((l) => !l.amount.isZero()).map((l): HoldingLine => ({ ...l })),
      timeDepositsByBank: nonZero(this.timeDepositsByBank),
      placedTimeDepositsByBank: nonZero(this.placedTimeDepositsByBank),
      liquidPlacedByFt: nonZero(this.liquidByFt),
      byFundType: new Map(this.byFt),
      callAndAgreed: this.callAndAgreed,
      timeDeposits: this.timeDeposits,
      bonds: this.bonds,
    };
  }
}
