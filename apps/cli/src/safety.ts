import { type FundType, type Scenario, FUND_TYPE_NAMES_ZH, addMonthsToKey, dec, toWire } from '@fundladder/core';
import type { SafePlanResult, StressResult } from '@fundladder/optimizer';
import type { CliIo } from './io';
import { table, wan } from './format';

// The paths' seeds and counts live in the application layer (packages/app/src/paths.ts) with the jobs that use them.
export { defaultPathCounts, planningSeed, safetyPaths } from '@fundladder/app';

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** A fund type's name in the chosen language. */
export function fundTypeName(ft: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? (FUND_TYPE_NAMES_ZH[ft as FundType] ?? ft) : ft;
}

/** The fund types with a plan-caused gap, most often first. */
function planCausedFunds(st: StressResult): Array<{ fundType: string; p: number; q1: number }> {
  return st.byFundType.filter((f) => f.planCausedShortProbability > 0).map((f) => ({ fundType: f.fundType, p: f.planCausedShortProbability, q1: f.planCausedShortFirstQuarterProbability })).sort((a, b) => b.p - a.p);
}

/**
 * The verdict, printed before anything else: the plan's out-of-sample probability that some fund type cannot pay on
 * its day (whole horizon and first quarter), which fund types, what the plan adds to what no plan can cure, and the
 * interest safety costs against the mean-flow plan.
 */
export function printVerdict(io: CliIo, r: SafePlanResult, confidence: number): void {
  const zh = io.lang === 'zh';
  const st = r.stress;
  if (!st) return;
  const caused = planCausedFunds(st);
  const target = 1 - confidence;
  const safe = confidence > 0 && (st.planCausedShortProbability ?? 1) <= target + 1e-12;
  const mark = confidence === 0 ? '⚠' : safe ? '✔' : '✖';
  const names = caused.map((f) => `${fundTypeName(f.fundType, io.lang)} ${pct(f.p)}`).join(zh ? '，' : ', ');
  io.out(zh
    ? `${mark} 安全性（样本外 ${st.paths} 条预测情景，${st.distinctPaths} 条互不相同；计划只按另外独立抽取的 ${r.floors?.planningPaths ?? 0} 条情景制定）：某险种某日无法按时足额支付的概率 ${pct(st.payoutShortProbability)}（头一个季度 ${pct(st.payoutShortFirstQuarterProbability)}）；其中由计划造成的 ${pct(st.planCausedShortProbability)}（头一个季度 ${pct(st.planCausedShortFirstQuarterProbability)}）${names ? `：${names}` : ''}；即使一分钱不存放也会出现的结构性缺口 ${pct(st.structuralShortProbability)}。`
    : `${mark} Safety (out of sample: ${st.paths} forecast paths, ${st.distinctPaths} distinct; the plan was fitted to ${r.floors?.planningPaths ?? 0} other, independently drawn paths): probability that some fund type cannot pay on the day ${pct(st.payoutShortProbability)} (first quarter ${pct(st.payoutShortFirstQuarterProbability)}); caused by the plan ${pct(st.planCausedShortProbability)} (first quarter ${pct(st.planCausedShortFirstQuarterProbability)})${names ? `: ${names}` : ''}; structural gaps that occur even with nothing placed ${pct(st.structuralShortProbability)}.`);
  if (confidence === 0) {
    io.out(zh ? '  ⚠ 置信度为 0：计划只按平均流量制定，未按预测情景保障支付。' : '  ⚠ Confidence 0: the plan follows the mean flows only; payouts are not protected on the forecast paths.');
  } else if (r.meanPlan?.result.status === 'optimal' && r.result.status === 'optimal') {
    const ms = r.meanPlan.stress;
    io.out(zh
      ? `  保障安全的代价：按 ${(confidence * 100).toFixed(1)}% 置信度安全的计划账本利息 ${wan(r.result.ledgerInterest)} 万元，只按平均流量的计划 ${wan(r.meanPlan.result.ledgerInterest)} 万元（少 ${wan(r.costOfSafety ?? dec(0))} 万元）${ms ? `；后者在同样情景上由计划造成缺口的概率为 ${pct(ms.planCausedShortProbability)}（头一个季度 ${pct(ms.planCausedShortFirstQuarterProbability)}）` : '（--frontier 列出它的风险）'}。`
      : `  The price of safety: the plan safe at ${(confidence * 100).toFixed(1)}% earns ${wan(r.result.ledgerInterest)}万 by the ledger, the mean-flow plan ${wan(r.meanPlan.result.ledgerInterest)}万 (${wan(r.costOfSafety ?? dec(0))}万 less)${ms ? `; on the same paths the mean-flow plan causes a gap with probability ${pct(ms.planCausedShortProbability)} (first quarter ${pct(ms.planCausedShortFirstQuarterProbability)})` : ' (--frontier shows its risk)'}.`);
  }
  if (confidence > 0 && !safe) {
    io.out(zh
      ? `  ✖ 样本外由计划造成缺口的概率 ${pct(st.planCausedShortProbability)} 高于目标 ${pct(target)}：增加规划情景（--planning-paths）、提高置信度或缩短期限后重算。`
      : `  ✖ Out of sample the plan causes a gap with probability ${pct(st.planCausedShortProbability)}, above the target ${pct(target)}: plan on more paths (--planning-paths), raise the confidence or shorten terms.`);
  }
}

/**
 * The structural gap, in plain words: which fund type, from which month, on what share of paths, how much short —
 * a transfer from the pooled adjustment fund or a fiscal subsidy is needed; no placement can cure it.
 */
