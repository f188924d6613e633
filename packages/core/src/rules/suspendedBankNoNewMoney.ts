import type { DomainIssue } from '../issues';
import type { Bank } from '../schemas/scenario';
import { type ResolvedPlacement, money, placementPath } from './types';

/**
 * A suspended bank gets no new money (暂停新增存款: rating at level 4 or worse, PBOC rating C or
 * worse, quote below the 起存利率, other risk — Shenzhen rules [004], docs/domain.md §8.3).
 */
export function suspendedBankNoNewMoney(p: ResolvedPlacement, bank: Bank | undefined): DomainIssue | undefined {
  if (!bank || bank.status !== 'suspended') return undefined;
  return {
    code: 'suspended_bank',
    path: placementPath(p, 'bankId'),
    rule: 'suspendedBankNoNewMoney',
    message: `bank ${bank.id} is suspended${bank.suspendedReason ? ` (${bank.suspendedReason})` : ''} and may not receive new money`,
    received: bank.id,
    monthKey: p.month,
    bankId: bank.id,
    amount: money(p.amount),
  };
}
