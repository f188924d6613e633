import { dec } from '@fundladder/core';
import { type Names, type OptimizeResult, type StressSummary, bendIsExcess, bindingLine, capFindingLines, exclusionLine, namesFor, rolloverReasonLine, ruleName, statusName } from '@fundladder/app';
import type { CliIo } from '../io';
import { printIssue, table, wan } from '../format';
import { printEvaluation } from './evaluation';

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** The fund types with a plan-caused gap, most often first. */
function planCausedFunds(st: StressSummary) {
  return st.byFundType.filter((f) => f.planCausedShortProbability > 0).sort((a, b) => b.planCausedShortProbability - a.planCausedShortProbability);
}

/**
 * The verdict, before anything else: the plan's out-of-sample probability that some fund type cannot pay on its day
 * (whole horizon and first quarter), which fund types, what the plan adds to what no plan can cure, and the interest
 * safety costs against the mean-flow plan.
 */
export function printVerdict(io: CliIo, r: OptimizeResult, names: Names): void {
  const zh = io.lang === 'zh';
  const st = r.stress;
  if (!st) return;
  const c = r.safety.confidence;
  const target = 1 - c;
  const safe = c > 0 && (st.planCausedShortProbability ?? 1) <= target + 1e-12;
  const mark = c === 0 ? '⚠' : safe ? '✔' : '✖';
  const who = planCausedFunds(st).map((f) => `${names.fundType(f.fundType)} ${pct(f.planCausedShortProbability)}`).join(zh ? '，' : ', ');
  const planning = r.safety.planningPaths ?? 0;
  io.out(zh
    ? `${mark} 安全性（样本外 ${st.paths} 条预测情景，${st.distinctPaths} 条互不相同；计划只按另外独立抽取的 ${planning} 条情景制定）：某险种某日无法按时足额支付的概率 ${pct(st.payoutShortProbability)}（头一个季度 ${pct(st.payoutShortFirstQuarterProbability)}）；其中由计划造成的 ${pct(st.planCausedShortProbability)}（头一个季度 ${pct(st.planCausedShortFirstQuarterProbability)}）${who ? `：${who}` : ''}；即使一分钱不存放也会出现的结构性缺口 ${pct(st.structuralShortProbability)}。`
    : `${mark} Safety (out of sample: ${st.paths} forecast paths, ${st.distinctPaths} distinct; the plan was fitted to ${planning} other, independently drawn paths): probability that some fund type cannot pay on the day ${pct(st.payoutShortProbability)} (first quarter ${pct(st.payoutShortFirstQuarterProbability)}); caused by the plan ${pct(st.planCausedShortProbability)} (first quarter ${pct(st.planCausedShortFirstQuarterProbability)})${who ? `: ${who}` : ''}; structural gaps that occur even with nothing placed ${pct(st.structuralShortProbability)}.`);
  const mean = r.safety.meanFlowPlan;
  if (c === 0) {
    io.out(zh ? '  ⚠ 置信度为 0：计划只按平均流量制定，未按预测情景保障支付。' : '  ⚠ Confidence 0: the plan follows the mean flows only; payouts are not protected on the forecast paths.');
  } else if (mean && r.interest) {
    const ms = mean.stress;
    const cost = wan(r.safety.costOfSafety ?? dec(0));
    io.out(zh
      ? `  保障安全的代价：按 ${(c * 100).toFixed(1)}% 置信度安全的计划账本利息 ${wan(r.interest)} 万元，只按平均流量的计划 ${wan(mean.interest)} 万元（少 ${cost} 万元）${ms ? `；后者在同样情景上由计划造成缺口的概率为 ${pct(ms.planCausedShortProbability)}（头一个季度 ${pct(ms.planCausedShortFirstQuarterProbability)}）` : '（--frontier 列出它的风险）'}。`
      : `  The price of safety: the plan safe at ${(c * 100).toFixed(1)}% earns ${wan(r.interest)}万 by the ledger, the mean-flow plan ${wan(mean.interest)}万 (${cost}万 less)${ms ? `; on the same paths the mean-flow plan causes a gap with probability ${pct(ms.planCausedShortProbability)} (first quarter ${pct(ms.planCausedShortFirstQuarterProbability)})` : ' (--frontier shows its risk)'}.`);
  }
  if (c > 0 && !safe) {
    io.out(zh
      ? `  ✖ 样本外由计划造成缺口的概率 ${pct(st.planCausedShortProbability)} 高于目标 ${pct(target)}：增加规划情景（--planning-paths）、提高置信度或缩短期限后重算。`
      : `  ✖ Out of sample the plan causes a gap with probability ${pct(st.planCausedShortProbability)}, above the target ${pct(target)}: plan on more paths (--planning-paths), raise the confidence or shorten terms.`);
  }
}

