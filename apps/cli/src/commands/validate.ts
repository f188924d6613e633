import { type DomainIssue, type Scenario, checkPlacements, resolvePlan, validateScenario, planSchema, fromZodIssues } from '@fundladder/core';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../io';
import { parseCommandArgs } from '../args';
import { readJson, readScenario } from '../readInput';
import { printIssue } from '../format';

const HELP_ZH = `用法: fundladder validate 文件 [--scenario 情景文件] [--json]
检查情景文件或计划文件。计划文件须配合 --scenario 检查银行、期限、起存金额等规则。
有问题时逐条列出（JSON 路径、规则、收到的值、限值）并以退出码 1 结束。`;
const HELP_EN = `Usage: fundladder validate FILE [--scenario SCENARIO] [--json]
Checks a scenario file, or a plan file against --scenario (banks, terms, minimum lots, policy rules).
Lists every problem with its JSON path, the rule, the value received and the limit; exits 1 if any.`;

function looksLikePlan(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'placements' in json;
}

/** `fundladder validate FILE`: every problem with its JSON path, rule and value; exit 1 when there are any. */
export const validateCommand: Command = (args, io) => {
  const parsed = parseCommandArgs(io, 'validate', args, { scenario: { type: 'string' }, json: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const file = positionals[0]!;
  const json = readJson(io, file);
  let issues: DomainIssue[] = [];
  let kind = 'scenario';
  if (!json.ok) issues = json.issues;
  else if (looksLikePlan(json.value)) {
    kind = 'plan';
    if (!values.scenario) {
      const p = planSchema.safeParse(json.value, { reportInput: true });
      if (!p.success) issues = fromZodIssues(p.error.issues);
      else io.err(io.lang === 'zh' ? '提示: 未给出 --scenario，只检查了计划的格式，未检查银行与规则。' : 'note: without --scenario only the plan\'s format was checked, not its banks and rules.');
    } else {
      const s = readScenario(io, values.scenario);
      if (!s.ok) issues = s.issues.map((i) => ({ ...i, path: ['(scenario)', ...i.path] }));
      else {
        const scenario: Scenario = s.value;
        const r = resolvePlan(json.value, scenario);
        issues = r.ok ? checkPlacements(r.value.placements, scenario).map((i) => ({ ...i, path: i.path.slice(1) })) : r.issues;
      }
    }
  } else {
    const r = validateScenario(json.value);
    if (!r.ok) issues = r.issues;
  }
  if (values.json) io.out(JSON.stringify({ file, kind, ok: issues.length === 0, issues }, null, 2));
  else if (issues.length === 0) io.out(io.lang === 'zh' ? `✔ ${file}: ${kind === 'plan' ? '计划' : '情景'}有效` : `✔ ${file}: valid ${kind}`);
  else {
    io.err(io.lang === 'zh' ? `${file}: 发现 ${issues.length} 个问题` : `${file}: ${issues.length} problem(s)`);
    for (const i of issues) io.err(printIssue(i, io.lang));
  }
  return issues.length ? EXIT_PROBLEMS : EXIT_OK;
};
