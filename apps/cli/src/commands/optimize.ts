import { type Scenario, addMonthsToKey, dec, monthOrdinal, toWire } from '@fundladder/core';
import { type OptimizeResult, explainBinding, explainInfeasible, optimize } from '@fundladder/optimizer';
import { type Command, type CliIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { parseCommandArgs } from '../args';
import { readScenario } from '../readInput';
import { printIssue, table, wan } from '../format';
import { printEvaluation } from './evaluate';

const HELP_ZH = `用法: fundladder optimize 情景文件 [--solver highs|jsls] [--horizon 36] [--out 计划.json] [--json|--csv] [--explain]
求解多期线性规划：在流动性储备和各银行上限之内，安排定期、大额存单、通知存款和国债，使规划期利息最多；
所得计划再由精确账本逐月核算和检查（违规即报错，不输出计划）。--explain 说明哪些规则约束了结果及其代价。
不可行时（如储备要求过高）说明哪个月、短缺多少、哪条规则约束。`;
const HELP_EN = `Usage: fundladder optimize SCENARIO [--solver highs|jsls] [--horizon 36] [--out PLAN.json] [--json|--csv] [--explain]
Solves the multi-period LP (time deposits, large CDs, call deposits, bonds across banks, within the reserve and every
bank cap) for the most interest over the horizon, then prices and checks the plan with the exact ledger (a broken
rule is an error, never a plan). --explain tells which rules bind and what they cost. An infeasible scenario is
explained: which month, how much short, which rule binds.`;

/** A scenario cut to its first `months` months (flows included). */
export function withHorizon(scenario: Scenario, months: number): Scenario {
  const end = monthOrdinal(addMonthsToKey(scenario.startMonth, months));
  return { ...scenario, horizonMonths: months, flows: scenario.flows.filter((f) => monthOrdinal(f.month) < end) };
}

function printResult(io: CliIo, scenario: Scenario, r: OptimizeResult, explain: boolean): void {
  const zh = io.lang === 'zh';
  if (r.status !== 'optimal') {
    io.out(zh ? `✖ 未得到计划：${r.status}` : `✖ No plan: ${r.status}`);
    for (const i of r.issues) io.out(`  ${printIssue(i, io.lang)}`);
    return;
  }
  io.out(zh ? `求解器 ${r.report.backend}：最优；模型 ${r.size.variables} 个变量、${r.size.rows} 行、${r.size.nonZeros} 个非零系数；建模 ${r.buildMs.toFixed(0)} ms，求解共 ${r.totalSolveMs.toFixed(0)} ms，${r.rounds} 轮（大额存单、通知存款起存金额取整）`
    : `Solver ${r.report.backend}: optimal; model ${r.size.variables} variables, ${r.size.rows} rows, ${r.size.nonZeros} non-zeros; build ${r.buildMs.toFixed(0)} ms, solve ${r.totalSolveMs.toFixed(0)} ms in all, ${r.rounds} round(s) of lot rounding`);
  io.out(zh ? `规划期利息：线性规划 ${wan(r.lpInterest)} 万元，精确账本 ${wan(r.ledgerInterest)} 万元（账本为准；差异在容差内）` : `Interest over the horizon: LP ${wan(r.lpInterest)}万, exact ledger ${wan(r.ledgerInterest)}万 (the ledger's figure counts; within tolerance)`);
  const o = r.optimality;
  const gapPct = (o.gap * 100).toFixed(2);
  io.out(zh
    ? `求解方式：${o.strategy === 'pooled+split' ? '先合并各险种求解，再把每笔存放分给各险种（各险种只用自己的钱）' : '各险种分列求解'}${o.fallback ? `（合并后无法分配：${o.fallback}）` : ''}；线性规划上界 ${wan(o.bound)} 万元，本计划距上界至多 ${gapPct}%`
    : `Method: ${o.strategy === 'pooled+split' ? 'the fund pooled, then each placement split among fund types (each pays from its own money)' : 'one LP with fund types apart'}${o.fallback ? ` (the split failed: ${o.fallback})` : ''}; LP upper bound ${wan(o.bound)}万, this plan at most ${gapPct}% below it`);
  io.out('');
  io.out(zh ? '计划（按月，万元）' : 'Plan (by month, 万元)');
  const rows = r.plan.placements.map((p) => [p.month, p.bankId ?? (zh ? '国债' : 'bond'), p.product, `${p.termMonths}`, `${(Number(p.annualRate) * 100).toFixed(2)}%`, p.fundType ?? '—', wan(dec(p.amount))]);
  io.out(table([[zh ? '月份' : 'month', zh ? '银行' : 'bank', zh ? '产品' : 'product', zh ? '期限(月)' : 'term', zh ? '利率' : 'rate', zh ? '险种' : 'fund type', zh ? '金额' : 'amount'], ...rows.slice(0, 40)]));
  if (rows.length > 40) io.out(zh ? `  … 共 ${rows.length} 笔（--json 或 --out 查看全部）` : `  … ${rows.length} placements in all (see --json or --out)`);
  io.out('');
  printEvaluation(io, scenario, r.evaluation);
  if (r.data.exclusions.length) {
    io.out('');
    io.out(zh ? '不能使用的银行或产品（规则所致）：' : 'Banks or products the rules rule out:');
    for (const e of r.data.exclusions) io.out(`  • ${e.reason} (${e.rule})`);
  }
  if (explain) {
    io.out('');
    io.out(zh ? '约束结果的规则及其代价（影子价格，线性外推，"约"）：' : 'Rules that bind, and what they cost (shadow prices, linear, "about"):');
    for (const line of explainBinding(r, io.lang)) io.out(`  • ${line}`);
  }
}

/** `fundladder optimize SCENARIO`: the plan, its KPIs from the ledger, the binding rules. */
export const optimizeCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'optimize', args, { solver: { type: 'string' }, horizon: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, explain: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const solver = values.solver ?? 'highs';
  if (solver !== 'highs' && solver !== 'jsls') {
    io.err('fundladder optimize: --solver is highs or jsls');
    return EXIT_USAGE;
  }
  const s = readScenario(io, positionals[0]!);
  if (!s.ok) {
    for (const i of s.issues) io.err(printIssue(i, io.lang));
    return EXIT_PROBLEMS;
  }
  let scenario = s.value;
  if (values.horizon !== undefined) {
    const h = Number(values.horizon);
    if (!Number.isInteger(h) || h < 1 || h > scenario.horizonMonths) {
      io.err(`fundladder optimize: --horizon must be a whole number from 1 to the scenario's ${scenario.horizonMonths} months`);
      return EXIT_USAGE;
    }
    scenario = withHorizon(scenario, h);
  }
  const result = await optimize(scenario, { solver });
  const infeasibility = result.status === 'infeasible' ? await explainInfeasible(scenario) : undefined;
  if (result.status === 'optimal' && values.out) io.writeText(values.out, `${JSON.stringify(result.plan, null, 2)}\n`);
  if (values.json) {
    const base = { status: result.status, ...(result.status === 'optimal' ? { interest: result.ledgerInterest.toFixed(2), lpInterest: result.lpInterest.toFixed(2), optimality: toWire(result.optimality), placements: result.plan.placements, size: result.size, binding: explainBinding(result, 'en'), kpis: toWire(result.evaluation.kpis), exclusions: result.data.exclusions } : { issues: result.issues, ...(infeasibility ? { infeasibility } : {}) }) };
    io.out(JSON.stringify(base, null, 2));
  } else if (values.csv && result.status === 'optimal') {
    io.out('month,product,termMonths,bankId,fundType,amount,annualRate');
    for (const p of result.plan.placements) io.out([p.month, p.product, p.termMonths, p.bankId ?? '', p.fundType ?? '', p.amount, p.annualRate ?? ''].join(','));
  } else {
    printResult(io, scenario, result, values.explain === true);
    if (infeasibility) {
      io.out('');
      io.out(io.lang === 'zh' ? '不可行的原因（弹性模型：允许规则被突破，求最小突破量）：' : 'Why it is infeasible (elastic model: the least any rule must bend):');
      for (const line of infeasibility.lines[io.lang]) io.out(`  • ${line}`);
    }
  }
  return result.status === 'optimal' ? EXIT_OK : EXIT_PROBLEMS;
};