/** The structural gap in plain words: which fund type, from when, on what share of paths, how much short. */
function printStructuralFinding(io: CliIo, st: StressSummary, names: Names): void {
  const zh = io.lang === 'zh';
  for (const f of st.byFundType) {
    if (f.structuralShortProbability <= 0) continue;
    const short = wan(f.structuralMedianShort ?? dec(0));
    io.out(zh
      ? `  • 结构性缺口：${names.fundType(f.fundType)}自己的钱在 ${pct(f.structuralShortProbability)} 的情景中不够支付（中位首次月份 ${f.structuralMedianFirstMonth ?? '—'}，缺口中位数 ${short} 万元），即使一分钱也不存放也是如此：需要调剂金或财政补助，存放计划无法弥补，也不是计划造成的。`
      : `  • Structural gap: ${names.fundType(f.fundType)}'s own money falls short on ${pct(f.structuralShortProbability)} of paths (median first month ${f.structuralMedianFirstMonth ?? '—'}, median gap ${short}万) even with nothing placed: a transfer from the pooled adjustment fund or a fiscal subsidy is needed; no placement can cure it, and the plan did not cause it.`);
  }
}

/** The stress details, per fund type, after the plan. */
export function printStressDetails(io: CliIo, st: StressSummary, names: Names): void {
  const zh = io.lang === 'zh';
  io.out('');
  io.out(zh ? `压力测试（样本外 ${st.paths} 条情景，精确账本逐条核算）` : `Stress (out of sample, ${st.paths} paths, each through the exact ledger)`);
  const most = st.mostCommonShortMonth;
  io.out(zh ? `  某险种结算账户某日透支的概率：${pct(st.shortProbability)}${most ? `（最常见的首次透支月份 ${most.month}，${most.paths} 条；最大缺口 ${wan(st.largestShort)} 万元）` : ''}` : `  Probability that a fund type's settlement account is overdrawn on some day: ${pct(st.shortProbability)}${most ? ` (most often first in ${most.month}, ${most.paths} paths; largest gap ${wan(st.largestShort)}万)` : ''}`);
  io.out(zh ? `  流动性储备不足的概率：${pct(st.reserveBreachProbability)}` : `  Probability of a reserve breach: ${pct(st.reserveBreachProbability)}`);
  io.out(zh ? `  利息：期望 ${wan(st.expectedInterest)} 万元，5% 分位数 ${wan(st.p5Interest)} 万元` : `  Interest: expected ${wan(st.expectedInterest)}万, 5th percentile ${wan(st.p5Interest)}万`);
  if (st.byFundType.length) {
    io.out(table([
      [zh ? '险种' : 'fund type', zh ? '计划造成缺口' : 'plan-caused gap', zh ? '头一个季度' : 'first quarter', zh ? '结构性缺口' : 'structural'],
      ...st.byFundType.map((f) => [names.fundType(f.fundType), pct(f.planCausedShortProbability), pct(f.planCausedShortFirstQuarterProbability), pct(f.structuralShortProbability)]),
    ]));
  }
  printStructuralFinding(io, st, names);
}

