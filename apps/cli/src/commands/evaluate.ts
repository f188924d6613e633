import { type EvaluateRequest, type Names, evaluateResult, namesOf, runEvaluate } from '@fundladder/app';
import { type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { parseCommandArgs } from '../args';
import { readFlows, readJson } from '../readInput';
import { printIssue } from '../format';
import { printEvaluation } from '../render/evaluation';

const HELP_ZH = `用法: fundladder evaluate 情景文件 --plan 计划文件 [--flows 现金流.csv|.json] [--json]
用精确账本逐月运行计划：期初、收入、支出、存放、到期、利息（按产品、银行、险种）、期末与持仓，
列出计划违反的每一条规则（月份、银行、金额、规则名），并计算 KPI。现金流默认取情景文件的 flows。
计划违反任何规则时以退出码 1 结束（与 validate 相同）。`;
const HELP_EN = `Usage: fundladder evaluate SCENARIO --plan PLAN [--flows FLOWS.csv|.json] [--json]
Runs the plan through the exact ledger month by month (opening, inflows, outflows, placements, maturities,
interest by product, bank and fund type, closing, holdings), lists every rule it breaks (month, bank, amount,
rule) and computes the KPIs. Flows default to the scenario's own \`flows\`. Exits 1 when the plan breaks a rule, as
validate does.`;

/** `fundladder evaluate SCENARIO --plan PLAN`: flags → the evaluate request → the application layer → the ledger summary. */
export const evaluateCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'evaluate', args, { plan: { type: 'string' }, flows: { type: 'string' }, json: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  if (!values.plan) {
    io.err(io.lang === 'zh' ? 'fundladder evaluate: 需要 --plan 计划文件' : 'fundladder evaluate: --plan PLAN is required');
    return EXIT_USAGE;
  }
  const fail = (issues: readonly Parameters<typeof printIssue>[0][], names?: Names) => {
    for (const i of issues) io.err(printIssue(i, io, names));
    return EXIT_PROBLEMS;
  };
  const scenario = readJson(io, positionals[0]!);
  if (!scenario.ok) return fail(scenario.issues);
  const names = namesOf(scenario.value, io.lang);
  const plan = readJson(io, values.plan);
  if (!plan.ok) return fail(plan.issues);
  const request: EvaluateRequest = { kind: 'evaluate', scenario: scenario.value, plan: plan.value };
  if (values.flows) {
    // A CSV (any of the layouts the import reads) or JSON flow path, handed on as plain JSON.
    const f = readFlows(io, values.flows);
    if (!f.ok) return fail(f.issues);
    request.flows = f.value.map((x) => ({ month: x.month, fundType: x.fundType, inflow: x.inflow.toFixed(2), outflow: x.outflow.toFixed(2) }));
  }
  const r = await runEvaluate(request);
  if (!r.ok) return fail(r.issues, names);
  for (const w of r.value.warnings) io.err(printIssue(w, io, names));
  if (values.json) io.out(JSON.stringify(evaluateResult.encode(r.value), null, 2));
  else printEvaluation(io, r.value.evaluation, names);
  // A plan that breaks a rule fails, as in validate: scripts and CI must not take it for a good plan.
  return r.value.evaluation.issues.length ? EXIT_PROBLEMS : EXIT_OK;
};
