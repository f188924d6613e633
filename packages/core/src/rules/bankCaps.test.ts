// 来源: docs/domain.md §8.1, Shenzhen rules [004]: A ≤ 25% of a tranche per bank; B ≤ 20% of the bank's local general
// deposits; C ≤ 20% of the fund's time deposits; §8.2: the caps imply at least 4 banks per tranche and 5 in all.
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { monthKey } from '../dates/monthKey';
import { trancheShareCap } from './trancheShareCap';
import { aboveFundShareWithMinBanks, fundShareWithMinBanks, fundTimeDepositShareCap } from './fundTimeDepositShareCap';
import { bankLocalDepositCap } from './bankLocalDepositCap';
import { minimumBankCount } from './minimumBankCount';

const m = monthKey('2026-03');
const money = (pairs: Array<[string, string]>) => new Map(pairs.map(([b, a]) => [b, dec(a)]));

describe('bank caps [004]', () => {
  it('A: a 1亿 tranche over four banks at 25% each is within the cap; 30% at one bank is 500万 over', () => {
    expect(trancheShareCap(m, money([['a', '25000000'], ['b', '25000000'], ['c', '25000000'], ['d', '25000000']]), dec('0.25'))).toEqual([]);
    const over = trancheShareCap(m, money([['a', '30000000'], ['b', '25000000'], ['c', '25000000'], ['d', '20000000']]), dec('0.25'));
    expect(over.map((i) => [i.bankId, i.amount, i.limit])).toEqual([['a', '5000000.00', '25000000.00']]);
    expect(over[0]!.message).toContain('30.00% of the 2026-03 tranche, above the 25.00% cap');
  });

  it('C: with five banks at 20% each nothing is over; a bank at 24% of 5亿 is 2,000万 over; a 12.5% cap reads 12.50%, not 13%', () => {
    expect(fundTimeDepositShareCap(m, money([['a', '1'], ['b', '1'], ['c', '1'], ['d', '1'], ['e', '1']]), dec('0.20'))).toEqual([]);
    const over = fundTimeDepositShareCap(m, money([['a', '120000000'], ['b', '95000000'], ['c', '95000000'], ['d', '95000000'], ['e', '95000000']]), dec('0.20'));
    expect(over.map((i) => [i.bankId, i.amount])).toEqual([['a', '20000000.00']]);
    const eighth = fundTimeDepositShareCap(m, money([['a', '3'], ['b', '7']]), dec('0.125'));
    expect(eighth[0]!.message).toContain('above the 12.50% cap');
  });

  it('B: 2亿 at a bank with 8亿 of local general deposits is 4,000万 over a 20% cap', () => {
    const issue = bankLocalDepositCap(m, 'a', dec('200000000'), dec('800000000'), dec('0.20'));
    expect([issue?.amount, issue?.limit]).toEqual(['40000000.00', '160000000.00']);
    expect(bankLocalDepositCap(m, 'a', dec('160000000'), dec('800000000'), dec('0.20'))).toBeUndefined();
  });

  it('minimum banks: four banks holding time deposits break a minimum of five', () => {
    expect(minimumBankCount(m, money([['a', '1'], ['b', '1'], ['c', '1'], ['d', '1']]), 5)?.rule).toBe('minimumBankCount');
    expect(minimumBankCount(m, money([['a', '1'], ['b', '1'], ['c', '1'], ['d', '1'], ['e', '1']]), 5)).toBeUndefined();
  });

  it('C with the minimum bank count: min(cap C, 1/minBanks), compared exactly (a third is not a finite decimal)', () => {
    expect(fundShareWithMinBanks(dec('0.25'), 5).toString()).toBe('0.2');
    expect(fundShareWithMinBanks(dec('0.20'), 4).toString()).toBe('0.2');
    expect(fundShareWithMinBanks(dec('0.20'), 0).toString()).toBe('0.2');
    // Three banks at exactly a third each are within 1/3; a fen more is not.
    expect(aboveFundShareWithMinBanks(dec('100.00'), dec('300.00'), dec('0.5'), 3)).toBe(false);
    expect(aboveFundShareWithMinBanks(dec('100.01'), dec('300.01'), dec('0.5'), 3)).toBe(true);
    expect(aboveFundShareWithMinBanks(dec('20'), dec('100'), dec('0.20'), 0)).toBe(false);
  });
});