/** The monthly pre-allocation (按月预拨) from each fund type's 财政专户 to its 支出户, first `months` months. */
export function printPreAllocation(io: CliIo, r: OptimizeResult, names: Names, months = 3): void {
  const zh = io.lang === 'zh';
  const pre = r.safety.preAllocation;
  if (!pre) return;
  const keys = (r.evaluation?.months ?? []).slice(0, months).map((m) => m.month);
  io.out(zh ? `按月预拨（财政专户 → 支出户，按 ${(r.safety.confidence * 100).toFixed(1)}% 置信度的当月支付，万元；在支付日前到账）：` : `Monthly pre-allocation (fiscal special account → expenditure account, the month's payouts at ${(r.safety.confidence * 100).toFixed(1)}% confidence, 万元; to arrive before the payout day):`);
  const rows = [...pre].map(([ft, row]) => [names.fundType(ft), ...keys.map((_, t) => wan(row[t] ?? dec(0)))]);
  io.out(table([[zh ? '险种' : 'fund type', ...keys], ...rows]));
}

/** The next quarter as a to-do list: what matures, what to place (grouped over fund types), and why. */
function printRollover(io: CliIo, ro: NonNullable<OptimizeResult['rollover']>, names: Names): void {
  const zh = io.lang === 'zh';
  io.out(zh ? `下一季度操作清单（${ro.months[0]} 至 ${ro.months.at(-1)}，万元）` : `Next quarter, to do (${ro.months[0]} to ${ro.months.at(-1)}, 万元)`);
  io.out(zh ? `到期收回 ${ro.maturities.length} 笔：` : `${ro.maturities.length} deposit(s) or bond(s) come back:`);
  const mat = ro.maturities.map((m) => [m.date, names.bank(m.bankId), names.product(m.product), names.fundType(m.fundType), wan(m.principal), wan(m.interest)]);
  if (mat.length) io.out(table([[zh ? '日期' : 'date', zh ? '银行' : 'bank', zh ? '产品' : 'product', zh ? '险种' : 'fund type', zh ? '本金' : 'principal', zh ? '利息' : 'interest'], ...mat.slice(0, 20)]));
  if (mat.length > 20) io.out(zh ? `  … 共 ${mat.length} 笔` : `  … ${mat.length} in all`);
  const groups = new Map<string, { p: (typeof ro.placements)[number]; amount: ReturnType<typeof dec>; funds: number }>();
  for (const p of ro.placements) {
    const key = `${p.month}|${p.bankId ?? ''}|${p.product}|${p.termMonths}`;
    const g = groups.get(key);
    if (g) {
      g.amount = g.amount.plus(p.amount);
      g.funds += p.fundType ? 1 : 0;
    } else groups.set(key, { p, amount: p.amount, funds: p.fundType ? 1 : 0 });
  }
  io.out(zh ? `新存放 ${groups.size} 笔（同月同行同产品同期限合并，括号内为险种数）：` : `${groups.size} placement(s) (same month, bank, product and term together; fund types in brackets):`);
  const rows = [...groups.values()].map(({ p, amount, funds }) => [p.month, names.bank(p.bankId), names.product(p.product), `${p.termMonths}`, `${p.annualRate.times(100).toFixed(2)}%`, wan(amount), p.maturesIn, `(${funds})`, rolloverReasonLine(p.reason, io.lang, names)]);
  if (rows.length) io.out(table([[zh ? '月份' : 'month', zh ? '银行' : 'bank', zh ? '产品' : 'product', zh ? '期限(月)' : 'term', zh ? '利率' : 'rate', zh ? '金额' : 'amount', zh ? '收回月份' : 'back in', zh ? '险种' : 'funds', zh ? '原因' : 'why'], ...rows]));
  for (const l of ro.liquidity) io.out(zh ? `  ${l.month} 月末流动资金 ${wan(l.liquid)} 万元，储备要求 ${wan(l.reserve)} 万元` : `  ${l.month} month-end liquid money ${wan(l.liquid)}万, reserve ${wan(l.reserve)}万`);
}

