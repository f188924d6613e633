import { type Scenario, addMonthsToKey, dec, monthOrdinal, toWire } from '@fundladder/core';
import { type OptimizeResult, type RolloverPlan, type StressResult, explainBinding, explainInfeasible, optimize, reserveFromPaths, rollingPlan, rolloverPlan, stressTest } from '@fundladder/optimizer';
import { forecastFlowPaths, forecastMeanFlows } from '../flowPaths';
import { progressBar } from '../progress';
import { type Command, type CliIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { parseCommandArgs } from '../args';
import { readScenario } from '../readInput';
import { printIssue, table, wan } from '../format';
import { printEvaluation } from './evaluate';
import { capFindingLines } from '../i18n/capFindings';

const HELP_ZH = `用法: fundladder optimize 情景文件 [--solver highs|jsls] [--horizon 36] [--reserve-quantile 0.95] [--reserve-months 3]
  [--paths 100] [--seed 1] [--rolling] [--rolling-paths 3] [--placement-penalty-bp 0] [--out 计划.json] [--json|--csv] [--explain]
求解多期线性规划：在流动性储备和各银行上限之内，安排定期、大额存单、通知存款和国债，使规划期利息最多；
所得计划再由精确账本逐月核算和检查（违规即报错，不输出计划）。--explain 说明哪些规则约束了结果及其代价。
不可行时（如储备要求过高）说明哪个月、短缺多少、哪条规则约束。
--reserve-quantile q：储备另取预测情景中未来 k 个月（--reserve-months，默认 3）净支出的 q 分位数（取两者较大）。
--paths N：把计划放到预测的 N 条联合情景上用账本逐条核算（压力测试；0 表示不做），报告某月无法支付的概率、
储备不足的概率、利息期望与 5% 分位数。
--rolling：按季滚动：在预测的前 K 条情景（--rolling-paths）上，每季初用已实现的流量重新预测、重新规划，只执行本季度
的存放；报告滚动策略与一次性计划在同一情景上的实际利息和支付缺口。
--placement-penalty-bp x：每笔存放金额计 x 个基点的成本（只在目标中），两个差不多的计划中选资金调动少的那个。`;
const HELP_EN = `Usage: fundladder optimize SCENARIO [--solver highs|jsls] [--horizon 36] [--reserve-quantile 0.95] [--reserve-months 3]
  [--paths 100] [--seed 1] [--rolling] [--rolling-paths 3] [--placement-penalty-bp 0] [--out PLAN.json] [--json|--csv] [--explain]
Solves the multi-period LP (time deposits, large CDs, call deposits, bonds across banks, within the reserve and every
bank cap) for the most interest over the horizon, then prices and checks the plan with the exact ledger (a broken
rule is an error, never a plan). --explain tells which rules bind and what they cost. An infeasible scenario is
explained: which month, how much short, which rule binds.
--reserve-quantile q: the reserve is also at least the q-quantile of the next k months' net outflow on the forecast's
paths (--reserve-months k, default 3), whichever is larger.
--paths N: runs the plan through the ledger on N joint forecast paths (stress; 0 = none) and reports the probability
that some fund type cannot pay in some month, the probability of a reserve breach, and the expected and 5th-percentile
interest.
--rolling: quarterly re-planning on the first K forecast paths (--rolling-paths): at each quarter's start the flows
are re-forecast from what has happened, the fund re-planned, and only the quarter's placements made; reports the
realised interest and payout gaps of the rolling policy against the one-off plan on the same paths.
--placement-penalty-bp x: a cost of x basis points of every amount placed (in the objective only), so that of two
nearly equal plans the one that moves less money wins.`;

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
    for (const line of capFindingLines(r.capFindings, io.lang)) io.out(`  • ${line}`);
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
  printRollover(io, rolloverPlan(r));
  io.out('');
  printEvaluation(io, scenario, r.evaluation);
  if (r.capFindings.length) {
    io.out('');
    io.out(zh ? '银行上限的影响：' : 'What the bank caps do here:');
    for (const line of capFindingLines(r.capFindings, io.lang)) io.out(`  • ${line}`);
  }
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

/** The next quarter as a to-do list: what matures, what to place (grouped over fund types), and why. */
function printRollover(io: CliIo, ro: RolloverPlan): void {
  const zh = io.lang === 'zh';
  io.out(zh ? `下一季度操作清单（${ro.months[0]} 至 ${ro.months.at(-1)}，万元）` : `Next quarter, to do (${ro.months[0]} to ${ro.months.at(-1)}, 万元)`);
  io.out(zh ? `到期收回 ${ro.maturities.length} 笔：` : `${ro.maturities.length} deposit(s) or bond(s) come back:`);
  const mat = ro.maturities.map((m) => [m.date, m.bankId ?? (zh ? '国债' : 'bond'), m.product, m.fundType, wan(m.principal), wan(m.interest)]);
  if (mat.length) io.out(table([[zh ? '日期' : 'date', zh ? '银行' : 'bank', zh ? '产品' : 'product', zh ? '险种' : 'fund type', zh ? '本金' : 'principal', zh ? '利息' : 'interest'], ...mat.slice(0, 20)]));
  if (mat.length > 20) io.out(zh ? `  … 共 ${mat.length} 笔` : `  … ${mat.length} in all`);
  const groups = new Map<string, { p: RolloverPlan['placements'][number]; amount: ReturnType<typeof dec>; funds: string[] }>();
  for (const p of ro.placements) {
    const key = `${p.month}|${p.bankId ?? ''}|${p.product}|${p.termMonths}`;
    const g = groups.get(key);
    if (g) {
      g.amount = g.amount.plus(p.amount);
      if (p.fundType) g.funds.push(p.fundType);
    } else groups.set(key, { p, amount: p.amount, funds: p.fundType ? [p.fundType] : [] });
  }
  io.out(zh ? `新存放 ${groups.size} 笔（同月同行同产品同期限合并，括号内为险种数）：` : `${groups.size} placement(s) (same month, bank, product and term together; fund types in brackets):`);
  const rows = [...groups.values()].map(({ p, amount, funds }) => [p.month, p.bankId ?? (zh ? '国债' : 'bond'), p.product, `${p.termMonths}`, `${p.annualRate.times(100).toFixed(2)}%`, wan(amount), p.maturesIn, `(${funds.length})`, zh ? p.why.zh : p.why.en]);
  if (rows.length) io.out(table([[zh ? '月份' : 'month', zh ? '银行' : 'bank', zh ? '产品' : 'product', zh ? '期限(月)' : 'term', zh ? '利率' : 'rate', zh ? '金额' : 'amount', zh ? '收回月份' : 'back in', zh ? '险种' : 'funds', zh ? '原因' : 'why'], ...rows]));
  for (const l of ro.liquidity) io.out(zh ? `  ${l.month} 月末流动资金 ${wan(l.liquid)} 万元，储备要求 ${wan(l.reserve)} 万元` : `  ${l.month} month-end liquid money ${wan(l.liquid)}万, reserve ${wan(l.reserve)}万`);
}

interface RollingRow {
  path: number;
  staticInterest: ReturnType<typeof dec>;
  rollingInterest: ReturnType<typeof dec>;
  staticFirstShort: string | undefined;
  rollingFirstShort: string | undefined;
  failedSteps: string[];
}

function printRolling(io: CliIo, rows: readonly RollingRow[]): void {
  const zh = io.lang === 'zh';
  io.out('');
  io.out(zh ? `按季滚动重排 vs 一次性计划（同一条已实现情景，精确账本核算，万元）` : `Quarterly rolling re-plans vs the one-off plan (same realised path, exact ledger, 万元)`);
  io.out(table([
    [zh ? '情景' : 'path', zh ? '一次性计划利息' : 'one-off interest', zh ? '滚动利息' : 'rolling interest', zh ? '差额' : 'difference', zh ? '一次性首次缺口' : 'one-off first gap', zh ? '滚动首次缺口' : 'rolling first gap', zh ? '未能按全部规则重排的季度（elastic：按最少突破执行）' : 'quarters not re-planned within every rule (elastic: least bending)'],
    ...rows.map((r) => [`#${r.path + 1}`, wan(r.staticInterest), wan(r.rollingInterest), wan(r.rollingInterest.minus(r.staticInterest)), r.staticFirstShort ?? '—', r.rollingFirstShort ?? '—', r.failedSteps.length ? r.failedSteps.join('; ') : '—']),
  ]));
}

function stressWire(st: StressResult) {
  const { outcomes: _outcomes, ...rest } = st;
  return toWire(rest);
}

function printStress(io: CliIo, st: StressResult, quantile: number | undefined): void {
  const zh = io.lang === 'zh';
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  io.out('');
  io.out(zh ? `压力测试：计划放到预测的 ${st.paths} 条联合情景上，用精确账本逐条核算${quantile !== undefined ? `（储备取净支出 ${quantile} 分位数）` : ''}` : `Stress: the plan run through the exact ledger on ${st.paths} joint forecast paths${quantile !== undefined ? ` (reserve at the ${quantile} quantile of net outflow)` : ''}`);
  io.out(zh ? `  某月某险种（月初流动资金 + 当月收入）不足当月支付的概率：${pct(st.payoutShortProbability)}${st.medianFirstPayoutShortMonth ? `（首次不足的中位月份 ${st.medianFirstPayoutShortMonth}）` : ''}；头一个季度内：${pct(st.payoutShortFirstQuarterProbability)}` : `  Probability that some fund type cannot pay a month's payouts from its liquid money at the month's start plus the month's inflow: ${pct(st.payoutShortProbability)}${st.medianFirstPayoutShortMonth ? ` (median first month ${st.medianFirstPayoutShortMonth})` : ''}; within the first quarter: ${pct(st.payoutShortFirstQuarterProbability)}`);
  io.out(zh ? `  某险种结算账户某日透支的概率：${pct(st.shortProbability)}${st.mostCommonShortMonth ? `（最常见的首次透支月份 ${st.mostCommonShortMonth.month}，${st.mostCommonShortMonth.paths} 条；最大缺口 ${wan(st.largestShort)} 万元；通知存款需提前通知支取，账本不自动支取）` : ''}` : `  Probability that a fund type's settlement account is overdrawn on some day: ${pct(st.shortProbability)}${st.mostCommonShortMonth ? ` (most often first in ${st.mostCommonShortMonth.month}, ${st.mostCommonShortMonth.paths} paths; largest gap ${wan(st.largestShort)}万; call deposits need notice, the ledger does not draw on them)` : ''}`);
  io.out(zh ? `  流动性储备不足的概率：${pct(st.reserveBreachProbability)}` : `  Probability of a reserve breach: ${pct(st.reserveBreachProbability)}`);
  io.out(zh ? `  利息：期望 ${wan(st.expectedInterest)} 万元，5% 分位数 ${wan(st.p5Interest)} 万元` : `  Interest: expected ${wan(st.expectedInterest)}万, 5th percentile ${wan(st.p5Interest)}万`);
  if (st.payoutShortProbability > 0 || st.shortProbability > 0) io.out(zh ? '  ⚠ 按平均流量可行的计划，若整个规划期不再调整，在部分情景下付不出钱：按季滚动重排（--rolling）、提高 --reserve-quantile 或缩短期限。' : '  ⚠ A plan feasible on the mean flows, followed unchanged over the whole horizon, fails to pay on some paths: re-plan quarterly (--rolling), raise --reserve-quantile or shorten terms.');
}

/** `fundladder optimize SCENARIO`: the plan, its KPIs from the ledger, the binding rules, the stress results. */
export const optimizeCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'optimize', args, { solver: { type: 'string' }, horizon: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, explain: { type: 'boolean' }, 'reserve-quantile': { type: 'string' }, 'reserve-months': { type: 'string' }, paths: { type: 'string' }, seed: { type: 'string' }, rolling: { type: 'boolean' }, 'rolling-paths': { type: 'string' }, 'placement-penalty-bp': { type: 'string' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
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
  // The flags override the scenario's policy.reserveForecast.
  const quantile = values['reserve-quantile'] === undefined ? scenario.policy.reserveForecast?.quantile : Number(values['reserve-quantile']);
  if (quantile !== undefined && !(quantile > 0 && quantile < 1)) {
    io.err('fundladder optimize: --reserve-quantile is a number between 0 and 1, e.g. 0.95');
    return EXIT_USAGE;
  }
  const reserveMonths = Number(values['reserve-months'] ?? scenario.policy.reserveForecast?.months ?? 3);
  const paths = Number(values.paths ?? 100);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(reserveMonths) || reserveMonths < 1 || !Number.isInteger(paths) || paths < 0 || !Number.isInteger(seed)) {
    io.err('fundladder optimize: --reserve-months ≥ 1, --paths ≥ 0 and --seed are whole numbers');
    return EXIT_USAGE;
  }
  const penaltyBp = Number(values['placement-penalty-bp'] ?? 0);
  if (!Number.isFinite(penaltyBp) || penaltyBp < 0 || penaltyBp > 100) {
    io.err('fundladder optimize: --placement-penalty-bp is a number of basis points from 0 to 100');
    return EXIT_USAGE;
  }
  const rollingPaths = Number(values['rolling-paths'] ?? 3);
  if (!Number.isInteger(rollingPaths) || rollingPaths < 1) {
    io.err('fundladder optimize: --rolling-paths is a whole number ≥ 1');
    return EXIT_USAGE;
  }
  // Forecast paths (issue 4), drawn once, for the quantile reserve (200 paths), the stress test (the first --paths)
  // and the rolling comparison (the first --rolling-paths); a scenario without history gets none, and says so.
  let flowPaths: Awaited<ReturnType<typeof forecastFlowPaths>> | undefined;
  const pathsNeeded = Math.max(paths, quantile !== undefined ? 200 : 0, values.rolling ? rollingPaths : 0);
  if (pathsNeeded > 0) {
    flowPaths = forecastFlowPaths(scenario, { paths: pathsNeeded, seed });
    if (!flowPaths.ok) {
      if (quantile !== undefined || values.rolling) {
        for (const i of flowPaths.issues) io.err(printIssue(i, io.lang));
        return EXIT_PROBLEMS;
      }
      io.err(io.lang === 'zh' ? `提示：无法预测情景（${flowPaths.issues[0]?.message ?? ''}），不做压力测试。` : `note: no forecast paths (${flowPaths.issues[0]?.message ?? ''}); no stress test.`);
    }
  }
  const extraReserve = quantile !== undefined && flowPaths?.ok ? reserveFromPaths(scenario, flowPaths.value, quantile, reserveMonths) : undefined;
  // x bp of every 万元 placed = x / 10,000 万元 per 万元 in the LP's objective.
  const result = await optimize(scenario, { solver, ...(extraReserve ? { extraReserve } : {}), ...(penaltyBp > 0 ? { placementPenaltyPerWan: penaltyBp / 10_000 } : {}) });
  let rolling: RollingRow[] | undefined;
  if (values.rolling && result.status === 'optimal' && flowPaths?.ok) {
    rolling = [];
    const bar = progressBar(io, io.lang === 'zh' ? '按季滚动重排' : 'rolling re-plans');
    const steps = Math.ceil(scenario.horizonMonths / 3);
    for (const [k, realised] of flowPaths.value.slice(0, rollingPaths).entries()) {
      const r = await rollingPlan(scenario, {
        realised,
        solver,
        // Re-forecast at each quarter from the history and the realised months so far; the first quarter uses the scenario's own flows.
        planFlows: (start, history) => (start === scenario.startMonth ? scenario.flows.filter((f) => f.month >= start) : forecastMeanFlows(history, scenario.fundTypes, start, monthOrdinal(addMonthsToKey(scenario.startMonth, scenario.horizonMonths)) - monthOrdinal(start))),
        onProgress: (done) => bar(k * steps + done, rollingPaths * steps),
      });
      const staticRun = stressTest(scenario, result.plan, [realised]).outcomes[0]!;
      const rollingRun = stressTest(scenario, r.plan, [realised]).outcomes[0]!;
      rolling.push({ path: k, staticInterest: staticRun.interestEarned, rollingInterest: rollingRun.interestEarned, staticFirstShort: staticRun.firstPayoutShortMonth, rollingFirstShort: rollingRun.firstPayoutShortMonth, failedSteps: r.steps.filter((st) => st.status !== 'optimal').map((st) => `${st.start} ${st.status}`) });
    }
  }
  const stress = result.status === 'optimal' && paths > 0 && flowPaths?.ok ? stressTest(scenario, result.plan, flowPaths.value.slice(0, paths), progressBar(io, io.lang === 'zh' ? '压力测试' : 'stress')) : undefined;
  const infeasibility = result.status === 'infeasible' ? await explainInfeasible(scenario, extraReserve ? { extraReserve } : {}) : undefined;
  if (result.status === 'optimal' && values.out) io.writeText(values.out, `${JSON.stringify(result.plan, null, 2)}\n`);
  if (values.json) {
    const base = { status: result.status, capFindings: toWire(result.capFindings), ...(result.status === 'optimal' ? { interest: result.ledgerInterest.toFixed(2), lpInterest: result.lpInterest.toFixed(2), optimality: toWire(result.optimality), placements: result.plan.placements, size: result.size, binding: explainBinding(result, 'en'), kpis: toWire(result.evaluation.kpis), exclusions: result.data.exclusions, rollover: toWire(rolloverPlan(result)), ...(stress ? { stress: stressWire(stress) } : {}), ...(rolling ? { rolling: toWire(rolling) } : {}) } : { issues: result.issues, ...(infeasibility ? { infeasibility } : {}) }) };
    io.out(JSON.stringify(base, null, 2));
  } else if (values.csv && result.status === 'optimal') {
    io.out('month,product,termMonths,bankId,fundType,amount,annualRate');
    for (const p of result.plan.placements) io.out([p.month, p.product, p.termMonths, p.bankId ?? '', p.fundType ?? '', p.amount, p.annualRate ?? ''].join(','));
  } else {
    printResult(io, scenario, result, values.explain === true);
    if (stress) printStress(io, stress, quantile);
    if (rolling) printRolling(io, rolling);
    if (infeasibility) {
      io.out('');
      io.out(io.lang === 'zh' ? '不可行的原因（弹性模型：允许规则被突破，求最小突破量）：' : 'Why it is infeasible (elastic model: the least any rule must bend):');
      for (const line of infeasibility.lines[io.lang]) io.out(`  • ${line}`);
    }
  }
  return result.status === 'optimal' ? EXIT_OK : EXIT_PROBLEMS;
};
