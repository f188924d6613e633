import { type Decimal, ZERO, sum } from '../money/decimal';

/** How much of each Shenzhen cap [004] one bank uses: used / limit (1 = at the cap). */
export interface BankCapUse {
  readonly bankId: string;
  /** Cap A: the bank's share of the tranche / the cap share. */
  readonly tranche: Decimal | undefined;
  /** Cap B: outstanding / (cap share × local general deposits). */
  readonly localDeposits: Decimal | undefined;
  /** Cap C: the bank's share of the fund's time deposits / the cap share. */
  readonly fundShare: Decimal | undefined;
}

/**
 * Each bank's use of each cap at one month end, as a fraction of the cap (0.8 = 80% of the room used).
 * @see docs/domain.md §8.1 caps A, B, C
 */
export function bankCapUsage(input: {
  banks: ReadonlyArray<{ id: string; localGeneralDeposits: Decimal }>;
  trancheByBank: ReadonlyMap<string, Decimal>;
  outstandingByBank: ReadonlyMap<string, Decimal>;
  caps: { trancheShare: Decimal; bankLocalDepositShare: Decimal; fundTimeDepositShare: Decimal };
}): BankCapUse[] {
  const tranche = sum(input.trancheByBank.values());
  const outstanding = sum(input.outstandingByBank.values());
  return input.banks.map((b) => {
    const t = input.trancheByBank.get(b.id) ?? ZERO;
    const o = input.outstandingByBank.get(b.id) ?? ZERO;
    const localLimit = b.localGeneralDeposits.times(input.caps.bankLocalDepositShare);
    return {
      bankId: b.id,
      tranche: tranche.isZero() || input.caps.trancheShare.isZero() ? undefined : t.div(tranche).div(input.caps.trancheShare),
      localDeposits: localLimit.isZero() ? undefined : o.div(localLimit),
      fundShare: outstanding.isZero() || input.caps.fundTimeDepositShare.isZero() ? undefined : o.div(outstanding).div(input.caps.fundTimeDepositShare),
    };
  });
}
