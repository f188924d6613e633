import { type Decimal, type Evaluation, type MonthlyFlow, type Scenario, ZERO, evaluatePlan } from '@fundladder/core';
import { BASELINE_NAMES, type BaselinePolicy, type PathFloats, type StressResult, baselinePlan, nothingPlacedGaps, pathsNeededFor, planSafely, stressTest } from '@fundladder/optimizer';
import { progressBar } from '../progress';
import { defaultPathCounts, safetyPaths } from '../safety';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../io';
import { CONFIDENCE_FLAG, PATHS_FLAG, SEED_FLAG, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readJson, readScenario } from '../readInput';
import { pct, printIssue, table, wan } from '../format';

const HELP_ZH = `用法: fundladder compare 情景文件 [计划文件…] [--baselines] [--optimized] [--confidence 0.99] [--paths 200] [--seed 1]
用同一精确账本核算每个计划，KPI 并列，并给出与第一列相比的差额（万元）。每个计划都放到同一批预测情景上核算
（--paths 条，0 表示不做），先列风险（由计划造成的支付缺口概率、头一个季度、缺口金额），再列利息；达不到置信度的计划
标 ✖ 并排在安全的计划之后，不会只凭利息显得更好。
--baselines 加入两个简单做法（全部1年期平均分存；3/6/12个月固定阶梯），--optimized 加入按 --confidence（默认取情景的
policy.safety）保障支付的优化计划（在另一批独立抽取的情景上制定）。`;
const HELP_EN = `Usage: fundladder compare SCENARIO [PLAN…] [--baselines] [--optimized] [--confidence 0.99] [--paths 200] [--seed 1]
Prices every plan with the same exact ledger and prints the KPIs side by side, with differences from the first
column in 万元. Every plan is also run on the same forecast paths (--paths, 0 = none) and its risk comes first (the
probability of a payout gap the plan causes, in the first quarter, the shortfall), then its interest; a plan that
misses the confidence is marked ✖ and listed after the safe ones, so it never looks better by interest alone.
--baselines adds two simple policies (all in 1-year deposits split evenly; a fixed 3/6/12-month ladder); --optimized
adds the optimizer's plan made safe at --confidence (default: the scenario's policy.safety), fitted to other,
independently drawn paths.`;

