import { type Scenario, addMonthsToKey, dec, indexFlows, monthOrdinal, toWire } from '@fundladder/core';
import { type OptimizeResult, type RollingComparison, type RolloverPlan, compareRolling, explainBinding, safetyIssues, explainInfeasible, floorsFor, pathsNeededFor, planSafely, reserveFromPaths, rolloverPlan } from '@fundladder/optimizer';
import { forecastFlowPaths, forecastMeanFlows, forecastPathFloats } from '../flowPaths';
import { defaultPathCounts, planningSeed, printPreAllocation, printStressDetails, printVerdict, safetyPaths, safetyWire, stressWire } from '../safety';
import { printFrontier, runFrontier } from '../frontier';
import { progressBar } from '../progress';
import { type Command, type CliIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, outputPathIssue } from '../io';
import { CONFIDENCE_FLAG, PATHS_FLAG, SEED_FLAG, numberFlag, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readScenario } from '../readInput';
import { printIssue, table, wan } from '../format';
import { printEvaluation } from './evaluate';
import { capFindingLines } from '../i18n/capFindings';

const HELP_ZH = `用法: fundladder optimize 情景文件 [--confidence 0.99] [--paths 500] [--planning-paths 1000] [--seed 1] [--frontier]
  [--solver highs|jsls] [--horizon 36] [--reserve-quantile 0.95] [--reserve-months 3] [--rolling] [--rolling-paths 3]
  [--placement-penalty-bp 0] [--out 计划.json] [--json|--csv] [--explain]
求解多期线性规划：在流动性储备、各银行上限之内，并保证每个险种在预测情景上按时足额支付，安排定期、大额存单、通知存款
和国债，使规划期利息最多；所得计划再由精确账本逐月核算和检查（违规即报错，不输出计划）。
首先打印安全结论：在另外独立抽取的 --paths 条情景（样本外，--seed）上，某险种某日无法支付的概率（整个规划期、头一个
季度），其中由计划造成的部分、结构性缺口（即使一分钱不存放也会发生，需调剂金或财政补助），以及与只按平均流量的计划
相比少得的利息。
--confidence c：在 c 比例的预测情景上由计划造成的支付缺口为零（默认取情景的 policy.safety.confidence，0.99；0 表示只按
平均流量制定，旧做法）。计划只按 --planning-paths 条情景（另一个种子）制定，从不在同一批情景上核算。
--frontier：置信度—利息前沿（0、90%、95%、99%、99.5%），同一批情景。
--explain 说明哪些规则约束了结果及其代价。不可行时说明哪个月、短缺多少、哪条规则约束。
--reserve-quantile q：储备另取预测情景中未来 k 个月（--reserve-months，默认 3）净支出的 q 分位数（取两者较大）。
--rolling：按季滚动：在前 K 条样本外情景（--rolling-paths）上，每季初用已实现的数据重新预测、按同一置信度重新规划，只
执行本季度的存放；报告滚动策略与一次性计划的支付缺口概率、利息均值与 5% 分位数。
--placement-penalty-bp x：每笔存放金额计 x 个基点的成本（只在目标中），两个差不多的计划中选资金调动少的那个。`;
const HELP_EN = `Usage: fundladder optimize SCENARIO [--confidence 0.99] [--paths 500] [--planning-paths 1000] [--seed 1] [--frontier]
  [--solver highs|jsls] [--horizon 36] [--reserve-quantile 0.95] [--reserve-months 3] [--rolling] [--rolling-paths 3]
  [--placement-penalty-bp 0] [--out PLAN.json] [--json|--csv] [--explain]
Solves the multi-period LP (time deposits, large CDs, call deposits, bonds across banks, within the reserve, every
bank cap, and so that every fund type pays every payout on its day on the forecast's paths) for the most interest over
the horizon, then prices and checks the plan with the exact ledger (a broken rule is an error, never a plan).
First comes the verdict: on --paths other, independently drawn forecast paths (out of sample, --seed), the probability
that some fund type cannot pay on the day (whole horizon, first quarter), the part the plan causes, the structural
gaps (even with nothing placed: a transfer or subsidy is needed), and the interest safety costs against the
mean-flow plan.
--confidence c: no payout gap caused by the plan on a share c of the forecast paths (default: the scenario's
policy.safety.confidence, 0.99; 0 = plan on the mean flows alone, the old behaviour). The plan is fitted to
--planning-paths paths drawn from another seed and never checked on them.
--frontier: the confidence–interest frontier (0, 90%, 95%, 99%, 99.5%) on the same paths.
--explain tells which rules bind and what they cost. An infeasible scenario is explained: which month, how much short,
which rule binds.
--reserve-quantile q: the reserve is also at least the q-quantile of the next k months' net outflow on the forecast's
paths (--reserve-months k, default 3), whichever is larger.
--rolling: quarterly re-planning on the first K out-of-sample paths (--rolling-paths): at each quarter's start the flows
are re-forecast from what has happened and the fund re-planned at the same confidence; only the quarter's placements
are made. Reports the probability of a payout gap and the mean and 5th-percentile interest, rolling vs one-off.
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

function printRolling(io: CliIo, cmp: RollingComparison, confidence: number): void {
  const zh = io.lang === 'zh';
  const p = (x: number) => `${(x * 100).toFixed(1)}%`;
  io.out('');
  io.out(zh
    ? `按季滚动重排 vs 一次性${confidence > 0 ? '安全' : ''}计划（同一批 ${cmp.paths} 条样本外情景，精确账本核算；每季按已实现数据重新预测${confidence > 0 ? `、按 ${(confidence * 100).toFixed(1)}% 置信度` : ''}重新规划；用时 ${(cmp.wallMs / 1000).toFixed(0)} 秒）`
    : `Quarterly rolling re-plans vs the one-off${confidence > 0 ? ' safe' : ''} plan (the same ${cmp.paths} out-of-sample paths, exact ledger; each quarter re-forecast from what happened and re-planned${confidence > 0 ? ` at ${(confidence * 100).toFixed(1)}%` : ''}; wall time ${(cmp.wallMs / 1000).toFixed(0)} s)`);
  io.out(table([
    ['', zh ? '支付缺口概率' : 'P(payout gap)', zh ? '计划造成' : 'plan-caused', zh ? '利息均值（万元）' : 'mean interest (万元)', zh ? '利息 5% 分位（万元）' : 'P5 interest (万元)'],
    [zh ? '一次性计划' : 'one-off plan', p(cmp.static.payoutShortProbability), p(cmp.static.planCausedShortProbability), wan(cmp.static.meanInterest), wan(cmp.static.p5Interest)],
    [zh ? '按季滚动' : 'rolling', p(cmp.rolling.payoutShortProbability), p(cmp.rolling.planCausedShortProbability), wan(cmp.rolling.meanInterest), wan(cmp.rolling.p5Interest)],
  ]));
  io.out(zh ? `  重排 ${cmp.replans} 次，其中 ${cmp.elasticReplans} 次无法在全部规则内重排，按最少突破规则的弹性计划执行。` : `  ${cmp.replans} re-plans, of which ${cmp.elasticReplans} could not keep every rule and followed the elastic plan (least bending).`);
  if (cmp.rows.length <= 10) {
    io.out(table([
      [zh ? '情景' : 'path', zh ? '一次性计划利息' : 'one-off interest', zh ? '滚动利息' : 'rolling interest', zh ? '一次性首次缺口' : 'one-off first gap', zh ? '滚动首次缺口' : 'rolling first gap', zh ? '未能按全部规则重排的季度' : 'quarters not re-planned within every rule'],
      ...cmp.rows.map((r) => [`#${r.path + 1}`, wan(r.staticInterest), wan(r.rollingInterest), r.staticFirstShort ?? '—', r.rollingFirstShort ?? '—', r.failedSteps.length ? r.failedSteps.join('; ') : '—']),
    ]));
  }
}

