import { type Evaluation, type DomainIssue, type Scenario, FUND_TYPE_NAMES_ZH, evaluatePlan, toWire, ZERO } from '@fundladder/core';
import { type Command, type CliIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { parseCommandArgs } from '../args';
import { readFlows, readJson, readScenario } from '../readInput';
import { pct, printIssue, table, wan, yuan } from '../format';
import { ruleLabel } from '../i18n/rules';
import { issueMessage } from '../i18n/messages';

const HELP_ZH = `用法: fundladder evaluate 情景文件 --plan 计划文件 [--flows 现金流.csv|.json] [--json]
用精确账本逐月运行计划：期初、收入、支出、存放、到期、利息（按产品、银行、险种）、期末与持仓，
列出计划违反的每一条规则（月份、银行、金额、规则名），并计算 KPI。现金流默认取情景文件的 flows。
计划违反任何规则时以退出码 1 结束（与 validate 相同）。`;
const HELP_EN = `Usage: fundladder evaluate SCENARIO --plan PLAN [--flows FLOWS.csv|.json] [--json]
Runs the plan through the exact ledger month by month (opening, inflows, outflows, placements, maturities,
interest by product, bank and fund type, closing, holdings), lists every rule it breaks (month, bank, amount,
rule) and computes the KPIs. Flows default to the scenario's own \`flows\`. Exits 1 when the plan breaks a rule, as
validate does.`;

function groupIssues(issues: readonly DomainIssue[]): Map<string, DomainIssue[]> {
  const out = new Map<string, DomainIssue[]>();
  for (const i of issues) out.set(i.rule, [...(out.get(i.rule) ?? []), i]);
  return out;
}

/** Prints the ledger summary, KPIs and rule breaks in the terminal (amounts in 万元, interest in yuan). */
export function printEvaluation(io: CliIo, scenario: Scenario, ev: Evaluation): void {
  const zh = io.lang === 'zh';
  const { report, kpis } = ev;
  const t = report.totals;
  io.out(`${zh ? '情景' : 'Scenario'}: ${scenario.name}   ${zh ? '计划' : 'Plan'}: ${ev.plan.name}   ${zh ? '规划期' : 'Horizon'}: ${scenario.startMonth} + ${scenario.horizonMonths} ${zh ? '个月' : 'months'}`);
  io.out('');
  io.out(zh ? '逐月账本（万元）' : 'Ledger by month (万元, 10,000 yuan)');
  const head = zh ? ['月份', '期初合计', '收入', '支出', '新存放', '到期', '利息', '期末流动', '储备要求', '定期/存单', '国债', '期末合计'] : ['month', 'opening', 'inflows', 'outflows', 'placed', 'matured', 'interest', 'liquid', 'reserve', 'time/CD', 'bonds', 'closing'];
  io.out(table([head, ...report.months.map((m) => [m.month, wan(m.openingTotal), wan(m.inflows), wan(m.outflows), wan(m.placed), wan(m.matured), wan(m.interestReceived), wan(m.closingLiquid), wan(m.reserveRequired), wan(m.closingTimeDeposits), wan(m.closingBonds), wan(m.closingTotal)])]));
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
  io.out(table([...t.interestByProduct].map(([k, v]) => [`  ${k}`, yuan(v)])));
  io.out(table([...t.interestByBank].map(([k, v]) => [`  ${k}`, yuan(v)])));
  io.out(table([...t.interestByFundType].map(([k, v]) => [`  ${zh ? FUND_TYPE_NAMES_ZH[k] : k}`, yuan(v)])));
  io.out('');
  io.out('KPI');
  const tiers = [...kpis.tierShare].map(([term, s]) => `${term}${zh ? '个月' : 'm'} ${pct(s, 1)}`).join(', ') || '—';
  io.out(table([
    [zh ? '年增殖率 annualYieldRate' : 'annual value-added rate', pct(kpis.annualYieldRate)],
    [zh ? '结算户流转天数 settlementDays' : 'settlement-account days', kpis.settlementDays ? kpis.settlementDays.toFixed(2) : '—'],
    [zh ? '活期平均收益率 averageYield' : 'average demand yield', pct(kpis.averageDemandYield, 3)],
    [zh ? '期末定期存款占比 timeDepositShare' : 'time-deposit share at end', pct(kpis.timeDepositShare)],
    [zh ? '期末定期档次占比 tierShare' : 'tier shares at end', tiers],
    [zh ? '计划利率上浮（较基准）rateUplift' : 'plan rate uplift vs benchmark', kpis.rateUplift ? `${pct(kpis.rateUplift.relative)} (${kpis.rateUplift.basisPoints.toFixed(1)} bp)` : '—'],
    [zh ? '期末可支付月数 monthsPayable' : 'months payable at end', kpis.monthsPayable ? kpis.monthsPayable.toFixed(2) : '—'],
  ]));
  io.out('');
  io.out(zh ? '各银行上限使用率（规划期内最高，100% 即达上限）' : "Banks' highest use of each cap over the horizon (100% = at the cap)");
  io.out(table([[zh ? '银行' : 'bank', zh ? '上限A 单笔' : 'cap A tranche', zh ? '上限B 一般性存款' : 'cap B local deposits', zh ? '上限C 基金定期' : 'cap C fund share'], ...kpis.bankCapUsage.map((u) => [u.bankId, pct(u.tranche, 0), pct(u.localDeposits, 1), pct(u.fundShare, 0)])]));
  io.out('');
  if (report.issues.length === 0) io.out(zh ? '✔ 计划未违反任何规则。' : '✔ The plan breaks no rule.');
  else {
    io.out(zh ? `✖ 计划违反规则 ${report.issues.length} 处：` : `✖ The plan breaks rules in ${report.issues.length} place(s):`);
    for (const [rule, list] of groupIssues(report.issues)) {
      const total = list.reduce((s, i) => (i.amount ? s.plus(i.amount) : s), ZERO);
      io.out(`  ${ruleLabel(rule, io.lang)}: ${list.length}${total.isZero() ? '' : ` (${zh ? '合计金额' : 'amount'} ${wan(total)}${zh ? '万元' : '万'})`}`);
      for (const i of list.slice(0, 3)) io.out(`    ${printIssue(i, io.lang)}`);
      if (list.length > 3) io.out(`    … ${list.length - 3} ${zh ? '处未列出（--json 查看全部）' : 'more (see --json)'}`);
    }
  }
  if (report.findings.length) {
    io.out('');
    io.out(zh ? '发现（不是计划违规，供核对）：' : 'Findings (not plan errors; to check):');
    for (const f of report.findings) io.out(`  • ${issueMessage(f, io.lang)}${zh ? `（${ruleLabel(f.rule, 'zh')}）` : ''}`);
  }
}

/** `fundladder evaluate SCENARIO --plan PLAN`: the ledger summary and KPIs; exit 1 when the plan breaks a rule. */
export const evaluateCommand: Command = (args, io) => {
  const parsed = parseCommandArgs(io, 'evaluate', args, { plan: { type: 'string' }, flows: { type: 'string' }, json: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  if (!values.plan) {
    io.err(io.lang === 'zh' ? 'fundladder evaluate: 需要 --plan 计划文件' : 'fundladder evaluate: --plan PLAN is required');
    return EXIT_USAGE;
  }
  const fail = (issues: readonly DomainIssue[]) => {
    for (const i of issues) io.err(printIssue(i, io.lang));
    return EXIT_PROBLEMS;
  };
  const scenario = readScenario(io, positionals[0]!);
  if (!scenario.ok) return fail(scenario.issues);
  const plan = readJson(io, values.plan);
  if (!plan.ok) return fail(plan.issues);
  let flows = scenario.value.flows;
  if (values.flows) {
    const f = readFlows(io, values.flows);
    if (!f.ok) return fail(f.issues);
    flows = f.value;
  }
  const ev = evaluatePlan(scenario.value, plan.value, flows);
  if (!ev.ok) return fail(ev.issues);
  if (values.json) {
    const { report, kpis } = ev.value;
    io.out(JSON.stringify(toWire({ scenario: scenario.value.name, plan: ev.value.plan.name, interest: report.totals.interestEarned.toFixed(2), totals: report.totals, kpis, months: report.months, issues: report.issues, findings: report.findings }), null, 2));
  } else printEvaluation(io, scenario.value, ev.value);
  // A plan that breaks a rule fails, as in validate: scripts and CI must not take it for a good plan.
  return ev.value.report.issues.length ? EXIT_PROBLEMS : EXIT_OK;
};