/** `fundladder compare`: plans side by side, every figure from the ledger. */
export const compareCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'compare', args, { baselines: { type: 'boolean' }, optimized: { type: 'boolean' }, confidence: { type: 'string' }, paths: { type: 'string' }, 'planning-paths': { type: 'string' }, seed: { type: 'string' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 20 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const zh = io.lang === 'zh';
  const flags = numberFlags(values, { paths: PATHS_FLAG, 'planning-paths': PATHS_FLAG, seed: SEED_FLAG, confidence: CONFIDENCE_FLAG });
  if (!flags.ok) return refuseFlags(io, 'compare', flags.issues);
  const s = readScenario(io, positionals[0]!);
  if (!s.ok) {
    for (const i of s.issues) io.err(printIssue(i, io.lang));
    return EXIT_PROBLEMS;
  }
  const scenario: Scenario = s.value;
  const c = flags.value.confidence ?? scenario.policy.safety.confidence;
  const counts = defaultPathCounts(c);
  const checkCount = flags.value.paths ?? Math.max(200, c > 0 ? pathsNeededFor(c) : 0);
  const planningCount = flags.value['planning-paths'] ?? counts.planning;
  const seed = flags.value.seed ?? 1;
  let check: MonthlyFlow[][] = [];
  let planning: PathFloats[] = [];
  if (checkCount > 0 || (values.optimized && c > 0)) {
    const drawn = safetyPaths(scenario, { check: checkCount, planning: values.optimized && c > 0 ? planningCount : 0, seed });
    if (!drawn.ok) {
      for (const i of drawn.issues) io.err(printIssue(i, io.lang));
      return EXIT_PROBLEMS;
    }
    check = drawn.value.check;
    planning = drawn.value.planning;
  }
  const runs: Array<{ name: string; ev: Evaluation; input: unknown; stress?: StressResult }> = [];
  let nothingPlaced: ReturnType<typeof nothingPlacedGaps> | undefined;
  if (values.optimized) {
    const safe = await planSafely(scenario, { planningPaths: planning, checkPaths: check, safety: { ...scenario.policy.safety, confidence: c }, compareWithMeanPlan: false });
    if (!safe.ok) {
      for (const i of safe.issues) io.err(printIssue(i, io.lang));
      return EXIT_PROBLEMS;
    }
    const r = safe.value.result;
    if (r.status !== 'optimal') {
      io.err(zh ? `优化未得到计划：${r.status}` : `the optimizer gave no plan: ${r.status}`);
      for (const i of r.issues) io.err(printIssue(i, io.lang));
      return EXIT_PROBLEMS;
    }
    nothingPlaced = safe.value.nothingPlaced;
    runs.push({ name: c > 0 ? (zh ? `优化计划（按 ${(c * 100).toFixed(1)}% 置信度保障支付）` : `optimized (safe at ${(c * 100).toFixed(1)}%)`) : zh ? '优化计划（只按平均流量）' : 'optimized (mean flows only)', ev: r.evaluation, input: r.plan, ...(safe.value.stress ? { stress: safe.value.stress } : {}) });
  }
  for (const file of positionals.slice(1)) {
    const json = readJson(io, file);
    const ev = json.ok ? evaluatePlan(scenario, json.value) : json;
    if (!ev.ok) {
      for (const i of ev.issues) io.err(printIssue(i, io.lang));
      return EXIT_PROBLEMS;
    }
    runs.push({ name: ev.value.plan.name, ev: ev.value, input: json.ok ? json.value : undefined });
  }
  if (values.baselines) {
    for (const policy of ['oneYearEven', 'ladder3612'] as BaselinePolicy[]) {
      const input = baselinePlan(scenario, policy);
      const ev = evaluatePlan(scenario, input);
      if (!ev.ok) {
        for (const i of ev.issues) io.err(printIssue(i, io.lang));
        return EXIT_PROBLEMS;
      }
      runs.push({ name: BASELINE_NAMES[policy][io.lang], ev: ev.value, input });
    }
  }
  if (!runs.length) {
    io.err(zh ? '没有可比较的计划：给出计划文件，或用 --baselines / --optimized' : 'nothing to compare: give plan files, or --baselines / --optimized');
    return EXIT_PROBLEMS;
  }
  // Every plan on the same check paths, each path also with nothing placed (shared), risk before reward.
  if (check.length) {
    const bar = progressBar(io, zh ? '同一批情景核算' : 'same paths');
    const nothing = nothingPlaced ?? nothingPlacedGaps(scenario, check, (d, t) => bar(d, t * (runs.length + 1)));
    runs.forEach((r, k) => {
      r.stress ??= stressTest(scenario, r.input as Parameters<typeof stressTest>[1], check, { nothingPlaced: nothing, onProgress: (d, t) => bar((k + 1) * t + d, t * (runs.length + 1)) });
    });
    // A plan that misses the confidence is listed after every plan that meets it, whatever it earns.
    const target = c > 0 ? 1 - c : 0;
    const isSafe = (r: (typeof runs)[number]) => (r.stress?.planCausedShortProbability ?? 1) <= target + 1e-12;
    runs.sort((a, b) => Number(isSafe(b)) - Number(isSafe(a)));
  }
  const first = runs[0]!.ev;
  const diff = (a: Decimal, b: Decimal) => `${a.minus(b).gte(0) ? '+' : ''}${wan(a.minus(b))}`;
  const target = c > 0 ? 1 - c : 0;
  io.out(zh ? `各计划（同一账本核算${check.length ? `；同一批 ${check.length} 条预测情景，✔ = 由计划造成支付缺口的概率不超过 ${((target) * 100).toFixed(1)}%` : ''}）` : `Plans (all priced by the same ledger${check.length ? `; the same ${check.length} forecast paths, ✔ = a payout gap caused by the plan on at most ${(target * 100).toFixed(1)}% of them` : ''})`);
  runs.forEach((r, k) => io.out(`  [${k + 1}] ${r.stress ? ((r.stress.planCausedShortProbability ?? 1) <= target + 1e-12 ? '✔ ' : '✖ ') : ''}${r.name}`));
  io.out('');
  const head = ['', ...runs.map((_, k) => `[${k + 1}]`)];
  const p = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
  const meanShort = (st: StressResult) => st.outcomes.reduce((a, o) => a.plus(o.largestShort), ZERO).div(Math.max(1, st.outcomes.length));
  const riskRows: string[][] = runs.every((r) => r.stress)
    ? [
        [zh ? '由计划造成支付缺口的概率' : 'P(payout gap caused by the plan)', ...runs.map((r) => p(r.stress!.planCausedShortProbability))],
        [zh ? '  其中头一个季度' : '  in the first quarter', ...runs.map((r) => p(r.stress!.planCausedShortFirstQuarterProbability))],
        [zh ? '任一支付缺口的概率（含结构性）' : 'P(any payout gap, structural included)', ...runs.map((r) => p(r.stress!.payoutShortProbability))],
        [zh ? '平均最大缺口（万元）' : 'mean largest shortfall (万元)', ...runs.map((r) => wan(meanShort(r.stress!)))],
        [zh ? '利息 5% 分位数（万元）' : 'P5 interest on the paths (万元)', ...runs.map((r) => wan(r.stress!.p5Interest))],
      ]
    : [];
  const rows: string[][] = [
    ...riskRows,
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
