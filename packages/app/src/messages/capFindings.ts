import type { Decimal } from '@fundladder/core';
import type { z } from 'zod';
import type { capFinding } from '../jobs/optimizeResult';
import { ID_NAMES, type Lang, type Names, wanText as wan } from './names';

type CapFinding = z.output<typeof capFinding>;
type NeedBanks = Extract<CapFinding, { kind: 'capsNeedMoreBanks' }>;
type OverCap = Extract<CapFinding, { kind: 'holdingsOverCap' }>;

/** A cap as the rules write it: 0.2 → 20%, 0.125 → 12.5% (exact, not rounded). */
const pct = (share: Decimal) => `${share.times(100).toString()}%`;

/** "caps C/A (20%/25%) need at least 5/4 …": the caps that need more banks than there are, in one sentence. */
function needBanksSentence(list: readonly NeedBanks[], lang: Lang): string {
  const letters = list.map((f) => f.cap).join('/');
  const shares = list.map((f) => pct(f.share)).join('/');
  const needed = list.map((f) => f.needed).join('/');
  const eligible = [...new Set(list.map((f) => f.eligible))];
  const have = eligible.length === 1 ? `${eligible[0]}` : list.map((f) => f.eligible).join('/');
  const minBanks = list.find((f) => f.minBanks !== undefined)?.minBanks;
  const alsoHolding = list.find((f) => f.alsoHolding)?.alsoHolding;
  if (lang === 'zh') {
    const min = minBanks !== undefined ? `及政策最少 ${minBanks} 家银行` : '';
    const tail = alsoHolding ? `只能在另外 ${alsoHolding} 家银行的存量定期到期前新存少量定期` : '不能新存定期存款或大额存单';
    return `上限${letters}（${shares}）${min}要求至少 ${needed} 家可新存定期的银行${list.some((f) => f.cap === 'A') ? '（上限A指每批次）' : ''}，现有 ${have} 家：${tail}。`;
  }
  const min = minBanks !== undefined ? ` with the policy's minimum of ${minBanks} banks` : '';
  const tail = alsoHolding ? `new time deposits only while the existing deposits at ${alsoHolding} other bank(s) are outstanding` : 'no new time deposits or CDs can be placed';
  return `${list.length > 1 ? 'Caps' : 'Cap'} ${letters} (${shares})${min} need${list.length > 1 ? '' : 's'} at least ${needed} eligible banks${list.some((f) => f.cap === 'A') ? ' (cap A: in every tranche)' : ''}; you have ${have}: ${tail}.`;
}

function overCapSentence(f: OverCap, lang: Lang, names: Names): string {
  const which = f.cap === 'B'
    ? { zh: `上限B（其一般性存款的${pct(f.share)}）`, en: `cap B (${pct(f.share)} of its local deposits)` }
    : { zh: `上限C（基金定期的${pct(f.share)}）`, en: `cap C (${pct(f.share)} of the fund's time deposits)` };
  if (lang === 'zh') {
    const until = f.newMoneyFrom ? `${f.newMoneyFrom} 起可以` : '规划期内都不再新存';
    return `${names.bank(f.bankId)} 的期初存量定期已超过${which.zh}${wan(f.overYuan)} 万元（${f.firstMonth} 末，只计期初持仓）：至 ${f.lastMonth} 不向该行新存，${until}。这是期初持仓，不算计划违规。`;
  }
  const until = f.newMoneyFrom ? `new money from ${f.newMoneyFrom}` : 'none to the end of the horizon';
  return `${names.bank(f.bankId)}'s existing time deposits are ${wan(f.overYuan)}万 over ${which.en} at the end of ${f.firstMonth}, counting the existing holdings alone: no new money there through ${f.lastMonth}; ${until}. This is the starting position, not a rule the plan breaks.`;
}

/**
 * The optimizer's cap findings as sentences, one line each: the caps that need more eligible banks than there are
 * (together, e.g. "caps C/A (20%/25%) need at least 5/4 eligible banks; you have 3"), then each bank whose existing
 * holdings are already over a cap (which cap, by how much, until when).
 * @example capFindingLines([{ kind: 'capsNeedMoreBanks', cap: 'C', share: dec('0.2'), needed: 5, eligible: 4, … }], 'en')
 * //=> ['Cap C (20%) needs at least 5 eligible banks; you have 4: no new time deposits or CDs can be placed.']
 */
export function capFindingLines(findings: readonly CapFinding[], lang: Lang, names: Names = ID_NAMES): string[] {
  const need = findings.filter((f): f is NeedBanks => f.kind === 'capsNeedMoreBanks');
  const over = findings.filter((f): f is OverCap => f.kind === 'holdingsOverCap');
  return [...(need.length ? [needBanksSentence(need, lang)] : []), ...over.map((f) => overCapSentence(f, lang, names))];
}
