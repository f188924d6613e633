// The interest audit as a document the bureau can send to the bank (docs/audit.md "The report"): an .xlsx workbook
// (exceljs) and a printable HTML page, both in Chinese first with English alongside. The layer writes no file: it
// returns the bytes and the text, and the CLI writes them.
import { type Decimal, ZERO, formatYuan } from '@fundladder/core';
import type { AuditInterestResult, AuditedLineWire } from './auditInterest';
import { AUDIT_COLUMNS, accountText, auditNoteText, auditOutcomeText, auditRuleText, ratePercent } from '../messages/audit';
import type { Names } from '../messages/names';

/** What the report says besides the figures: who prepares it and on which day (the layer reads no clock). */
export interface AuditReportOptions {
  /** The day the report is prepared, `YYYY-MM-DD`; absent: not printed. */
  readonly preparedOn?: string;
}

type Column = (typeof AUDIT_COLUMNS)[number][0];

/** One line's cells by column, as text for people (money with separators, rates as %), in one language. */
function cells(line: AuditedLineWire, names: Names, lang: 'zh' | 'en'): Record<Column, string> {
  const rule = auditRuleText(line, lang);
  const contract = [...new Set(line.segments.map((s) => ratePercent(s.contractRate)))].join(' / ');
  const claimed = [...new Set(line.segments.map((s) => ratePercent(s.claimedRate)))].join(' / ');
  return {
    row: line.row !== undefined ? String(line.row) : String(line.index + 1),
    account: accountText(line, names),
    period: `${line.firstDay} — ${line.lastDay}`,
    days: String(line.days),
    balanceDays: formatYuan(line.balanceDays),
    contractRate: contract,
    claimedRate: claimed,
    rule: rule.rule,
    source: rule.source,
    owed: formatYuan(line.owedInterest),
    paid: formatYuan(line.interestPaid),
    difference: formatYuan(line.difference),
    outcome: auditOutcomeText(line.outcome, lang),
    formula: line.formula,
    notes: line.notes.map((n) => auditNoteText(n, lang)).join('；'),
  };
}

/** Lines grouped by bank, in the order the statement lists them. */
function byBank(result: AuditInterestResult): Array<{ bankId: string; lines: AuditedLineWire[] }> {
  const groups = new Map<string, AuditedLineWire[]>();
  for (const l of result.lines) groups.set(l.bankId, [...(groups.get(l.bankId) ?? []), l]);
  return [...groups].map(([bankId, lines]) => ({ bankId, lines }));
}

const total = (lines: readonly AuditedLineWire[], pick: (l: AuditedLineWire) => Decimal): Decimal => lines.reduce((a, l) => a.plus(pick(l)), ZERO);

/**
 * A yuan amount for a workbook cell. Excel keeps numbers as doubles; an amount to the fen below 2^53 fen (9×10¹³ yuan)
 * is the double nearest to its decimal text, and Excel shows it back to the fen with the `#,##0.00` format.
 */
const excelYuan = (d: Decimal): number => Number(d.toFixed(2));

/**
 * The audit as an .xlsx workbook: sheet 利息复核 (one row per statement line, grouped by bank with a subtotal, the grand
 * total, and each line's rule, source, formula and notes), sheet 说明 (the rules and conventions applied). Money cells
 * are numbers formatted to the fen; headers are Chinese with the English below.
 * @param result - the audit job's result
 * @param names - names in Chinese (`namesOf(scenario, 'zh')`)
 * @param options - the preparation day
 * @returns the workbook's bytes
 */
