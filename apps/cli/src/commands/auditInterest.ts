import { writeFileSync } from 'node:fs';
import {
  type AuditInterestRequest, type AuditInterestResult, type Names, accountText, auditInterestResult, auditNoteText, auditOutcomeText, auditReportHtml, auditReportXlsx,
  auditRuleText, auditSummaryLine, STATEMENT_SHEETS, encodingName, formatImportIssue, namesOf, parseUnit, ratePercent, readStatement, readTable, runAuditInterest, statementOf,
} from '@fundladder/app';
import { type DomainIssue, formatYuan, parseIsoDate } from '@fundladder/core';
import { type CliIo, type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, outputPathIssue } from '../io';
import { parseCommandArgs, refuseFlags } from '../args';
import { readJson } from '../readInput';
import { tableSource } from '../tableInput';
import { printIssue, table } from '../format';

const HELP_ZH = `用法: fundladder audit-interest 结息清单.csv|.xlsx[#工作表] --scenario 情景文件 [--json] [--xlsx 复核表.xlsx] [--html 复核表.html]
        [--unit 元|万元|亿元] [--encoding auto|utf8|gbk] [--date YYYY-MM-DD]

利息复核：逐行重算银行的活期结息清单——积数（或余额 × 天数，起息日与结息日均计入）× 适用利率 / 360（按实际天数计息的银行为 365），
适用利率取账户协议利率与已证实的法定优惠利率（docs/domain.md §2.1）中较高者；协议利率期内调整时按银行的做法分段或按结息日利率。
逐行列出应付、实付、差额（应补）、适用规则与依据，到分；--xlsx 与 --html 写出可发给银行的复核表。
清单列：账户（情景中的账户标识）、起息日、结息日、余额 或 积数、利率（可选）、实付利息；金额单位须在表头或 --unit 声明。
有差异时以退出码 1 结束。详见 docs/audit.md。`;
const HELP_EN = `Usage: fundladder audit-interest STATEMENT.csv|.xlsx[#SHEET] --scenario SCENARIO [--json] [--xlsx OUT.xlsx] [--html OUT.html]
        [--unit yuan|wan|yi] [--encoding auto|utf8|gbk] [--date YYYY-MM-DD]

Interest audit: recomputes a bank's demand-interest statement line by line — the 积数 (or balance × days, both the
first and the settlement day counted) × the rate applied / 360 (365 for a bank on actual/365), the rate applied being
the higher of the account's contract rate and the confirmed statutory floors (docs/domain.md §2.1); a contract rate
that changes inside a period is split or not as the bank does. Lists, to the fen, what is owed, what was paid, the
difference owed to the fund, the rule applied and its source; --xlsx and --html write the report for the bank.
Columns: account (the scenario's account id), first day, settlement day, balance or 积数, rate (optional), interest
paid; amount units declared in the header or by --unit. Exits 1 when any line differs. See docs/audit.md.`;

const FLAGS = { scenario: { type: 'string' }, json: { type: 'boolean' }, xlsx: { type: 'string' }, html: { type: 'string' }, unit: { type: 'string' }, encoding: { type: 'string' }, date: { type: 'string' } } as const;

/** Writes bytes where the CLI's io can (tests inject one), else to the file system. */
function writeBinary(io: CliIo, path: string, bytes: Uint8Array): void {
  const sink = (io as CliIo & { writeBytes?: (p: string, b: Uint8Array) => void }).writeBytes;
  if (sink) sink(path, bytes);
  else writeFileSync(path, bytes);
}

/** The audit for people: the verdict, one row per line (yuan to the fen), then each line's formula and notes (words: the catalogue's). */
function printAudit(io: CliIo, r: AuditInterestResult, names: Names): void {
  const zh = io.lang === 'zh';
  const t = r.totals;
  io.out(auditSummaryLine(r, io.lang));
  const head = zh ? ['行', '账户', '期间', '天数', '复核利率', '应付（元）', '实付（元）', '差额（元）', '结论', '适用规则'] : ['row', 'account', 'period', 'days', 'rate', 'owed', 'paid', 'difference', 'outcome', 'rule'];
  const rows = r.lines.map((l) => [String(l.row ?? l.index + 1), accountText(l, names), `${l.firstDay}…${l.lastDay}`, String(l.days), [...new Set(l.segments.map((s) => ratePercent(s.claimedRate)))].join('/'), formatYuan(l.owedInterest), formatYuan(l.interestPaid), formatYuan(l.difference), auditOutcomeText(l.outcome, io.lang), auditRuleText(l, io.lang).rule]);
  io.out(table([head, ...rows, [zh ? '合计' : 'total', '', '', '', '', formatYuan(t.owedInterest), formatYuan(t.interestPaid), formatYuan(t.difference), '', '']]));
  for (const l of r.lines) {
    const rule = auditRuleText(l, io.lang);
    io.out(`  ${zh ? '行' : 'row'} ${l.row ?? l.index + 1}: ${l.formula} = ${formatYuan(l.owedInterest)}${zh ? '（依据：' : ' (source: '}${rule.source}${zh ? '）' : ')'}`);
    for (const n of l.notes) io.out(`    · ${auditNoteText(n, io.lang)}`);
  }
}

