import type { DomainIssue } from '@fundladder/core';
import { type CompareRequest, type Names, compareResult, namesOf, runCompare } from '@fundladder/app';
import { type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { CONFIDENCE_FLAG, PATHS_FLAG, SEED_FLAG, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readJson } from '../readInput';
import { printIssue } from '../format';
import { progressBar } from '../progress';
import { compareCsv, printCompare } from '../render/compare';

const HELP_ZH = `用法: fundladder compare 情景A 情景B [情景C 情景D] [--plan 计划A --plan 计划B …]
      fundladder compare 情景 [计划…] [--optimized] [--baselines]
      [--confidence 0.99] [--paths 200] [--planning-paths 1000] [--seed 1] [--solver highs|jsls] [--json|--csv]
并列比较，每一列都用同一精确账本核算，并放到同一批预测情景上（--paths 条，--seed；0 表示不做）：先列风险（由计划造成的
支付缺口概率、头一个季度、结构性缺口、缺口金额），再列利息与 KPI、与第一列之差（万元），以及实收利息之差按产品、按银行
的分解。达不到置信度的计划标 ✖ 排在安全的计划之后；银行、产品按名称显示。
文件怎么区分：含 placements 列表的 JSON 是计划，其余是情景；第一个文件必须是情景。
比较情景（2–4 个情景文件）：每个情景按同样的选项（--confidence，默认取各情景的 policy.safety）优化并保障支付，各列以情景
名称标注（同名的加（2））；--plan 按顺序给每个情景一个计划（个数与情景相同），就不再优化。历史数据不同的情景，预测情景也
不同（同一种子），结果会写明。
比较同一情景的计划：情景文件后跟计划文件；--optimized 加入按 --confidence 保障支付的优化计划（在另一批独立抽取的
--planning-paths 条情景上制定），--baselines 加入两个简单做法（全部1年期平均分存；3/6/12个月固定阶梯）。
--json 输出比较结果（金额为精确到分的元）；--csv 输出表格（万元）。`;
const HELP_EN = `Usage: fundladder compare SCENARIO_A SCENARIO_B [SCENARIO_C SCENARIO_D] [--plan PLAN_A --plan PLAN_B …]
       fundladder compare SCENARIO [PLAN…] [--optimized] [--baselines]
       [--confidence 0.99] [--paths 200] [--planning-paths 1000] [--seed 1] [--solver highs|jsls] [--json|--csv]
Side by side, every column priced by the same exact ledger and run on the same forecast paths (--paths, --seed; 0 =
none): risk first (the probability of a payout gap the plan causes, in the first quarter, structural gaps, the
shortfall), then interest and KPIs, the difference from the first column (万元), and the interest received difference
by product and by bank. A plan that misses the confidence is marked ✖ and listed after the safe ones; banks and
products by name.
Telling files apart: a JSON file with a placements list is a plan, any other a scenario; the first file is a scenario.
Scenarios (2–4 files): each is optimized safely with the same options (--confidence, default each scenario's
policy.safety) and its column is labelled by the scenario's name (a repeated name gets " (2)"); --plan gives each
scenario, in order, its plan instead (as many --plan as scenarios). Scenarios whose histories differ get different
forecast paths (the same seed), and the output says so.
Plans of one scenario: the scenario, then plan files; --optimized adds the optimizer's plan made safe at --confidence
(fitted to --planning-paths other, independently drawn paths), --baselines two simple policies (all in 1-year
deposits split evenly; a fixed 3/6/12-month ladder).
--json prints the comparison (money as yuan to the fen); --csv the table (万元).`;

const FLAGS = { baselines: { type: 'boolean' }, optimized: { type: 'boolean' }, plan: { type: 'string', multiple: true }, confidence: { type: 'string' }, paths: { type: 'string' }, 'planning-paths': { type: 'string' }, seed: { type: 'string' }, solver: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } } as const;
const STAGES: Record<string, { zh: string; en: string }> = { paths: { zh: '抽取预测情景', en: 'drawing paths' }, optimize: { zh: '优化', en: 'optimizing' }, nothingPlaced: { zh: '核算（不存放）', en: 'check (nothing placed)' }, check: { zh: '同一批情景核算', en: 'same paths' } };

const isPlan = (json: unknown) => typeof json === 'object' && json !== null && Array.isArray((json as { placements?: unknown }).placements);