/** `fundladder optimize SCENARIO`: the plan, its KPIs from the ledger, the binding rules, the stress results. */
export const optimizeCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'optimize', args, { solver: { type: 'string' }, horizon: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, explain: { type: 'boolean' }, 'reserve-quantile': { type: 'string' }, 'reserve-months': { type: 'string' }, paths: { type: 'string' }, seed: { type: 'string' }, rolling: { type: 'boolean' }, 'rolling-paths': { type: 'string' }, 'placement-penalty-bp': { type: 'string' }, confidence: { type: 'string' }, 'planning-paths': { type: 'string' }, frontier: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const solver = values.solver ?? 'highs';
  if (solver !== 'highs' && solver !== 'jsls') {
    io.err('fundladder optimize: --solver is highs or jsls');
    return EXIT_USAGE;
  }
  const flags = numberFlags(values, {
    paths: PATHS_FLAG,
    'planning-paths': PATHS_FLAG,
    seed: SEED_FLAG,
    'reserve-months': { kind: 'int', min: 1, max: 36 },
    'rolling-paths': { kind: 'int', min: 1, max: 1000 },
    'placement-penalty-bp': { kind: 'number', min: 0, max: 100 },
    'reserve-quantile': { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
    confidence: CONFIDENCE_FLAG,
  });
  const outIssue = values.out !== undefined ? outputPathIssue('out', values.out) : undefined;
  if (!flags.ok || outIssue) return refuseFlags(io, 'optimize', [...(flags.ok ? [] : flags.issues), ...(outIssue ? [outIssue] : [])]);
  const s = readScenario(io, positionals[0]!);
  if (!s.ok) {
    for (const i of s.issues) io.err(printIssue(i, io.lang));
    return EXIT_PROBLEMS;
  }
  let scenario = s.value;
  const horizon = numberFlag('horizon', values.horizon, { kind: 'int', min: 1, max: scenario.horizonMonths });
  if (!horizon.ok) return refuseFlags(io, 'optimize', horizon.issues);
  if (horizon.value !== undefined) scenario = withHorizon(scenario, horizon.value);
  // The plan is fitted to the scenario's flows: every month of the horizon needs them (validate says so too).
  const flowsCovered = indexFlows(scenario, scenario.flows);
  if (!flowsCovered.ok) {
    for (const i of flowsCovered.issues) io.err(printIssue(i, io.lang));
    return EXIT_PROBLEMS;
  }
  // The flags override the scenario's policy.reserveForecast and policy.safety.confidence.
  const f = flags.value;
  const quantile = f['reserve-quantile'] ?? scenario.policy.reserveForecast?.quantile;
  const reserveMonths = f['reserve-months'] ?? scenario.policy.reserveForecast?.months ?? 3;
  const c = f.confidence ?? scenario.policy.safety.confidence;
  const counts = defaultPathCounts(values.frontier ? 0.995 : c);
  const paths = f.paths ?? counts.check;
  const planningCount = f['planning-paths'] ?? counts.planning;
  const seed = f.seed ?? 1;
  const penaltyBp = f['placement-penalty-bp'] ?? 0;
  const rollingPaths = f['rolling-paths'] ?? 3;
  // Every safety flag is checked before any work (paths are not drawn for a request that cannot be met).
  const early = safetyIssues(scenario, { ...scenario.policy.safety, confidence: c }, planningCount, paths);
  if (early.length) {
    for (const i of early) io.err(printIssue(i, io.lang));
    return EXIT_USAGE;
  }
  // Forecast paths (docs/forecast.md "Paths"): the check paths from --seed, the planning paths from their own seed (never the
  // same), drawn once for the safety floors, the quantile reserve, the out-of-sample check and the rolling run.
  const safetyOn = c > 0;
  const wantPaths = safetyOn || paths > 0 || quantile !== undefined || values.rolling === true;
  let drawn: ReturnType<typeof safetyPaths> | undefined;
  if (wantPaths) {
    drawn = safetyPaths(scenario, { check: Math.max(paths, values.rolling ? rollingPaths : 0), planning: safetyOn ? planningCount : 0, seed });
    if (!drawn.ok) {
      if (safetyOn || quantile !== undefined || values.rolling) {
        io.err(io.lang === 'zh' ? '无法从历史数据预测情景，不能按情景保障支付（--confidence 0 只按平均流量制定计划）：' : 'no forecast paths from the history, so payouts cannot be planned safe on them (--confidence 0 plans on the mean flows alone):');
        for (const i of drawn.issues) io.err(printIssue(i, io.lang));
        return EXIT_PROBLEMS;
      }
      io.err(io.lang === 'zh' ? `提示：无法预测情景（${drawn.issues[0]?.message ?? ''}），不做压力测试。` : `note: no forecast paths (${drawn.issues[0]?.message ?? ''}); no stress test.`);
    }
  }
  const planning = drawn?.ok ? drawn.value.planning : [];
  const check = drawn?.ok ? drawn.value.check.slice(0, paths) : [];
  // The reserve's forecast quantile is read off the planning paths (the check paths stay out of sample).
  const reservePaths = quantile !== undefined && drawn?.ok ? forecastFlowPaths(scenario, { paths: 200, seed: planningSeed(seed) }) : undefined;
  const extraReserve = quantile !== undefined && reservePaths?.ok ? reserveFromPaths(scenario, reservePaths.value, quantile, reserveMonths) : undefined;
  const safetyPolicy = { ...scenario.policy.safety, confidence: c };
  const bar = progressBar(io, io.lang === 'zh' ? '样本外核算' : 'out-of-sample check');
  const stages = { nothingPlaced: 0, check: 1, meanCheck: 2 } as const;
  // x bp of every 万元 placed = x / 10,000 万元 per 万元 in the LP's objective.
  const common = { solver, ...(extraReserve ? { extraReserve } : {}), ...(penaltyBp > 0 ? { placementPenaltyPerWan: penaltyBp / 10_000 } : {}) } as const;
  const safe = await planSafely(scenario, { ...common, planningPaths: planning, checkPaths: check, safety: safetyPolicy, onProgress: (stage, done, total) => bar(stages[stage] * total + done, 3 * total) });
  if (!safe.ok) {
    for (const i of safe.issues) io.err(printIssue(i, io.lang));
    return EXIT_USAGE;
  }
  const result = safe.value.result;
  const frontier = values.frontier && drawn?.ok ? await runFrontier(scenario, { ...common, planning, check, policy: safetyPolicy, base: safe.value, progress: progressBar(io, io.lang === 'zh' ? '置信度—利息前沿' : 'frontier') }) : undefined;
  let rolling: RollingComparison | undefined;
  if (values.rolling && result.status === 'optimal' && drawn?.ok) {
    const bar = progressBar(io, io.lang === 'zh' ? '按季滚动重排' : 'rolling re-plans');
    const horizonEnd = addMonthsToKey(scenario.startMonth, scenario.horizonMonths);
    // Each re-plan: the mean of the forecast refitted on the history so far, and (when safe) floors from paths of
    // that refitted forecast, drawn from a seed of their own for each quarter.
    rolling = await compareRolling(scenario, result.plan, drawn.value.check.slice(0, rollingPaths), {
      solver,
      planFlows: (start, history) => (start === scenario.startMonth ? scenario.flows.filter((f) => f.month >= start) : forecastMeanFlows(history, scenario.fundTypes, start, monthOrdinal(horizonEnd) - monthOrdinal(start))),
      ...(c > 0
        ? {
            safetyFor: (replan: Scenario, start: string) => {
              if (start === scenario.startMonth) return safe.value.floors;
              const drawnNow = forecastPathFloats(replan, { paths: Math.max(200, pathsNeededFor(c)), seed: planningSeed(seed + monthOrdinal(start as never)) });
              return drawnNow.ok ? floorsFor(replan, drawnNow.value, { ...safetyPolicy, horizonMonths: undefined }) : undefined;
            },
          }
        : {}),
      onProgress: bar,
    });
  }
  const stress = safe.value.stress;
  const infeasibility = result.status === 'infeasible' ? await explainInfeasible(scenario, extraReserve ? { extraReserve } : {}) : undefined;
  if (result.status === 'optimal' && values.out) io.writeText(values.out, `${JSON.stringify(result.plan, null, 2)}\n`);
  if (values.json) {
    const base = { status: result.status, capFindings: toWire(result.capFindings), ...(result.status === 'optimal' ? { interest: result.ledgerInterest.toFixed(2), lpInterest: result.lpInterest.toFixed(2), optimality: toWire(result.optimality), placements: result.plan.placements, size: result.size, binding: explainBinding(result, 'en'), kpis: toWire(result.evaluation.kpis), exclusions: result.data.exclusions, rollover: toWire(rolloverPlan(result)), ...(stress ? { stress: stressWire(stress) } : {}), safety: safetyWire(safe.value, c), ...(frontier ? { frontier: toWire(frontier) } : {}), ...(rolling ? { rolling: toWire(rolling) } : {}) } : { issues: result.issues, ...(infeasibility ? { infeasibility } : {}) }) };
    io.out(JSON.stringify(base, null, 2));
  } else if (values.csv && result.status === 'optimal') {
    io.out('month,product,termMonths,bankId,fundType,amount,annualRate');
    for (const p of result.plan.placements) io.out([p.month, p.product, p.termMonths, p.bankId ?? '', p.fundType ?? '', p.amount, p.annualRate ?? ''].join(','));
  } else {
    printVerdict(io, safe.value, c);
    io.out('');
    printResult(io, scenario, result, values.explain === true);
    if (result.status === 'optimal') {
      io.out('');
      printPreAllocation(io, scenario, safe.value);
    }
    if (stress) printStressDetails(io, stress);
    if (frontier) printFrontier(io, frontier);
    if (rolling) printRolling(io, rolling, c);
    if (infeasibility) {
      io.out('');
      io.out(io.lang === 'zh' ? '不可行的原因（弹性模型：允许规则被突破，求最小突破量）：' : 'Why it is infeasible (elastic model: the least any rule must bend):');
      for (const line of infeasibility.lines[io.lang]) io.out(`  • ${line}`);
    }
  }
  return result.status === 'optimal' ? EXIT_OK : EXIT_PROBLEMS;
};