/**
 * `fundladder audit-interest STATEMENT --scenario SCENARIO`: reads the statement (CSV in UTF-8 or GBK, or a workbook
 * sheet) with the import machinery, hands its lines to the application layer's audit job, prints every difference
 * with its rule, and writes the report for the bank (docs/audit.md).
 */
export const auditInterestCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'audit-interest', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { values, positionals } = parsed;
  const zh = io.lang === 'zh';
  const usage = (zhText: string, enText: string) => {
    io.err(`fundladder audit-interest: ${zh ? zhText : enText}`);
    return EXIT_USAGE;
  };
  if (!values.scenario) return usage('需要 --scenario 情景文件', '--scenario SCENARIO is required');
  const unit = values.unit === undefined ? undefined : parseUnit(values.unit);
  if (values.unit !== undefined && !unit) return usage(`--unit 为 元、万元 或 亿元（yuan、wan、yi），收到 "${values.unit}"`, `--unit is yuan, wan or yi (元/万元/亿元); received "${values.unit}"`);
  const encoding = values.encoding === undefined ? 'auto' : encodingName(values.encoding);
  if (!encoding) return usage(`--encoding 为 auto、utf8 或 gbk，收到 "${values.encoding}"`, `--encoding is auto, utf8 or gbk; received "${values.encoding}"`);
  if (values.date !== undefined && !parseIsoDate(values.date)) return usage(`--date 为日期 YYYY-MM-DD，收到 "${values.date}"`, `--date is a day YYYY-MM-DD; received "${values.date}"`);
  const unwritable = [values.xlsx !== undefined ? outputPathIssue('xlsx', values.xlsx) : undefined, values.html !== undefined ? outputPathIssue('html', values.html) : undefined].filter((i): i is DomainIssue => i !== undefined);
  if (unwritable.length) return refuseFlags(io, 'audit-interest', unwritable);

  const fail = (issues: readonly DomainIssue[], names?: Names) => {
    for (const i of issues) io.err(printIssue(i, io, names));
    return EXIT_PROBLEMS;
  };
  const scenario = readJson(io, values.scenario);
  if (!scenario.ok) return fail(scenario.issues);
  const names = namesOf(scenario.value, io.lang);
  const source = tableSource(io, positionals[0]!, encoding);
  if (!source.ok) return fail(source.issues);
  const read = await readTable(source.value, STATEMENT_SHEETS);
  if (!read.ok) {
    for (const i of read.issues) io.err(`✖ ${formatImportIssue(i, io.lang)}`);
    return EXIT_PROBLEMS;
  }
  const lines = readStatement(read.value, unit ? { unit } : {});
  if (!lines.ok) {
    for (const i of lines.issues) io.err(`✖ ${formatImportIssue(i, io.lang)}`);
    return EXIT_PROBLEMS;
  }
  const request: AuditInterestRequest = { kind: 'auditInterest', scenario: scenario.value, statement: statementOf(read.value, lines.value) };
  const r = await runAuditInterest(request);
  if (!r.ok) return fail(r.issues, names);
  for (const w of r.value.warnings) io.err(printIssue(w, io, names));
  const zhNames = namesOf(scenario.value, 'zh');
  const options = values.date !== undefined ? { preparedOn: values.date } : {};
  if (values.xlsx !== undefined) writeBinary(io, values.xlsx, await auditReportXlsx(r.value, zhNames, options));
  if (values.html !== undefined) io.writeText(values.html, auditReportHtml(r.value, zhNames, options));
  if (values.json) io.out(JSON.stringify(auditInterestResult.encode(r.value), null, 2));
  else printAudit(io, r.value, names);
  // Any difference fails, as evaluate does for a rule break: a script must not take an audit with findings for a clean one.
  return r.value.differences > 0 ? EXIT_PROBLEMS : EXIT_OK;
};