/** `fundladder compare`: flags → the compare request → the application layer → the table (or --json / --csv). */
export const compareCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'compare', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 20 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const zh = io.lang === 'zh';
  const flags = numberFlags(values, { paths: PATHS_FLAG, 'planning-paths': PATHS_FLAG, seed: SEED_FLAG, confidence: CONFIDENCE_FLAG });
  if (!flags.ok) return refuseFlags(io, 'compare', flags.issues);
  const usage = (zhText: string, enText: string) => (io.err(`fundladder compare: ${zh ? zhText : enText}`), EXIT_USAGE);
  if (values.solver !== undefined && values.solver !== 'highs' && values.solver !== 'jsls') return usage('--solver 为 highs 或 jsls', '--solver is highs or jsls');
  const fail = (issues: readonly DomainIssue[], file?: string, names?: Names) => {
    for (const i of issues) io.err(`${file ? `${file}: ` : ''}${printIssue(i, io, names)}`);
    return EXIT_PROBLEMS;
  };
  const read = (file: string) => readJson(io, file);
  const docs = positionals.map(read);
  for (const [k, d] of docs.entries()) if (!d.ok) return fail(d.issues, positionals[k]);
  const json = docs.map((d) => (d.ok ? d.value : undefined));
  if (isPlan(json[0])) return usage(`第一个文件 ${positionals[0]} 是计划（含 placements）；先给情景文件`, `the first file ${positionals[0]} is a plan (it has placements); give the scenario first`);
  const scenarioFiles = positionals.filter((_, k) => !isPlan(json[k]));
  const planFiles = values.plan ?? [];
  let request: CompareRequest;
  // Which file each scenario and each column came from, to name it in the output and beside every problem.
  let columnFiles: string[];
  if (scenarioFiles.length > 1) {
    if (scenarioFiles.length !== positionals.length) return usage('要么比较 2–4 个情景，要么比较一个情景的多个计划，不能混在一起', 'compare either 2–4 scenarios or plans of one scenario, not both');
    if (scenarioFiles.length > 4) return usage('最多比较 4 个情景', 'at most 4 scenarios');
    if (values.baselines) return usage('--baselines 用于比较同一情景的计划', '--baselines is for plans of one scenario');
    if (planFiles.length && planFiles.length !== scenarioFiles.length) return usage(`给了 ${planFiles.length} 个 --plan，情景有 ${scenarioFiles.length} 个：按顺序每个情景一个`, `${planFiles.length} --plan for ${scenarioFiles.length} scenarios: give one per scenario, in order`);
    const plans = planFiles.map(read);
    for (const [k, d] of plans.entries()) if (!d.ok) return fail(d.issues, planFiles[k]);
    request = { kind: 'compare', scenarios: json, columns: json.map((_, k) => ({ scenario: k, plan: plans[k]?.ok ? { kind: 'given', plan: plans[k].value } : { kind: 'optimized' } })) };
    columnFiles = scenarioFiles.map((f, k) => (planFiles[k] ? `${f} + ${planFiles[k]}` : f));
  } else {
    if (planFiles.length) return usage('--plan 用于比较多个情景；同一情景的计划直接跟在情景文件后面', '--plan goes with two or more scenarios; plans of one scenario follow it as files');
    const given = positionals.slice(1);
    request = { kind: 'compare', scenarios: [json[0]], columns: [...(values.optimized ? [{ scenario: 0, plan: { kind: 'optimized' as const } }] : []), ...given.map((_, k) => ({ scenario: 0, plan: { kind: 'given' as const, plan: json[k + 1] } })), ...(values.baselines ? (['oneYearEven', 'ladder3612'] as const).map((policy) => ({ scenario: 0, plan: { kind: 'baseline' as const, policy } })) : [])] };
    columnFiles = [...(values.optimized ? [''] : []), ...given, ...(values.baselines ? ['', ''] : [])];
    if (!request.columns.length) {
      io.err(zh ? '没有可比较的计划：给出计划文件，或用 --baselines / --optimized' : 'nothing to compare: give plan files, or --baselines / --optimized');
      return EXIT_PROBLEMS;
    }
  }
  const f = flags.value;
  request.options = { solver: values.solver === 'jsls' ? 'jsls' : 'highs', seed: f.seed ?? 1, ...(f.confidence !== undefined ? { confidence: f.confidence } : {}), ...(f.paths !== undefined ? { paths: f.paths } : {}), ...(f['planning-paths'] !== undefined ? { planningPaths: f['planning-paths'] } : {}) };
  const bars = new Map<string, (done: number, total: number) => void>();
  const r = await runCompare(request, { onProgress: ({ stage, done, total }) => (bars.get(stage) ?? bars.set(stage, progressBar(io, STAGES[stage]?.[io.lang] ?? stage)).get(stage)!)(done, total) });
  // A problem is printed with the file it is in: `scenarios.1.policy…` → the second scenario's file, `columns.2.plan…` → the plan's.
  const fileOf = (i: DomainIssue) => (i.path[0] === 'scenarios' ? scenarioFiles[i.path[1] as number] : i.path[0] === 'columns' ? columnFiles[i.path[1] as number] || scenarioFiles[0] : undefined);
  const strip = (i: DomainIssue): DomainIssue => (fileOf(i) ? { ...i, path: i.path.slice(2) } : i);
  // Names from the scenario a problem is in: `scenarios.k…` is the k-th, `columns.k…` the column's scenario.
  const namesAt = (i: DomainIssue): Names => {
    const k = i.path[0] === 'scenarios' ? Number(i.path[1]) : i.path[0] === 'columns' ? (request.columns[Number(i.path[1])]?.scenario ?? 0) : 0;
    return namesOf(request.scenarios[k], io.lang);
  };
  if (!r.ok) {
    for (const i of r.issues) fail([strip(i)], fileOf(i), namesAt(i));
    const optionsWrong = r.issues.some((i) => ['paths', 'planningPaths', 'request'].includes(String(i.path[0])) || (i.path[0] === 'scenarios' && i.path[2] === 'policy' && i.path[3] === 'safety'));
    return optionsWrong ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  for (const w of r.value.warnings) io.err(`${fileOf(w) ? `${fileOf(w)}: ` : ''}${printIssue(strip(w), io, namesAt(w))}`);
  if (values.json) io.out(JSON.stringify(compareResult.encode(r.value), null, 2));
  else if (values.csv) io.out(compareCsv(r.value, io.lang));
  else printCompare(io, r.value, scenarioFiles.length > 1 ? columnFiles : [], request.scenarios);
  return r.value.columns.every((c) => c.status === 'optimal') ? EXIT_OK : EXIT_PROBLEMS;
};