/** The plan: solver facts, interest (ledger first), the placements, the next quarter, the ledger, caps, exclusions. */
export function printPlan(io: CliIo, r: OptimizeResult, names: Names, explain: boolean): void {
  const zh = io.lang === 'zh';
  if (r.status !== 'optimal' || !r.plan || !r.interest || !r.lpInterest || !r.optimality || !r.solver || !r.evaluation || !r.rollover) {
    io.out(zh ? `✖ 未得到计划：${statusName(r.status, 'zh')}` : `✖ No plan: ${statusName(r.status, 'en')}`);
    for (const i of r.issues) io.out(`  ${printIssue(i, io, names)}`);
    for (const line of capFindingLines(r.capFindings, io.lang, names)) io.out(`  • ${line}`);
    return;
  }
  const s = r.solver;
  io.out(zh ? `求解器 ${s.backend}：最优；模型 ${s.variables} 个变量、${s.rows} 行、${s.nonZeros} 个非零系数；建模 ${s.buildMs.toFixed(0)} ms，求解共 ${s.solveMs.toFixed(0)} ms，${s.rounds} 轮（大额存单、通知存款起存金额取整）`
    : `Solver ${s.backend}: optimal; model ${s.variables} variables, ${s.rows} rows, ${s.nonZeros} non-zeros; build ${s.buildMs.toFixed(0)} ms, solve ${s.solveMs.toFixed(0)} ms in all, ${s.rounds} round(s) of lot rounding`);
  io.out(zh ? `规划期利息：线性规划 ${wan(r.lpInterest)} 万元，精确账本 ${wan(r.interest)} 万元（账本为准；差异在容差内）` : `Interest over the horizon: LP ${wan(r.lpInterest)}万, exact ledger ${wan(r.interest)}万 (the ledger's figure counts; within tolerance)`);
  const o = r.optimality;
  const gapPct = (o.gap * 100).toFixed(2);
  io.out(zh
    ? `求解方式：${o.strategy === 'pooled+split' ? '先合并各险种求解，再把每笔存放分给各险种（各险种只用自己的钱）' : '各险种分列求解'}${o.fallback ? `（合并求解的结果无法分到各险种，改为分列求解${io.verbose ? `：${o.fallback}` : '；--verbose 显示原因'}）` : ''}；线性规划上界 ${wan(o.bound)} 万元，本计划距上界至多 ${gapPct}%`
    : `Method: ${o.strategy === 'pooled+split' ? 'the fund pooled, then each placement split among fund types (each pays from its own money)' : 'one LP with fund types apart'}${o.fallback ? ` (the split failed: ${o.fallback})` : ''}; LP upper bound ${wan(o.bound)}万, this plan at most ${gapPct}% below it`);
  io.out('');
  io.out(zh ? '计划（按月，万元）' : 'Plan (by month, 万元)');
  const rows = r.plan.placements.map((p) => [p.month, names.bank(p.bankId), names.product(p.product), `${p.termMonths}`, `${(Number(p.annualRate) * 100).toFixed(2)}%`, p.fundType ? names.fundType(p.fundType) : '—', wan(dec(p.amount))]);
  io.out(table([[zh ? '月份' : 'month', zh ? '银行' : 'bank', zh ? '产品' : 'product', zh ? '期限(月)' : 'term', zh ? '利率' : 'rate', zh ? '险种' : 'fund type', zh ? '金额' : 'amount'], ...rows.slice(0, 40)]));
  if (rows.length > 40) io.out(zh ? `  … 共 ${rows.length} 笔（--json 或 --out 查看全部）` : `  … ${rows.length} placements in all (see --json or --out)`);
  io.out('');
  printRollover(io, r.rollover, names);
  io.out('');
  printEvaluation(io, r.evaluation, names, zh ? `优化计划（求解器 ${s.backend}）` : r.evaluation.plan);
  if (r.capFindings.length) {
    io.out('');
    io.out(zh ? '银行上限的影响：' : 'What the bank caps do here:');
    for (const line of capFindingLines(r.capFindings, io.lang, names)) io.out(`  • ${line}`);
  }
  if (r.exclusions.length) {
    io.out('');
    io.out(zh ? '不能使用的银行或产品（规则所致）：' : 'Banks or products the rules rule out:');
    for (const e of r.exclusions) io.out(`  • ${exclusionLine(e, io.lang, names)}`);
  }
  if (explain) {
    io.out('');
    io.out(zh ? '约束结果的规则及其代价（影子价格，线性外推，"约"）：' : 'Rules that bind, and what they cost (shadow prices, linear, "about"):');
    for (const f of r.binding) io.out(`  • ${bindingLine(f, io.lang, names)}`);
  }
}

