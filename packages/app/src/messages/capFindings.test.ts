// The optimizer's cap findings in one plain sentence each (docs/optimizer.md §5.10). 来源: docs/domain.md §8.2, §8.1 [004].
import { describe, expect, it } from 'vitest';
import { dec } from '@fundladder/core';
import type { CapFinding } from '@fundladder/optimizer';
import { namesFor } from './names';
import { capFindingLines } from './capFindings';

const capC: CapFinding = { kind: 'capsNeedMoreBanks', cap: 'C', rule: 'fundTimeDepositShareCap', share: dec('0.2'), needed: 5, eligible: 3 };
const capA: CapFinding = { kind: 'capsNeedMoreBanks', cap: 'A', rule: 'trancheShareCap', share: dec('0.25'), needed: 4, eligible: 3 };
const over: CapFinding = { kind: 'holdingsOverCap', bankId: 'icbc', cap: 'C', rule: 'fundTimeDepositShareCap', share: dec('0.2'), overYuan: dec('24000000.00'), firstMonth: '2026-01' as never, lastMonth: '2026-02' as never, newMoneyFrom: '2026-03' as never };

describe('capFindingLines', () => {
  it('four eligible banks under cap C: one sentence, in English and Chinese', () => {
    const four = { ...capC, eligible: 4 };
    expect(capFindingLines([four], 'en')).toEqual(['Cap C (20%) needs at least 5 eligible banks; you have 4: no new time deposits or CDs can be placed.']);
    expect(capFindingLines([four], 'zh')).toEqual(['上限C（20%）要求至少 5 家可新存定期的银行，现有 4 家：不能新存定期存款或大额存单。']);
  });

  it('both caps short of banks: still one sentence ("20%/25% caps need at least 5/4 …; you have 3")', () => {
    expect(capFindingLines([capC, capA], 'en')).toEqual(['Caps C/A (20%/25%) need at least 5/4 eligible banks (cap A: in every tranche); you have 3: no new time deposits or CDs can be placed.']);
  });

  it('existing holdings over a cap: which bank, which cap, how much over, until when', () => {
    expect(capFindingLines([over], 'en')).toEqual(["icbc's existing time deposits are 2,400.00万 over cap C (20% of the fund's time deposits) at the end of 2026-01, counting the existing holdings alone: no new money there through 2026-02; new money from 2026-03. This is the starting position, not a rule the plan breaks."]);
    expect(capFindingLines([over], 'zh', namesFor(new Map([['icbc', '工商银行']]), 'zh'))).toEqual(['工商银行 的期初存量定期已超过上限C（基金定期的20%）2,400.00 万元（2026-01 末，只计期初持仓）：至 2026-02 不向该行新存，2026-03 起可以。这是期初持仓，不算计划违规。']);
  });
});
