import { type Decimal, type DomainIssue, formatWan, formatYuan, formatPercent } from '@fundladder/core';
import { type Names, issueLine } from '@fundladder/app';
import type { CliIo } from './io';

/**
 * One issue per line, zod-style, worded by the application layer's catalogue: `✖ sentence → 位置 path` (`⚠` for a
 * warning), banks, fund types and accounts by name when `names` come from the scenario; `--verbose` adds the rule and
 * code ids and the raw values in brackets.
 */
export function printIssue(issue: DomainIssue, io: Pick<CliIo, 'lang' | 'verbose'>, names?: Names): string {
  return issueLine(issue, io.lang, names, { verbose: io.verbose === true });
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