/** The confidence–interest frontier as a table: risk first, then interest. */
export function printFrontier(io: CliIo, points: NonNullable<OptimizeResult['frontier']>): void {
  const zh = io.lang === 'zh';
  io.out('');
  io.out(zh ? '置信度—利息前沿（同一批规划情景制定、同一批样本外情景核算；风险在前）：' : 'Confidence–interest frontier (same planning paths, same out-of-sample check paths; risk first):');
  const first = points.find((p) => p.interest)?.interest;
  io.out(table([
    [zh ? '置信度' : 'confidence', zh ? '计划造成缺口' : 'plan-caused gap', zh ? '头一个季度' : 'first quarter', zh ? '任一支付缺口' : 'any payout gap', zh ? '账本利息（万元）' : 'ledger interest (万元)', zh ? '比平均流量计划' : 'vs mean-flow plan', zh ? '5% 分位利息' : 'P5 interest'],
    ...points.map((p) => [
      p.confidence === 0 ? (zh ? '0（平均流量）' : '0 (mean flows)') : `${(p.confidence * 100).toFixed(1)}%`,
      ...(p.status === 'tooFewPaths'
        ? [zh ? `需要至少 ${p.pathsNeeded} 条情景` : `needs ≥ ${p.pathsNeeded} paths`, '', '', '', '', '']
        : p.status !== 'optimal' || !p.interest
          ? [statusName(p.status, zh ? 'zh' : 'en'), '', '', '', '', '']
          : [pct(p.planCausedShortProbability), pct(p.planCausedShortFirstQuarterProbability), pct(p.payoutShortProbability), wan(p.interest), first ? wan(p.interest.minus(first)) : '—', p.p5Interest ? wan(p.p5Interest) : '—']),
    ]),
  ]));
}

/** Rolling re-plans against the one-off plan, on the same paths: risk first. */
export function printRolling(io: CliIo, cmp: NonNullable<OptimizeResult['rolling']>, confidence: number): void {
  const zh = io.lang === 'zh';
  io.out('');
  io.out(zh
    ? `按季滚动重排 vs 一次性${confidence > 0 ? '安全' : ''}计划（同一批 ${cmp.paths} 条样本外情景，精确账本核算；每季按已实现数据重新预测${confidence > 0 ? `、按 ${(confidence * 100).toFixed(1)}% 置信度` : ''}重新规划；用时 ${(cmp.wallMs / 1000).toFixed(0)} 秒）`
    : `Quarterly rolling re-plans vs the one-off${confidence > 0 ? ' safe' : ''} plan (the same ${cmp.paths} out-of-sample paths, exact ledger; each quarter re-forecast from what happened and re-planned${confidence > 0 ? ` at ${(confidence * 100).toFixed(1)}%` : ''}; wall time ${(cmp.wallMs / 1000).toFixed(0)} s)`);
  io.out(table([
    ['', zh ? '支付缺口概率' : 'P(payout gap)', zh ? '计划造成' : 'plan-caused', zh ? '利息均值（万元）' : 'mean interest (万元)', zh ? '利息 5% 分位（万元）' : 'P5 interest (万元)'],
    [zh ? '一次性计划' : 'one-off plan', pct(cmp.static.payoutShortProbability), pct(cmp.static.planCausedShortProbability), wan(cmp.static.meanInterest), wan(cmp.static.p5Interest)],
    [zh ? '按季滚动' : 'rolling', pct(cmp.rolling.payoutShortProbability), pct(cmp.rolling.planCausedShortProbability), wan(cmp.rolling.meanInterest), wan(cmp.rolling.p5Interest)],
  ]));
  io.out(zh ? `  重排 ${cmp.replans} 次，其中 ${cmp.elasticReplans} 次无法在全部规则内重排，按最少突破规则的弹性计划执行。` : `  ${cmp.replans} re-plans, of which ${cmp.elasticReplans} could not keep every rule and followed the elastic plan (least bending).`);
  if (cmp.rows.length <= 10) {
    io.out(table([
      [zh ? '情景' : 'path', zh ? '一次性计划利息' : 'one-off interest', zh ? '滚动利息' : 'rolling interest', zh ? '一次性首次缺口' : 'one-off first gap', zh ? '滚动首次缺口' : 'rolling first gap', zh ? '未能按全部规则重排的季度' : 'quarters not re-planned within every rule'],
      ...cmp.rows.map((row) => [`#${row.path + 1}`, wan(row.staticInterest), wan(row.rollingInterest), row.staticFirstShort ?? '—', row.rollingFirstShort ?? '—', row.failedSteps.length ? row.failedSteps.join('; ') : '—']),
    ]));
  }
}

