import { type ValidateRequest, capFindingLines, namesOf, runValidate, validateResult } from '@fundladder/app';
import { type Command, EXIT_OK, EXIT_PROBLEMS } from '../io';
import { parseCommandArgs } from '../args';
import { readJson } from '../readInput';
import { printIssue } from '../format';

const HELP_ZH = `用法: fundladder validate 文件 [--scenario 情景文件] [--json]
检查情景文件或计划文件。计划文件须配合 --scenario 检查银行、期限、起存金额等规则。
情景文件还检查 evaluate、optimize 之后会拒绝的问题：规划期内缺少现金流、某险种没有历史数据；并说明期初持仓已超
银行上限时优化器的处理（在其到期前不向该行新存）。未知字段是错误，并提示最接近的字段名。
有问题时逐条列出（一句说明及 JSON 路径；--verbose 另列规则标识与原始数值）并以退出码 1 结束；可疑的值（如 0.05 的活期利率即 5%）只警告。`;
const HELP_EN = `Usage: fundladder validate FILE [--scenario SCENARIO] [--json]
Checks a scenario file, or a plan file against --scenario (banks, terms, minimum lots, policy rules).
For a scenario, also what evaluate and optimize would refuse later (flows missing for months of the horizon, a fund
type with no history), and what the optimizer does about existing holdings already over a bank cap (no new money to
that bank until they run off). An unknown key is an error that names the nearest known key.
Lists every problem in a sentence with its JSON path (--verbose adds the rule id and the raw values); exits 1 if any.
Values that look mistyped (a demand rate of 0.05 is 5%) are warnings only.`;

/** `fundladder validate FILE`: every problem with its JSON path, rule and value; exit 1 when there are any. */
export const validateCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'validate', args, { scenario: { type: 'string' }, json: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const file = positionals[0]!;
  const zh = io.lang === 'zh';
  const json = readJson(io, file);
  const scenario = json.ok && values.scenario ? readJson(io, values.scenario) : undefined;
  // Banks, fund types and accounts by name in every problem: from the scenario given, or the file itself when it is one
  // (read loosely: a scenario that fails validation still names its banks).
  const names = namesOf(scenario?.ok ? scenario.value : json.ok ? json.value : undefined, io.lang);
  const fileIssues = [...(json.ok ? [] : json.issues), ...(scenario && !scenario.ok ? scenario.issues : [])];
  if (!json.ok || (scenario && !scenario.ok)) {
    if (values.json) io.out(JSON.stringify({ file, ok: false, issues: fileIssues }, null, 2));
    io.err(zh ? `${file}: 发现 ${fileIssues.length} 个问题` : `${file}: ${fileIssues.length} problem(s)`);
    for (const i of fileIssues) io.err(printIssue(i, io));
    return EXIT_PROBLEMS;
  }
  const request: ValidateRequest = { kind: 'validate', document: json.value, ...(scenario?.ok ? { scenario: scenario.value } : {}) };
  const r = await runValidate(request);
  if (!r.ok) {
    for (const i of r.issues) io.err(printIssue(i, io, names));
    return EXIT_PROBLEMS;
  }
  const v = r.value;
  if (values.json) io.out(JSON.stringify({ file, ...validateResult.encode(v) }, null, 2));
  else {
    const what = v.target === 'plan' ? (zh ? '计划' : 'plan') : zh ? '情景' : 'scenario';
    if (v.ok) io.out(zh ? `✔ ${file}: ${what}有效${v.warnings.length ? `（${v.warnings.length} 个警告）` : ''}` : `✔ ${file}: valid ${what}${v.warnings.length ? ` (${v.warnings.length} warning(s))` : ''}`);
    else io.err(zh ? `${file}: 发现 ${v.issues.length} 个问题` : `${file}: ${v.issues.length} problem(s)`);
    if (v.formatOnly) io.err(zh ? '提示: 未给出 --scenario，只检查了计划的格式，未检查银行与规则。' : "note: without --scenario only the plan's format was checked, not its banks and rules.");
    for (const i of v.issues) io.err(printIssue(i, io, names));
    for (const w of v.warnings) io.err(printIssue(w, io, names));
    const lines = capFindingLines(v.capFindings, io.lang, names);
    if (lines.length) {
      io.out(zh ? '期初持仓与银行上限（不是错误；优化器的处理）：' : 'The starting position and the bank caps (not errors; what the optimizer does):');
      for (const line of lines) io.out(`  • ${line}`);
    }
  }
  return v.ok ? EXIT_OK : EXIT_PROBLEMS;
};
