// The tender's facts in words, Chinese and English (docs/tender.md; the issue catalogue words the errors).
import type { z } from 'zod';
import type { Lang } from '../messages/names';
import { ruleName } from '../messages/issues';
import type { suspensionReason } from './tenderResult';

const n = (zh: string, en: string): Record<Lang, string> => ({ zh, en });

/** The criteria by name ([004]: 经营状况、服务能力与质量、抵押担保、对本市的贡献、报价利率). */
export const CRITERION_NAMES: Record<string, Record<Lang, string>> = {
  businessCondition: n('经营状况', 'business condition'),
  service: n('服务', 'service'),
  collateral: n('抵押担保', 'collateral'),
  localContribution: n('地方贡献', 'local contribution'),
  quotedRate: n('报价利率', 'quoted rate'),
};

/** The four indicators of the regulator's rating [004]. */
export const INDICATOR_NAMES: Record<string, Record<Lang, string>> = {
  riskManagement: n('风险管理', 'risk management'),
  operationalControl: n('营运控制', 'operational control'),
  assetQuality: n('资产质量', 'asset quality'),
  compliance: n('合规性', 'compliance'),
};

const pct = (fraction: { times(n: number): { toFixed(p: number): string } }) => `${fraction.times(100).toFixed(2)}%`;

/**
 * Why a bank is suspended, in one phrase.
 * @example suspensionReasonText({ rule: 'tenderRegulatoryRating', indicator: 'assetQuality', level: 4, from: 4 }, 'zh') //=> '监管评级资产质量 4 级（4 级及以下暂停）'
 */
export function suspensionReasonText(r: z.output<typeof suspensionReason>, lang: Lang): string {
  const zh = lang === 'zh';
  switch (r.rule) {
    case 'tenderRegulatoryRating':
      return zh ? `监管评级${INDICATOR_NAMES[r.indicator]!.zh} ${r.level} 级（${r.from} 级及以下暂停）` : `regulatory rating on ${INDICATOR_NAMES[r.indicator]!.en} at level ${r.level} (level ${r.from} or worse suspends)`;
    case 'tenderPbocRating':
      return zh ? `人民银行评级 ${r.rating} 级（${r.from} 级及以下暂停）` : `PBOC rating ${r.rating} (${r.from} or worse suspends)`;
    case 'minQuoteRate':
      return zh ? `报价 ${pct(r.quote)} 低于起存利率 ${pct(r.floor)}` : `quote ${pct(r.quote)} below the floor rate ${pct(r.floor)}`;
    case 'suspendedBankNoNewMoney':
      return zh ? `情景中已暂停新增存款${r.reason ? `（${r.reason}）` : ''}` : `suspended in the scenario${r.reason ? ` (${r.reason})` : ''}`;
    case 'tenderQuoteMissing':
      return zh ? '没有报价：投标未给利率，该行也无该期限报价' : 'no rate: the bid gives none and the bank quotes none for the term';
  }
}

/**
 * The cap that limits a bank, by name ("上限C（单家银行占基金定期的比例）").
 * @example limitRuleText('bankLocalDepositCap', 'zh') //=> '上限B（占该行一般性存款的比例）'
 */
export function limitRuleText(rule: string, lang: Lang): string {
  return ruleName(rule, lang);
}