/** Why the scenario is infeasible: where the elastic model had to bend, and by how much (LP figures, 万元). */
export function printInfeasibility(io: CliIo, shortfalls: NonNullable<OptimizeResult['infeasibility']>, names: Names, fix?: OptimizeResult['infeasibilityFix']): void {
  const zh = io.lang === 'zh';
  io.out('');
  io.out(zh ? '不可行的原因（弹性模型：允许规则被突破，求最小突破量）：' : 'Why it is infeasible (elastic model: the least any rule must bend):');
  if (!shortfalls.length) {
    io.out(zh ? '  • 弹性模型无需突破任何规则：不可行来自其他约束。' : '  • The elastic model bends no rule: the infeasibility comes from elsewhere.');
    return;
  }
  for (const s of shortfalls.slice(0, 12)) {
    const where = `${s.bankId ? ` ${names.bank(s.bankId)}` : ''}${s.fundType ? ` ${names.fundType(s.fundType)}` : ''}`;
    const amount = s.shortWan.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    io.out(zh ? `  • ${s.monthKey} ${ruleName(s.rule, 'zh')}${where}：${bendIsExcess(s.rule) ? '超出' : '短缺'} ${amount} 万元` : `  • ${s.monthKey} ${ruleName(s.rule, 'en')}${where}: ${bendIsExcess(s.rule) ? 'over' : 'short'} by ${amount}万`);
  }
  if (shortfalls.length > 12) io.out(zh ? `  • ……另有 ${shortfalls.length - 12} 处` : `  • … ${shortfalls.length - 12} more`);
  for (const line of fix?.[zh ? 'zh' : 'en'] ?? []) io.out(`  → ${line}`);
}

/**
 * Everything `optimize` prints, verdict first.
 * @param names - from the scenario (`namesOf`), to name accounts and places too; by default the result's bank names
 */
export function printOptimize(io: CliIo, r: OptimizeResult, explain: boolean, names: Names = namesFor(r.scenario.bankNames, io.lang)): void {
  for (const w of r.warnings) io.err(printIssue(w, io, names));
  printVerdict(io, r, names);
  io.out('');
  printPlan(io, r, names, explain);
  if (r.status === 'optimal') {
    io.out('');
    printPreAllocation(io, r, names);
  }
  if (r.stress) printStressDetails(io, r.stress, names);
  if (r.frontier) printFrontier(io, r.frontier);
  if (r.rolling) printRolling(io, r.rolling, r.safety.confidence);
  if (r.infeasibility) printInfeasibility(io, r.infeasibility, names, r.infeasibilityFix);
}