export async function auditReportXlsx(result: AuditInterestResult, names: Names, options: AuditReportOptions = {}): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('利息复核');
  sheet.addRow([`利息复核 Interest audit — ${result.scenario.name}`]).font = { bold: true, size: 14 };
  sheet.addRow([`对账单 Statement: ${result.file ?? '—'}；复核 ${result.lines.length} 行，差异 ${result.differences} 行 (${result.lines.length} lines, ${result.differences} with a difference)${options.preparedOn ? `；编制日期 prepared ${options.preparedOn}` : ''}`]);
  sheet.addRow([`应补合计 Owed to the fund: ${formatYuan(result.totals.difference)} 元（少付 under-paid ${formatYuan(result.totals.underpaid)}，多付 over-paid ${formatYuan(result.totals.overpaid)}）`]).font = { bold: true };
  sheet.addRow([]);
  const header = sheet.addRow(AUDIT_COLUMNS.map(([, zh, en]) => `${zh}\n${en}`));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  const moneyColumns = new Set<Column>(['owed', 'paid', 'difference']);
  const put = (values: Array<string | number>, bold = false) => {
    const row = sheet.addRow(values);
    if (bold) row.font = { bold: true };
    AUDIT_COLUMNS.forEach(([key], c) => {
      if (moneyColumns.has(key) || key === 'balanceDays') row.getCell(c + 1).numFmt = '#,##0.00';
    });
    return row;
  };
  for (const group of byBank(result)) {
    put([`${names.bank(group.bankId)}`], true);
    for (const line of group.lines) {
      const text = cells(line, names, 'zh');
      put(AUDIT_COLUMNS.map(([key]) => {
        if (key === 'owed') return excelYuan(line.owedInterest);
        if (key === 'paid') return excelYuan(line.interestPaid);
        if (key === 'difference') return excelYuan(line.difference);
        if (key === 'balanceDays') return excelYuan(line.balanceDays);
        if (key === 'days') return line.days;
        return text[key];
      }));
    }
    put(AUDIT_COLUMNS.map(([key]) => (key === 'account' ? `小计 subtotal ${names.bank(group.bankId)}` : key === 'owed' ? excelYuan(total(group.lines, (l) => l.owedInterest)) : key === 'paid' ? excelYuan(total(group.lines, (l) => l.interestPaid)) : key === 'difference' ? excelYuan(total(group.lines, (l) => l.difference)) : '')), true);
  }
  put(AUDIT_COLUMNS.map(([key]) => (key === 'account' ? '合计 total' : key === 'owed' ? excelYuan(result.totals.owedInterest) : key === 'paid' ? excelYuan(result.totals.interestPaid) : key === 'difference' ? excelYuan(result.totals.difference) : '')), true);
  AUDIT_COLUMNS.forEach(([key], c) => {
    sheet.getColumn(c + 1).width = key === 'formula' || key === 'notes' || key === 'source' ? 40 : key === 'account' || key === 'rule' ? 30 : 16;
  });
  const about = workbook.addWorksheet('说明');
  for (const text of explanation(result, names)) about.addRow([text.zh, text.en]);
  about.getColumn(1).width = 80;
  about.getColumn(2).width = 80;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The rules and conventions the audit applied, a sentence each in both languages. */
