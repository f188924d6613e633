import { type Names, type ReplayRequest, type ReplayResult, type ReplaySide, REPLAY_LABELS, namesOf, replayBreachLine, replayGapLine, replayHeading, replayResult, replayStepLine, runReplay } from '@fundladder/app';
import type { Decimal, DomainIssue } from '@fundladder/core';
import { type CliIo, type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readFlows, readJson } from '../readInput';
import { printIssue, table, wan } from '../format';
import { progressBar } from '../progress';

const HELP_ZH = `用法: fundladder replay 情景文件 --plan 计划文件 --actuals 实际收支.csv|.json [--json] [--solver highs|jsls] [--step-months 3]

回放：用精确账本在实际收支上重跑过去的计划，报告赚取的利息、支付缺口（哪天、哪个险种、缺多少）和储备不足的月份；
并与两种计划比较（同一账本、同一实际收支）：
  事后最优  已知实际收支时优化器会选择的计划；
  滚动重排  每季度初只用当时已知的信息重新优化（期初用情景的预算现金流，之后用以已发生月份重新拟合的预测，拟合不了时仍用预算）。
少赚的利息 = 比较计划的利息 − 过去计划的利息（万元）。回放的月份为实际收支从情景首月起连续覆盖的月份，计划中此后的存放不计。
实际收支的格式与 import、evaluate --flows 相同（月份,险种,收入,支出；金额单位在表头声明）。
过去计划违反规则（有支付缺口或储备不足）时以退出码 1 结束。详见 docs/audit.md。`;
const HELP_EN = `Usage: fundladder replay SCENARIO --plan PLAN --actuals ACTUALS.csv|.json [--json] [--solver highs|jsls] [--step-months 3]

Replay: runs a past plan through the exact ledger on the flows that really happened and reports the interest earned,
the payout gaps (day, fund type, amount) and the months the reserve was short; then prices, in the same ledger on the
same actuals:
  hindsight  the plan the optimizer would have chosen knowing the actual flows;
  rolling    re-planning at the start of each quarter with only what was known then (the scenario's budget at the
             start, then the forecast refitted on the months so far, the budget where it cannot be fitted).
Interest forgone = that plan's interest − the past plan's (万元). The replay covers the months the actuals cover from the
scenario's first month; the plan's later placements are left out. Actuals in the flows format of import and evaluate
--flows. Exits 1 when the past plan breaks a rule (a payout gap or a reserve breach). See docs/audit.md.`;

const FLAGS = { plan: { type: 'string' }, actuals: { type: 'string' }, json: { type: 'boolean' }, solver: { type: 'string' }, 'step-months': { type: 'string' } } as const;

const STAGES: Record<string, Record<'zh' | 'en', string>> = { actual: { zh: '回放过去的计划', en: 'the past plan' }, hindsight: { zh: '事后最优', en: 'hindsight' }, rolling: { zh: '滚动重排', en: 'rolling re-plans' } };

