import { type Decimal, type Evaluation, type Scenario, ZERO, evaluatePlan } from '@fundladder/core';
import { BASELINE_NAMES, type BaselinePolicy, baselinePlan, optimize } from '@fundladder/optimizer';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../io';
import { parseCommandArgs } from '../args';
import { readJson, readScenario } from '../readInput';
import { pct, printIssue, table, wan } from '../format';

const HELP_ZH = `用法: fundladder compare 情景文件 [计划文件…] [--baselines] [--optimized]
用同一精确账本核算每个计划，KPI 并列，并给出与第一列相比的差额（万元）。
--baselines 加入两个简单做法（全部1年期平均分存；3/6/12个月固定阶梯），--optimized 加入优化计划。`;
const HELP_EN = `Usage: fundladder compare SCENARIO [PLAN…] [--baselines] [--optimized]
Prices every plan with the same exact ledger and prints the KPIs side by side, with differences from the first
column in 万元. --baselines adds two simple policies (all in 1-year deposits split evenly; a fixed 3/6/12-month
ladder); --optimized adds the optimizer's plan.`;

/** `fundladder compare`: plans side by side, every figure from the ledger. */
export const compareCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'compare', args, { baselines: { type: 'boolean' }, optimized: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 20 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const zh = io.lang === 'zh';
  const s = readScenario(io, positionals[0]!);
  if (!s.ok) {
    for (const i of s.issues) io.err(printIssue(i, io.lang));
    return EXIT_PROBLEMS;
  }
  const scenario: Scenario = s.value;
  const runs: Array<{ name: string; ev: Evaluation }> = [];
  if (values.optimized) {
    const r = await optimize(scenario);
    if (r.status !== 'optimal') {
      io.err(zh ? `优化未得到计划：${r.status}` : `the optimizer gave no plan: ${r.status}`);
      for (const i of r.issues) io.err(printIssue(i, io.lang));
      return EXIT_PROBLEMS;
    }
    runs.push({ name: zh ? '优化计划' : 'optimized', ev: r.evaluation });
  }
  for (const file of positionals.slice(1)) {
    const json = readJson(io, file);
    const ev = json.ok ? evaluatePlan(scenario, json.value) : json;
    if (!ev.ok) {
      for (const i of ev.issues) io.err(printIssue(i, io.lang));
      return EXIT_PROBLEMS;
    }
    runs.push({ name: ev.value.plan.name, ev: ev.value });
  }
  if (values.baselines) {
    for (const policy of ['oneYearEven', 'ladder3612'] as BaselinePolicy[]) {
      const ev = evaluatePlan(scenario, baselinePlan(scenario, policy));
      if (!ev.ok) {
        for (const i of ev.issues) io.err(printIssue(i, io.lang));
        return EXIT_PROBLEMS;
      }
      runs.push({ name: BASELINE_NAMES[policy][io.lang], ev: ev.value });
    }
  }
  if (!runs.length) {
    io.err(zh ? '没有可比较的计划：给出计划文件，或用 --baselines / --optimized' : 'nothing to compare: give plan files, or --baselines / --optimized');
    return EXIT_PROBLEMS;
  }
  const first = runs[0]!.ev;
  const diff = (a: Decimal, b: Decimal) => `${a.minus(b).gte(0) ? '+' : ''}${wan(a.minus(b))}`;
  io.out(zh ? '各计划（同一账本核算）' : 'Plans (all priced by the same ledger)');
  runs.forEach((r, k) => io.out(`  [${k + 1}] ${r.name}`));
  io.out('');
  const head = ['', ...runs.map((_, k) => `[${k + 1}]`)];
  const rows: string[][] = [
    [zh ? '规划期赚取利息（万元）' : 'interest earned (万元)', ...runs.map((r) => wan(r.ev.report.totals.interestEarned))],
    [zh ? '与[1]之差（万元）' : 'difference from [1] (万元)', ...runs.map((r) => diff(r.ev.report.totals.interestEarned, first.report.totals.interestEarned))],
    [zh ? '期内实收利息（万元）' : 'interest received (万元)', ...runs.map((r) => wan(r.ev.report.totals.interestReceived))],
    [zh ? '年增殖率' : 'annual value-added rate', ...runs.map((r) => pct(r.ev.kpis.annualYieldRate))],
    [zh ? '期末定期占比' : 'time-deposit share at end', ...runs.map((r) => pct(r.ev.kpis.timeDepositShare))],
    [zh ? '期末可支付月数' : 'months payable at end', ...runs.map((r) => r.ev.kpis.monthsPayable?.toFixed(2) ?? '—')],
    [zh ? '最低期末流动资金（万元）' : 'lowest month-end liquid money (万元)', ...runs.map((r) => wan(r.ev.report.months.reduce((m, x) => (x.closingLiquid.lt(m) ? x.closingLiquid : m), r.ev.report.months[0]?.closingLiquid ?? ZERO)))],
    [zh ? '违反规则（处）' : 'rule breaks', ...runs.map((r) => String(r.ev.report.issues.length))],
  ];
  io.out(table([head, ...rows]));
  for (const [k, r] of runs.entries()) {
    if (!r.ev.report.issues.length) continue;
    const rules = new Map<string, number>();
    for (const i of r.ev.report.issues) rules.set(i.rule, (rules.get(i.rule) ?? 0) + 1);
    io.out(`  [${k + 1}] ${[...rules].map(([rule, n]) => `${rule} ×${n}`).join(', ')}`);
  }
  return EXIT_OK;
};