function explanation(result: AuditInterestResult, names: Names): Array<{ zh: string; en: string }> {
  return [
    { zh: '复核方法：积数计息法，利息 = 积数 × 年利率 / 360（按实际天数计息的银行为 365）；计息期间含起息日和结息日。', en: 'Method: the balance-days (积数) method, interest = balance-days × annual rate / 360 (365 for a bank on actual/365); both the first and the settlement day are counted.' },
    { zh: '适用利率：协议利率与已证实的法定优惠利率（如养老基金活期按三个月定期利率，银发〔1997〕567号）中较高者；未证实的规定只列示、不计入应补。', en: 'Rate applied: the higher of the contract rate and the confirmed statutory floors (e.g. pension demand money at the 3-month rate, 银发〔1997〕567号); an unconfirmed rule is shown, never claimed.' },
    { zh: `法定利率口径：${result.lines[0]?.reading === 'listed' ? '银行挂牌利率' : '人民银行 2015-10-24 基准利率'}。`, en: `Statutory reading: ${result.lines[0]?.reading === 'listed' ? "the bank's listed rates" : 'the PBOC benchmark of 2015-10-24'}.` },
    { zh: '舍入：每笔利息计算到厘，四舍五入到分，只舍入一次。', en: 'Rounding: each interest figure is computed to the li and rounded half up to the fen, once.' },
    ...result.conventions.map((c) => ({
      zh: `${names.bank(c.bankId)}：${c.dayBasis === 'thirty360' ? '一年按 360 天' : c.dayBasis === 'actual365' ? '一年按 365 天' : '按当年实际天数（365/366）'}；期间内利率调整${c.rateChangeMethod === 'segmented' ? '分段计息' : '按结息日利率计全期'}。`,
      en: `${names.bank(c.bankId)}: ${c.dayBasis === 'thirty360' ? '360-day year' : c.dayBasis === 'actual365' ? '365-day year' : 'each year its own length (365/366)'}; a rate change inside a period ${c.rateChangeMethod === 'segmented' ? 'splits it' : 'takes the settlement-day rate for the whole period'}.`,
    })),
  ];
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * The audit as a printable HTML page (A4 landscape, one section per bank with its subtotal, then the total and the
 * rules applied), Chinese first with English alongside. Self-contained: no script, no external style or font.
 * @param result - the audit job's result
 * @param names - names in Chinese (`namesOf(scenario, 'zh')`)
 * @param options - the preparation day
 * @returns the page's text
 */
export function auditReportHtml(result: AuditInterestResult, names: Names, options: AuditReportOptions = {}): string {
  const e = escapeHtml;
  const head = `<tr>${AUDIT_COLUMNS.map(([, zh, en]) => `<th>${e(zh)}<br><span class="en">${e(en)}</span></th>`).join('')}</tr>`;
  const right = new Set<Column>(['days', 'balanceDays', 'contractRate', 'claimedRate', 'owed', 'paid', 'difference']);
  const sections = byBank(result).map((group) => {
    const rows = group.lines.map((line) => {
      const zh = cells(line, names, 'zh');
      const en = cells(line, names, 'en');
      return `<tr class="${line.outcome}">${AUDIT_COLUMNS.map(([key]) => `<td${right.has(key) ? ' class="num"' : ''}>${e(zh[key])}${(key === 'notes' || key === 'rule' || key === 'outcome') && en[key] !== zh[key] && en[key] ? `<br><span class="en">${e(en[key])}</span>` : ''}</td>`).join('')}</tr>`;
    });
    const sub = (pick: (l: AuditedLineWire) => Decimal) => e(formatYuan(total(group.lines, pick)));
    const subtotal = `<tr class="subtotal"><td></td><td>小计 <span class="en">subtotal</span></td>${'<td></td>'.repeat(7)}<td class="num">${sub((l) => l.owedInterest)}</td><td class="num">${sub((l) => l.interestPaid)}</td><td class="num">${sub((l) => l.difference)}</td><td></td><td></td><td></td></tr>`;
    return `<section><h2>${e(names.bank(group.bankId))}</h2><table><thead>${head}</thead><tbody>${rows.join('')}${subtotal}</tbody></table></section>`;
  });
  const t = result.totals;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>利息复核 Interest audit — ${e(result.scenario.name)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Songti SC", "SimSun", serif; font-size: 10pt; color: #000; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; }
.en { color: #444; font-size: 8pt; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; } th { background: #eee; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.underpaid td { background: #fde8e8; } tr.overpaid td { background: #e8f0fd; } tr.subtotal td { font-weight: bold; }
.summary { font-size: 11pt; margin: 6pt 0; } .rules li { margin: 2pt 0; }
</style></head>
<body>
<h1>社会保险基金存款利息复核表 <span class="en">Interest audit of social-insurance fund deposits</span></h1>
<p>${e(result.scenario.name)}；对账单 <span class="en">statement</span>：${e(result.file ?? '—')}${options.preparedOn ? `；编制日期 <span class="en">prepared</span>：${e(options.preparedOn)}` : ''}</p>
<p class="summary">共复核 ${result.lines.length} 行，其中 ${result.differences} 行有差异。应补利息合计 <b>${e(formatYuan(t.difference))} 元</b>（少付 ${e(formatYuan(t.underpaid))} 元，多付 ${e(formatYuan(t.overpaid))} 元）。<br><span class="en">${result.lines.length} lines audited, ${result.differences} with a difference. Net interest owed to the fund: <b>${e(formatYuan(t.difference))} yuan</b> (under-paid ${e(formatYuan(t.underpaid))}, over-paid ${e(formatYuan(t.overpaid))}).</span></p>
${sections.join('\n')}
<h2>合计 <span class="en">Total</span></h2>
<table><tbody><tr><td>应付利息 <span class="en">owed</span></td><td class="num">${e(formatYuan(t.owedInterest))}</td><td>实付利息 <span class="en">paid</span></td><td class="num">${e(formatYuan(t.interestPaid))}</td><td>应补 <span class="en">owed to the fund</span></td><td class="num"><b>${e(formatYuan(t.difference))}</b></td></tr></tbody></table>
<h2>复核依据 <span class="en">Rules applied</span></h2>
<ul class="rules">${explanation(result, names).map((x) => `<li>${e(x.zh)}<br><span class="en">${e(x.en)}</span></li>`).join('')}</ul>
</body></html>
`;
}