/** The replay for people: the three plans side by side in 万元, then the past plan's gaps and breaches, then the re-plans (words: the catalogue's). */
function printReplay(io: CliIo, r: ReplayResult, names: Names): void {
  const lang = io.lang;
  const L = (key: keyof typeof REPLAY_LABELS) => REPLAY_LABELS[key][lang];
  const all: Array<['actual' | 'hindsight' | 'rolling', ReplaySide | undefined]> = [['actual', r.actual], ['hindsight', r.hindsight], ['rolling', r.rolling]];
  const sides = all.filter((s): s is ['actual' | 'hindsight' | 'rolling', ReplaySide] => s[1] !== undefined);
  const cell = (d: Decimal | undefined) => (d === undefined ? '—' : wan(d));
  const maxShort = (s: ReplaySide) => s.reserveBreaches.reduce<Decimal | undefined>((a, b) => (a === undefined || b.short.gt(a) ? b.short : a), undefined);
  const forgone = { actual: undefined, hindsight: r.forgone.vsHindsight, rolling: r.forgone.vsRolling };
  io.out(replayHeading(r, lang));
  io.out(table([
    ['', ...sides.map(([key]) => L(key))],
    [L('interest'), ...sides.map(([, s]) => wan(s.interest))],
    [L('interestReceived'), ...sides.map(([, s]) => wan(s.interestReceived))],
    [L('forgone'), ...sides.map(([key]) => cell(forgone[key]))],
    [L('payoutGaps'), ...sides.map(([, s]) => String(s.payoutGaps.length))],
    [L('largestGap'), ...sides.map(([, s]) => wan(s.largestGap))],
    [L('reserveBreaches'), ...sides.map(([, s]) => String(s.reserveBreaches.length))],
    [L('largestShort'), ...sides.map(([, s]) => cell(maxShort(s)))],
    [L('placements'), ...sides.map(([, s]) => String(s.placements))],
  ]));
  const zh = lang === 'zh';
  if (r.actual.payoutGaps.length) {
    io.out(zh ? '过去计划的支付缺口：' : 'Payout gaps of the past plan:');
    for (const g of r.actual.payoutGaps) io.out(`  ${replayGapLine(g, lang, names)}`);
  }
  if (r.actual.reserveBreaches.length) {
    io.out(zh ? '过去计划的储备不足：' : 'Reserve breaches of the past plan:');
    for (const b of r.actual.reserveBreaches) io.out(`  ${replayBreachLine(b, lang, names)}`);
  }
  if (r.hindsightIssues?.length) {
    io.out(zh ? '事后最优：没有找到计划' : 'Hindsight: no plan found');
    for (const i of r.hindsightIssues) io.out(`  ${printIssue(i, io, names)}`);
    if (r.hindsightWhy) {
      io.out(zh ? '  在实际收支上不可行的原因（弹性模型：允许规则被突破，求最小突破量）：' : '  Why no plan keeps every rule on the actual flows (elastic model: the least any rule must bend):');
      for (const line of r.hindsightWhy[lang]) io.out(`    • ${line}`);
    }
  }
  if (r.rolling) {
    io.out(zh ? '滚动重排的各季：' : 'Rolling re-plans:');
    for (const s of r.rolling.steps) io.out(`  ${replayStepLine(s, lang)}`);
  }
}

/** `fundladder replay SCENARIO --plan PLAN --actuals CSV`: the replay job, printed in 万元 (docs/audit.md "Replay"). */
export const replayCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'replay', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { values, positionals } = parsed;
  const zh = io.lang === 'zh';
  if (!values.plan || !values.actuals) {
    io.err(zh ? 'fundladder replay: 需要 --plan 计划文件 与 --actuals 实际收支' : 'fundladder replay: --plan PLAN and --actuals ACTUALS are required');
    return EXIT_USAGE;
  }
  if (values.solver !== undefined && values.solver !== 'highs' && values.solver !== 'jsls') {
    io.err(zh ? `fundladder replay: --solver 为 highs 或 jsls，收到 "${values.solver}"` : `fundladder replay: --solver is highs or jsls; received "${values.solver}"`);
    return EXIT_USAGE;
  }
  const flags = numberFlags(values, { 'step-months': { kind: 'int', min: 1, max: 12 } });
  if (!flags.ok) return refuseFlags(io, 'replay', flags.issues);
  const fail = (issues: readonly DomainIssue[], names?: Names) => {
    for (const i of issues) io.err(printIssue(i, io, names));
    return EXIT_PROBLEMS;
  };
  const scenario = readJson(io, positionals[0]!);
  if (!scenario.ok) return fail(scenario.issues);
  const names = namesOf(scenario.value, io.lang);
  const plan = readJson(io, values.plan);
  if (!plan.ok) return fail(plan.issues);
  const actuals = readFlows(io, values.actuals);
  if (!actuals.ok) return fail(actuals.issues, names);
  const request: ReplayRequest = {
    kind: 'replay',
    scenario: scenario.value,
    plan: plan.value,
    actuals: actuals.value.map((f) => ({ month: f.month, fundType: f.fundType, inflow: f.inflow.toFixed(2), outflow: f.outflow.toFixed(2) })),
    options: { ...(values.solver ? { solver: values.solver as 'highs' | 'jsls' } : {}), ...(flags.value['step-months'] !== undefined ? { stepMonths: flags.value['step-months'] } : {}) },
  };
  const bars = new Map<string, (done: number, total: number) => void>();
  const r = await runReplay(request, { onProgress: ({ stage, done, total }) => (bars.get(stage) ?? bars.set(stage, progressBar(io, STAGES[stage]?.[io.lang] ?? stage)).get(stage)!)(done, total) });
  if (!r.ok) return fail(r.issues, names);
  for (const w of r.value.warnings) io.err(printIssue(w, io, names));
  if (values.json) io.out(JSON.stringify(replayResult.encode(r.value), null, 2));
  else printReplay(io, r.value, names);
  return r.value.actual.issues.length ? EXIT_PROBLEMS : EXIT_OK;
};