export function printStructuralFinding(io: CliIo, st: StressResult): void {
  const zh = io.lang === 'zh';
  for (const f of st.byFundType) {
    if (f.structuralShortProbability <= 0) continue;
    io.out(zh
      ? `  • 结构性缺口：${fundTypeName(f.fundType, 'zh')}自己的钱在 ${pct(f.structuralShortProbability)} 的情景中不够支付（中位首次月份 ${f.structuralMedianFirstMonth ?? '—'}，缺口中位数 ${wan(f.structuralMedianShort ?? dec(0))} 万元），即使一分钱也不存放也是如此：需要调剂金或财政补助，存放计划无法弥补，也不是计划造成的。`
      : `  • Structural gap: ${f.fundType}'s own money falls short on ${pct(f.structuralShortProbability)} of paths (median first month ${f.structuralMedianFirstMonth ?? '—'}, median gap ${wan(f.structuralMedianShort ?? dec(0))}万) even with nothing placed: a transfer from the pooled adjustment fund or a fiscal subsidy is needed; no placement can cure it, and the plan did not cause it.`);
  }
}

/** The monthly pre-allocation (按月预拨) from each fund type's 财政专户 to its 支出户, first `months` months. */
export function printPreAllocation(io: CliIo, scenario: Scenario, r: SafePlanResult, months = 3): void {
  const zh = io.lang === 'zh';
  const pre = r.floors?.preAllocationYuan;
  if (!pre) return;
  const keys = Array.from({ length: Math.min(months, scenario.horizonMonths) }, (_, t) => addMonthsToKey(scenario.startMonth, t));
  io.out(zh ? `按月预拨（财政专户 → 支出户，按 ${(r.floors!.confidence * 100).toFixed(1)}% 置信度的当月支付，万元；在支付日前到账）：` : `Monthly pre-allocation (fiscal special account → expenditure account, the month's payouts at ${(r.floors!.confidence * 100).toFixed(1)}% confidence, 万元; to arrive before the payout day):`);
  const rows = scenario.fundTypes.map((ft) => [fundTypeName(ft, io.lang), ...keys.map((_, t) => wan(dec(pre.get(ft)?.[t] ?? 0)))]);
  io.out(table([[zh ? '险种' : 'fund type', ...keys], ...rows]));
}

/** The stress details, per fund type, after the plan. */
export function printStressDetails(io: CliIo, st: StressResult): void {
  const zh = io.lang === 'zh';
  io.out('');
  io.out(zh ? `压力测试（样本外 ${st.paths} 条情景，精确账本逐条核算）` : `Stress (out of sample, ${st.paths} paths, each through the exact ledger)`);
  io.out(zh ? `  某险种结算账户某日透支的概率：${pct(st.shortProbability)}${st.mostCommonShortMonth ? `（最常见的首次透支月份 ${st.mostCommonShortMonth.month}，${st.mostCommonShortMonth.paths} 条；最大缺口 ${wan(st.largestShort)} 万元）` : ''}` : `  Probability that a fund type's settlement account is overdrawn on some day: ${pct(st.shortProbability)}${st.mostCommonShortMonth ? ` (most often first in ${st.mostCommonShortMonth.month}, ${st.mostCommonShortMonth.paths} paths; largest gap ${wan(st.largestShort)}万)` : ''}`);
  io.out(zh ? `  流动性储备不足的概率：${pct(st.reserveBreachProbability)}` : `  Probability of a reserve breach: ${pct(st.reserveBreachProbability)}`);
  io.out(zh ? `  利息：期望 ${wan(st.expectedInterest)} 万元，5% 分位数 ${wan(st.p5Interest)} 万元` : `  Interest: expected ${wan(st.expectedInterest)}万, 5th percentile ${wan(st.p5Interest)}万`);
  if (st.byFundType.length) {
    io.out(table([
      [zh ? '险种' : 'fund type', zh ? '计划造成缺口' : 'plan-caused gap', zh ? '头一个季度' : 'first quarter', zh ? '结构性缺口' : 'structural'],
      ...st.byFundType.map((f) => [fundTypeName(f.fundType, io.lang), pct(f.planCausedShortProbability), pct(f.planCausedShortFirstQuarterProbability), pct(f.structuralShortProbability)]),
    ]));
  }
  printStructuralFinding(io, st);
}

/** The stress result for --json: 0..1 numbers, money as decimal strings, no per-path outcomes. */
export function stressWire(st: StressResult & { outOfSample?: true }) {
  const { outcomes: _outcomes, ...rest } = st;
  return toWire(rest);
}

/** The safety facts for --json. */
export function safetyWire(r: SafePlanResult, confidence: number) {
  const mean = r.meanPlan;
  return {
    confidence,
    ...(r.floors ? { planningPaths: r.floors.planningPaths, discardedPlanningPaths: r.floors.discardedPaths.length, safetyMonths: r.floors.months, perFundType: r.floors.perFundType } : {}),
    ...(r.costOfSafety ? { costOfSafety: r.costOfSafety.toFixed(2) } : {}),
    ...(mean?.result.status === 'optimal' ? { meanFlowPlan: { interest: mean.result.ledgerInterest.toFixed(2), ...(mean.stress ? { stress: stressWire(mean.stress) } : {}) } } : {}),
    ...(r.floors ? { preAllocation: Object.fromEntries([...r.floors.preAllocationYuan].map(([ft, row]) => [ft, row.map((y) => dec(y).toFixed(2))])) } : {}),
  };
}
