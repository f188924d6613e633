import { type DomainIssue, ZERO } from '@fundladder/core';
import { type EvaluationSummary, type Names, issueDetail, issueText, namesFor, ruleName } from '@fundladder/app';
import type { CliIo } from '../io';
import { pct, printIssue, table, wan, yuan } from '../format';

function groupIssues(issues: readonly DomainIssue[]): Map<string, DomainIssue[]> {
  const out = new Map<string, DomainIssue[]>();
  for (const i of issues) out.set(i.rule, [...(out.get(i.rule) ?? []), i]);
  return out;
}

/**
 * A ledger evaluation in the terminal: months (万元), totals and interest (yuan), KPIs, cap use, rule breaks, findings.
 * @param names - from the scenario (`namesOf`), to name accounts and places too; by default the result's bank names
 * @param planLabel - the plan's name as shown (the optimizer's plan is named by what it is, in the reader's language)
 */
export function printEvaluation(io: CliIo, ev: EvaluationSummary, names: Names = namesFor(ev.scenario.bankNames, io.lang), planLabel: string = ev.plan): void {
  const zh = io.lang === 'zh';
  const t = ev.totals;
  const k = ev.kpis;
  io.out(`${zh ? '情景' : 'Scenario'}: ${ev.scenario.name}   ${zh ? '计划' : 'Plan'}: ${planLabel}   ${zh ? '规划期' : 'Horizon'}: ${ev.scenario.startMonth} + ${ev.scenario.horizonMonths} ${zh ? '个月' : 'months'}`);
  io.out('');
  io.out(zh ? '逐月账本（万元）' : 'Ledger by month (万元, 10,000 yuan)');
  const head = zh ? ['月份', '期初合计', '收入', '支出', '新存放', '到期', '利息', '期末流动', '储备要求', '定期/存单', '国债', '期末合计'] : ['month', 'opening', 'inflows', 'outflows', 'placed', 'matured', 'interest', 'liquid', 'reserve', 'time/CD', 'bonds', 'closing'];
  io.out(table([head, ...ev.months.map((m) => [m.month, wan(m.openingTotal), wan(m.inflows), wan(m.outflows), wan(m.placed), wan(m.matured), wan(m.interestReceived), wan(m.closingLiquid), wan(m.reserveRequired), wan(m.closingTimeDeposits), wan(m.closingBonds), wan(m.closingTotal)])]));
  io.out('');
  io.out(zh ? '合计' : 'Totals');
  io.out(table([
    [zh ? '期初资金（元）' : 'opening total (yuan)', yuan(t.openingTotal)],
    [zh ? '收入' : 'inflows', yuan(t.inflows)],
    [zh ? '支出' : 'outflows', yuan(t.outflows)],
    [zh ? '期内实收利息 I1' : 'interest received (I1)', yuan(t.interestReceived)],
    [zh ? '期末应计未付利息' : 'accrued, unpaid at end', yuan(t.accruedAtEnd)],
    [zh ? '期初前已应计（存量）' : 'accrued before start (existing)', yuan(t.accruedAtStart)],
    [zh ? '期内赚取利息' : 'interest earned in horizon', yuan(t.interestEarned)],
    [zh ? '期末持有存单全期利息 I2' : 'lifetime interest of open positions (I2)', yuan(t.realisableOnOpenPositions)],
    [zh ? '期末资金（元）' : 'closing total (yuan)', yuan(t.closingTotal)],
  ]));
  io.out('');
  io.out(zh ? '利息（元）按产品 / 银行 / 险种' : 'Interest received (yuan) by product / bank / fund type');
  io.out(table([...t.interestByProduct].map(([key, v]) => [`  ${names.product(key)}`, yuan(v)])));
  io.out(table([...t.interestByBank].map(([key, v]) => [`  ${names.bank(key)}`, yuan(v)])));
  io.out(table([...t.interestByFundType].map(([key, v]) => [`  ${names.fundType(key)}`, yuan(v)])));
  io.out('');
  io.out(zh ? '主要指标' : 'KPIs');
  const tiers = [...k.tierShare].map(([term, s]) => `${term}${zh ? '个月' : 'm'} ${pct(s, 1)}`).join(zh ? '、' : ', ') || '—';
  io.out(table([
    [zh ? '年增殖率' : 'annual value-added rate', pct(k.annualYieldRate)],
    [zh ? '结算户流转天数' : 'settlement-account days', k.settlementDays ? k.settlementDays.toFixed(2) : '—'],
    [zh ? '活期平均收益率' : 'average demand yield', pct(k.averageDemandYield, 3)],
    [zh ? '期末定期存款占比' : 'time-deposit share at end', pct(k.timeDepositShare)],
    [zh ? '期末定期档次占比' : 'tier shares at end', tiers],
    [zh ? '计划利率上浮（较基准）' : 'plan rate uplift vs benchmark', k.rateUplift ? (zh ? `${pct(k.rateUplift.relative)}（${k.rateUplift.basisPoints.toFixed(1)} 个基点）` : `${pct(k.rateUplift.relative)} (${k.rateUplift.basisPoints.toFixed(1)} bp)`) : '—'],
    [zh ? '期末可支付月数' : 'months payable at end', k.monthsPayable ? k.monthsPayable.toFixed(2) : '—'],
  ]));
  io.out('');
  io.out(zh ? '各银行上限使用率（规划期内最高，100% 即达上限）' : "Banks' highest use of each cap over the horizon (100% = at the cap)");
  io.out(table([[zh ? '银行' : 'bank', zh ? '上限A 单笔' : 'cap A tranche', zh ? '上限B 一般性存款' : 'cap B local deposits', zh ? '上限C 基金定期' : 'cap C fund share'], ...k.bankCapUsage.map((u) => [names.bank(u.bankId), pct(u.tranche, 0), pct(u.localDeposits, 1), pct(u.fundShare, 0)])]));
  io.out('');
  if (ev.issues.length === 0) io.out(zh ? '✔ 计划未违反任何规则。' : '✔ The plan breaks no rule.');
  else {
    io.out(zh ? `✖ 计划违反规则 ${ev.issues.length} 处：` : `✖ The plan breaks rules in ${ev.issues.length} place(s):`);
    for (const [rule, list] of groupIssues(ev.issues)) {
      const total = list.reduce((s, i) => (i.amount ? s.plus(i.amount) : s), ZERO);
      io.out(zh
        ? `  ${ruleName(rule, 'zh')}：${list.length} 处${total.isZero() ? '' : `，合计金额 ${wan(total)} 万元`}`
        : `  ${ruleName(rule, 'en')}: ${list.length}${total.isZero() ? '' : ` (amount ${wan(total)}万)`}`);
      for (const i of list.slice(0, 3)) io.out(`    ${printIssue(i, io, names)}`);
      if (list.length > 3) io.out(`    … ${list.length - 3} ${zh ? '处未列出（--json 查看全部）' : 'more (see --json)'}`);
    }
  }
  if (ev.findings.length) {
    io.out('');
    io.out(zh ? '发现（不是计划违规，供核对）：' : 'Findings (not plan errors; to check):');
    for (const f of ev.findings) io.out(`  • ${issueText(f, io.lang, names)}${io.verbose ? ` [${issueDetail(f, io.lang)}]` : ''}`);
  }
}
