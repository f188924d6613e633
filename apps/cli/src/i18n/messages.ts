import { type DomainIssue, FUND_TYPE_NAMES_ZH, formatPath } from '@fundladder/core';

/**
 * Chinese wording for the issues core emits (core gives codes and facts; wording lives in the apps).
 * An issue without a Chinese template falls back to core's English message.
 */
const ZH: Record<string, (i: DomainIssue) => string | undefined> = {
  bank_cap_exceeded: (i) =>
    i.rule === 'trancheShareCap'
      ? `${i.monthKey} 批次中 ${i.bankId} 新增定期 ${i.received} 元，超过单笔上限 ${i.limit} 元（超出 ${i.amount} 元）`
      : i.rule === 'bankLocalDepositCap'
        ? `${i.monthKey} 末 ${i.bankId} 存放基金定期 ${i.received} 元，超过其一般性存款上限 ${i.limit} 元（超出 ${i.amount} 元）`
        : `${i.monthKey} 末 ${i.bankId} 存放基金定期 ${i.received} 元，超过基金定期总额上限 ${i.limit} 元（超出 ${i.amount} 元）`,
  holding_over_cap: (i) =>
    i.rule === 'bankLocalDepositCap'
      ? `${i.monthKey} 末 ${i.bankId} 的存量定期 ${i.received} 元已超过其一般性存款上限 ${i.limit} 元（超出 ${i.amount} 元）：这是期初持仓，计划未在该行新增存放`
      : `${i.monthKey} 末 ${i.bankId} 的存量定期 ${i.received} 元已超过基金定期总额上限 ${i.limit} 元（超出 ${i.amount} 元）：这是期初持仓，计划未在该行新增存放`,
  holdings_too_few_banks: (i) => `${i.monthKey} 末只有 ${i.received} 家银行持有定期存款，政策要求至少 ${i.limit} 家：期初持仓本身过于集中，不是计划所致`,
  reserve_breached: (i) => `${i.monthKey} 末流动资金 ${i.received} 元，低于储备要求 ${i.limit} 元（短缺 ${i.amount} 元）${i.fundType ? `（${i.fundType}）` : ''}`,
  cash_negative: (i) => `${i.monthKey} ${i.fundType} 现金为 ${i.received} 元：计划动用了不存在的 ${i.amount} 元`,
  suspended_bank: (i) => `${i.monthKey} 向暂停新增存款的银行 ${i.bankId} 存放 ${i.amount} 元`,
  too_few_banks: (i) => `${i.monthKey} 末只有 ${i.received} 家银行持有定期存款，政策要求至少 ${i.limit} 家`,
  too_long: (i) => `期限 ${i.received} 个月超过政策最长期限 ${i.limit} 个月`,
  forbidden: (i) => (i.rule === 'noSavingsBonds' ? '机构不得购买储蓄国债，只能购买记账式国债' : `政策不允许该产品：${i.received}`),
  below_minimum: (i) => (i.rule === 'minQuoteRate' ? `利率 ${i.received} 低于起存利率 ${i.limit}` : `金额 ${i.received} 元低于起存金额 ${i.limit} 元`),
  below_statutory_rate: (i) => `账户 ${i.subject ?? ''}（${i.bankId}，${i.fundType}）执行利率 ${pctText(i.received)}，低于法定 ${pctText(i.limit)}，差 ${gapBp(i.received, i.limit)} 个基点`,
  unknown_reference: (i) => `找不到引用的对象：${i.received}`,
  too_small: (i) => (i.rule === 'pathsForConfidence' ? `${i.path[0] === 'planningPaths' ? '规划' : '核算'}情景 ${i.received} 条太少：该置信度至少需要 ${i.limit} 条（2/(1 − c)）` : undefined),
  cancelled: (i) => `已取消（${i.received ?? ''}）`,
  out_of_range: (i) => `超出范围：${i.received}`,
  missing_rate: () => '没有可用利率：银行无此产品期限的报价，计划也未给出利率',
  duplicate: (i) => `重复：${i.received}`,
  unknown_key: (i) => `\`${formatPath(i.path)}\`：未知字段${i.suggestion ? `，是否应为 \`${i.suggestion}\`？` : '，没有相近的字段名（限值列出此处可用的字段）'}`,
  implausible_rate: (i) => `利率 ${i.received} 即年利率 ${pctText(i.received)}，高于合理上限 ${pctText(i.limit)}：利率以小数表示，是否应为 ${i.suggestion}（${pctText(i.suggestion)}）？`,
  implausible_amount: (i) => `金额 ${i.received} 元达到 10¹⁵ 元（1000 万亿元）以上，超过全国存款总额：是否按分录入或多输了位数？`,
  invalid_flag: (i) => `${i.path[0]} 须为${i.rule === 'wholeNumberFlag' ? '整数' : '数值'}，范围 ${i.limit}，收到 ${i.received}`,
  unwritable: (i) => `${i.path[0]} ${i.received}：无法写入（文件夹不存在、没有写权限，或这是一个文件夹）`,
  missing: (i) =>
    i.rule === 'flowsCoverHorizon'
      ? `${fundName(i.fundType)} 在规划期内缺少现金流（已有 ${i.received}）：evaluate（未给 --flows 时）和 optimize 需要每月每险种的现金流`
      : i.rule === 'historyPerFundType'
        ? `${fundName(i.fundType)} 没有历史数据：无法预测其现金流情景，optimize 与 compare 不能据此保障支付（请补充与其他险种相同的 ${i.limit} 个月历史，或使用 optimize --confidence 0 --paths 0）`
        : undefined,
};

function fundName(fundType: string | undefined): string {
  return fundType ? ((FUND_TYPE_NAMES_ZH as Record<string, string>)[fundType] ?? fundType) : '';
}

function gapBp(received: string | undefined, limit: string | undefined): string {
  return received === undefined || limit === undefined ? '—' : ((Number(limit) - Number(received)) * 10_000).toFixed(0);
}

function pctText(rate: string | undefined): string {
  if (rate === undefined) return '—';
  const n = Number(rate) * 100;
  return `${n.toFixed(2)}%`;
}

/** The issue's message in the chosen language. */
export function issueMessage(issue: DomainIssue, lang: 'zh' | 'en'): string {
  if (lang === 'zh') {
    const text = ZH[issue.code]?.(issue);
    if (text) return text;
  }
  return issue.message;
}
