import { IMPORT_PARTS, type ImportPart, type TableSource, changeText, encodingName, formatImportIssue, importLocationText, importScenario, parseDay, parseUnit } from '@fundladder/app';
import type { IsoDate } from '@fundladder/core';
import { type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { parseCommandArgs } from '../args';
import { readJson } from '../readInput';
import { printIssue } from '../format';
import { tableSource } from '../tableInput';

const HELP_ZH = `用法: fundladder import [情景.json] [--history 收支.csv] [--flows 预算.csv] [--banks 银行.xlsx] [--quotes 报价.xlsx#工作表]
       [--accounts 账户.csv] [--holdings 存单台账.xlsx] [--out 新情景.json] [--unit 元|万元|亿元] [--encoding auto|utf8|gbk]
       [--as-of 2025-12-31] [--name 名称] [--horizon 24] [--dry-run]
从财务系统导出的 CSV / XLSX 建立或更新情景。给出情景文件时只替换导入的部分（收支历史、预计收支、银行、报价、账户、
持仓），其余不变，并列出改动数量；结果写回该文件，或写到 --out；两者都没有时输出到标准输出。
编码: UTF-8（可带 BOM）或 GBK/GB18030，自动识别，或用 --encoding 指定。工作表: 文件名#工作表名。
金额: 千分位可有可无（"1,234.56"）；单位须声明——表头如"收入（万元）"、表头上方"单位：万元"或 --unit，
从不猜测：未声明即报错并指出列名。利率: 写 1.35% 或表头"利率（%）"。月份: 2025-01、2025/1、2025年1月、2025-01-01、2025.01。
险种: 企业职工基本养老保险基金、失业、工伤 等中文名称或 employeePension 等标识。
收支表: 长表（月份,险种,收入,支出）或宽表（月份 + 各险种的收入、支出两列）；forecast、backtest、evaluate 读同一格式。
任何一行有误即不写文件，并逐条列出：文件:行:列: 应为……，实为……`;
const HELP_EN = `Usage: fundladder import [SCENARIO.json] [--history FLOWS.csv] [--flows BUDGET.csv] [--banks BANKS.xlsx] [--quotes RATES.xlsx#SHEET]
       [--accounts ACCOUNTS.csv] [--holdings HOLDINGS.xlsx] [--out NEW.json] [--unit yuan|wan|yi] [--encoding auto|utf8|gbk]
       [--as-of 2025-12-31] [--name NAME] [--horizon 24] [--dry-run]
Builds or updates a scenario from CSV / XLSX exports. Given a scenario, only the parts imported (history, expected flows,
banks, quotes, accounts, holdings) are replaced and the changes are counted; the result goes back to that file, to --out,
or to standard output. Encodings: UTF-8 (BOM or not) or GBK/GB18030, detected, or --encoding. A sheet: FILE#SHEET.
Amounts: thousands separators allowed; the unit (元/万元/亿元) must be declared in the header (收入（万元）, inflow (wan)),
above it (单位：万元) or by --unit — never guessed: undeclared is an error naming the column. Rates: 1.35% or a header in %.
Months: 2025-01, 2025/1, 2025年1月, 2025-01-01, 2025.01. Fund types by Chinese name (企业职工基本养老保险基金, 失业…) or id.
Flows: long (month,fundType,inflow,outflow / 月份,险种,收入,支出) or wide (a 收入 and a 支出 column per fund type); forecast,
backtest and evaluate read the same format. Any bad row: nothing is written, and each is listed as file:row:column.`;

/** `fundladder import`: CSV/XLSX tables → a scenario that validates, or every bad cell with its place. */
export const importCommand: Command = async (args, io) => {
  const flags = Object.fromEntries(IMPORT_PARTS.map((p) => [p, { type: 'string' } as const])) as Record<ImportPart, { type: 'string' }>;
  const parsed = parseCommandArgs(io, 'import', args, { ...flags, out: { type: 'string' }, unit: { type: 'string' }, encoding: { type: 'string' }, 'as-of': { type: 'string' }, name: { type: 'string' }, horizon: { type: 'string' }, 'dry-run': { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 0, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { values, positionals } = parsed;
  const zh = io.lang === 'zh';
  const usage = (zhText: string, enText: string): number => (io.err(`fundladder import: ${zh ? zhText : enText}`), EXIT_USAGE);
  const parts = IMPORT_PARTS.filter((p) => values[p] !== undefined);
  if (parts.length === 0) return usage('请至少给出一个表：--history、--flows、--banks、--quotes、--accounts 或 --holdings', 'give at least one table: --history, --flows, --banks, --quotes, --accounts or --holdings');
  const unit = values.unit === undefined ? undefined : parseUnit(values.unit);
  if (values.unit !== undefined && !unit) return usage(`--unit 为 元、万元 或 亿元（yuan、wan、yi），收到 "${values.unit}"`, `--unit is yuan, wan or yi (元/万元/亿元); received "${values.unit}"`);
  const encoding = values.encoding === undefined ? 'auto' : encodingName(values.encoding);
  if (!encoding) return usage(`--encoding 为 auto、utf8 或 gbk，收到 "${values.encoding}"`, `--encoding is auto, utf8 or gbk; received "${values.encoding}"`);
  const asOf = values['as-of'] === undefined ? undefined : parseDay(values['as-of']);
  if (asOf && !asOf.ok) return usage(`--as-of 为日期，如 2025-12-31，收到 "${values['as-of']}"`, `--as-of is a day like 2025-12-31; received "${values['as-of']}"`);
  const horizon = values.horizon === undefined ? undefined : /^\d{1,3}$/.test(values.horizon) && Number(values.horizon) >= 1 && Number(values.horizon) <= 240 ? Number(values.horizon) : NaN;
  if (Number.isNaN(horizon)) return usage(`--horizon 为 1 到 240 的整数（月），收到 "${values.horizon}"`, `--horizon is a whole number of months from 1 to 240; received "${values.horizon}"`);

  const scenarioFile = positionals[0];
  let base: unknown;
  if (scenarioFile !== undefined) {
    const json = readJson(io, scenarioFile);
    if (!json.ok) return (json.issues.forEach((i) => io.err(printIssue(i, io))), EXIT_PROBLEMS);
    base = json.value;
  }
  const tables: Partial<Record<ImportPart, TableSource>> = {};
  for (const part of parts) {
    const source = tableSource(io, values[part]!, encoding);
    if (!source.ok) return (source.issues.forEach((i) => io.err(printIssue(i, io))), EXIT_PROBLEMS);
    tables[part] = source.value;
  }
  const settings = { ...(values.name !== undefined ? { name: values.name } : {}), ...(asOf?.ok ? { asOf: asOf.value as IsoDate } : {}), ...(horizon !== undefined ? { horizonMonths: horizon } : {}) };
  const result = await importScenario({ ...(base !== undefined ? { base } : {}), tables, ...(unit ? { unit } : {}), settings });
  const target = values.out ?? scenarioFile;
  // The scenario goes to stdout when no file is named: the summary must not mix with it.
  const say = (text: string) => (target === undefined && !values['dry-run'] ? io.err(text) : io.out(text));
  if (!result.ok) {
    io.err(zh ? `导入未完成，未写入任何文件：${result.issues.length} 个问题` : `nothing imported, nothing written: ${result.issues.length} problem(s)`);
    for (const issue of result.issues) io.err(`✖ ${formatImportIssue(issue, io.lang)}`);
    return EXIT_PROBLEMS;
  }
  const { scenario, changes, tables: read } = result.value;
  for (const t of read) say(`${zh ? '读取' : 'read'} ${importLocationText(t)}${t.encoding ? ` (${t.encoding})` : ''}: ${t.records} ${zh ? '条' : 'record(s)'} → ${t.part}`);
  for (const note of result.notes) say(`  · ${formatImportIssue(note, io.lang)}`);
  for (const change of changes) say(`${zh ? '改动' : 'changed'} ${changeText(change, io.lang)}`);
  const text = `${JSON.stringify(scenario, null, 2)}\n`;
  if (values['dry-run']) {
    say(zh ? '（--dry-run：未写入文件）' : '(--dry-run: nothing written)');
    return EXIT_OK;
  }
  if (target === undefined) {
    io.out(text);
    return EXIT_OK;
  }
  io.writeText(target, text);
  say(zh ? `已写入 ${target}，通过情景校验。下一步: fundladder validate ${target}` : `wrote ${target}; it validates. Next: fundladder validate ${target}`);
  return EXIT_OK;
};
