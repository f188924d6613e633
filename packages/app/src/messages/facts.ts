import { ID_NAMES, type Lang, type Names } from './names';
import type { BindingFact, RolloverReason } from '../jobs/optimizeResult';

const one = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The caps and limits as a fund manager names them. */
const RULE_NAMES: Record<string, Record<Lang, string>> = {
  bankLocalDepositCap: { zh: '上限B（占其一般性存款20%）', en: 'cap B (20% of its local deposits)' },
  fundTimeDepositShareCap: { zh: '上限C（占基金定期20%）', en: 'cap C (20% of the fund’s time deposits)' },
  trancheShareCap: { zh: '上限A（占当月新增25%）', en: 'cap A (25% of the month’s tranche)' },
  maxBondShare: { zh: '国债占比上限', en: 'the bond-share limit' },
};

/** A cap or limit by its rule name, in `lang` (the rule name itself when the catalogue has none). */
export function capName(rule: string, lang: Lang): string {
  return RULE_NAMES[rule]?.[lang] ?? rule;
}

/**
 * A binding rule in words (shadow prices are linear and not unique: every figure is "about").
 * @example bindingLine({ kind: 'cap', rule: 'trancheShareCap', bankId: 'icbc', month: '2026-03', gainWan: 12.34 }, 'en')
 * //=> 'cap A (25% of the month’s tranche) at icbc in 2026-03: raising it by 1亿 would add about 12.3万 of interest'
 */
export function bindingLine(fact: BindingFact, lang: Lang, names: Names = ID_NAMES): string {
  const zh = lang === 'zh';
  switch (fact.kind) {
    case 'noDuals':
      return zh ? '没有对偶解（混合整数或求解器未给出），无法给出影子价格。' : 'No duals (a MIP, or the solver gave none): no shadow prices to report.';
    case 'nothingBinds':
      return zh ? '没有规则约束结果：利率本身决定了计划。' : 'No rule binds: the rates alone decide the plan.';
    case 'reserve':
      return zh
        ? `流动性储备在 ${fact.months} 个月起约束作用：每多留 1 个月支出的储备，约少得 ${one(fact.costWan)} 万元利息`
        : `The liquidity reserve binds in ${fact.months} month(s): each extra month of payouts kept in reserve costs about ${one(fact.costWan)}万 of interest`;
    case 'cap':
      return zh
        ? `${fact.month} ${names.bank(fact.bankId)} 的${capName(fact.rule, lang)}：放宽 1 亿元约多得 ${one(fact.gainWan)} 万元利息`
        : `${capName(fact.rule, lang)} at ${names.bank(fact.bankId)} in ${fact.month}: raising it by 1亿 would add about ${one(fact.gainWan)}万 of interest`;
    case 'moreCaps':
      return zh ? `另有 ${fact.count} 条上限约束起作用（--json 查看）` : `${fact.count} more binding cap rows`;
  }
}

/**
 * Why a placement of the next quarter went to its bank and term, in words.
 * @example rolloverReasonLine({ kind: 'atCapOrMinimum', belowBestBp: 5 }, 'en')
 * //=> '5 bp below the best: the banks that pay more are at a cap or a minimum'
 */
export function rolloverReasonLine(reason: RolloverReason, lang: Lang, names: Names = ID_NAMES): string {
  const zh = lang === 'zh';
  switch (reason.kind) {
    case 'bestRate': {
      const rate = `${reason.rate.times(100).toFixed(2)}%`;
      return zh ? `该期限当月最高利率 ${rate}` : `the best rate for this term that month, ${rate}`;
    }
    case 'heldByCap':
      return zh
        ? `比最高利率低 ${reason.belowBestBp} 个基点：利率更高的 ${names.bank(reason.bankId)} 受${capName(reason.rule, lang)}约束`
        : `${reason.belowBestBp} bp below the best: ${names.bank(reason.bankId)}, which pays more, is held by ${capName(reason.rule, lang)}`;
    case 'atCapOrMinimum':
      return zh ? `比最高利率低 ${reason.belowBestBp} 个基点：利率更高的银行已用足其上限或最低起存额` : `${reason.belowBestBp} bp below the best: the banks that pay more are at a cap or a minimum`;
  }
}
