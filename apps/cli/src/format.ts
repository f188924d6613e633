import { type Decimal, type DomainIssue, formatPath, formatWan, formatYuan, formatPercent } from '@fundladder/core';
import { ruleLabel } from './i18n/rules';
import { issueMessage } from './i18n/messages';

/** One issue per line, zod-style: `✖ message (rule; received X; limit Y) → at path`; a warning starts with `⚠`. */
export function printIssue(issue: DomainIssue, lang: 'zh' | 'en'): string {
  const facts = [
    ruleLabel(issue.rule, lang),
    issue.received !== undefined ? `${lang === 'zh' ? '收到' : 'received'} ${issue.received}` : undefined,
    issue.limit !== undefined ? `${lang === 'zh' ? '限值' : 'limit'} ${issue.limit}` : undefined,
  ].filter(Boolean);
  return `${issue.severity === 'warning' ? '⚠' : '✖'} ${issueMessage(issue, lang)} (${facts.join('; ')}) → ${lang === 'zh' ? '位置' : 'at'} ${formatPath(issue.path)}`;
}

/** Pads a table: first column left, others right. Counts CJK characters as two columns. */
export function table(rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) && !/[│─✖→]/.test(ch) ? 2 : 1), 0);
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell + ' '.repeat(widths[c]! - width(cell)) : ' '.repeat(widths[c]! - width(cell)) + cell)).join('  '))
    .join('\n');
}

export const wan = (d: Decimal): string => formatWan(d).replace('万', '');
export const yuan = (d: Decimal): string => formatYuan(d);
export const pct = (d: Decimal | undefined, places = 2): string => (d === undefined ? '—' : formatPercent(d, places));
