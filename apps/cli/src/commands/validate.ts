import { type DomainIssue, type Scenario, checkPlacements, resolvePlan, validateScenario, planSchema, parseInput, planWarnings, toWire } from '@fundladder/core';
import type { CapFinding } from '@fundladder/optimizer';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../io';
import { parseCommandArgs } from '../args';
import { readJson, readScenario } from '../readInput';
import { printIssue } from '../format';
import { scenarioReadiness } from '../readiness';
import { capFindingLines } from '../i18n/capFindings';

const HELP_ZH = `用法: fundladder validate 文件 [--scenario 情景文件] [--json]
检查情景文件或计划文件。计划文件须配合 --scenario 检查银行、期限、起存金额等规则。
情景文件还检查 evaluate、optimize 之后会拒绝的问题：规划期内缺少现金流、某险种没有历史数据；并说明期初持仓已超
银行上限时优化器的处理（在其到期前不向该行新存）。未知字段是错误，并提示最接近的字段名。
有问题时逐条列出（JSON 路径、规则、收到的值、限值）并以退出码 1 结束；可疑的值（如 0.05 的活期利率即 5%）只警告。`;
const HELP_EN = `Usage: fundladder validate FILE [--scenario SCENARIO] [--json]
Checks a scenario file, or a plan file against --scenario (banks, terms, minimum lots, policy rules).
For a scenario, also what evaluate and optimize would refuse later (flows missing for months of the horizon, a fund
type with no history), and what the optimizer does about existing holdings already over a bank cap (no new money to
that bank until they run off). An unknown key is an error that names the nearest known key.
Lists every problem with its JSON path, the rule, the value received and the limit; exits 1 if any. Values that
look mistyped (a demand rate of 0.05 is 5%) are warnings only.`;

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
  let warnings: DomainIssue[] = [];
  let findings: CapFinding[] = [];
  let kind = 'scenario';
  if (!json.ok) issues = json.issues;
  else if (looksLikePlan(json.value)) {
    kind = 'plan';
    const p = parseInput(planSchema, json.value);
    if (p.ok) warnings = planWarnings(p.value);
    if (!p.ok) issues = p.issues;
    else if (!values.scenario) io.err(io.lang === 'zh' ? '提示: 未给出 --scenario，只检查了计划的格式，未检查银行与规则。' : 'note: without --scenario only the plan\'s format was checked, not its banks and rules.');
    else {
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
    else {
      const ready = scenarioReadiness(r.value);
      issues = ready.errors;
      warnings = ready.warnings;
      findings = ready.capFindings;
    }
  }
  if (values.json) io.out(JSON.stringify({ file, kind, ok: issues.length === 0, issues, warnings, capFindings: toWire(findings) }, null, 2));
  else {
    const zh = io.lang === 'zh';
    if (issues.length === 0) io.out(zh ? `✔ ${file}: ${kind === 'plan' ? '计划' : '情景'}有效${warnings.length ? `（${warnings.length} 个警告）` : ''}` : `✔ ${file}: valid ${kind}${warnings.length ? ` (${warnings.length} warning(s))` : ''}`);
    else io.err(zh ? `${file}: 发现 ${issues.length} 个问题` : `${file}: ${issues.length} problem(s)`);
    for (const i of issues) io.err(printIssue(i, io.lang));
    for (const w of warnings) io.err(printIssue(w, io.lang));
    const lines = capFindingLines(findings, io.lang);
    if (lines.length) {
      io.out(zh ? '期初持仓与银行上限（不是错误；优化器的处理）：' : 'The starting position and the bank caps (not errors; what the optimizer does):');
      for (const line of lines) io.out(`  • ${line}`);
    }
  }
  return issues.length ? EXIT_PROBLEMS : EXIT_OK;
};
