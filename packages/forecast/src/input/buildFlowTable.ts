import type { DomainIssue, Result } from '@fundladder/core';
import type { FlowRow, FlowSeries, FlowTable } from './flowTable';
import { addPeriods, periodOrdinal } from './periodOrdinal';

/** The shortest annual history forecast: 3 years, two year-on-year changes (see {@link buildFlowTable}). */
export const MIN_ANNUAL_YEARS = 3;

/**
 * Checks flow rows and arranges them per fund type: one frequency, each fund type's rows in order
 * with no gap or duplicate, no negative amount, every fund type over the same periods, and at least
 * two seasons of monthly history (24 months) or three years of annual history: an annual band is a random walk's,
 * its spread estimated from the year-on-year changes, and two years give one change — no spread for a drift at all,
 * and for the naive band a Student-t factor of 12.7 at 95% on a single number (docs/forecast.md "Annual bands").
 * Every problem is reported with the row's path and what was expected; nothing is filled in.
 *
 * @param rows - rows as read from a CSV or a scenario's history
 * @returns the table, or every issue found
 * @example buildFlowTable([]).ok //=> false (code 'too_short')
 * @see docs/forecast.md "Input and output"; docs/conventions.md §2.
 */
export function buildFlowTable(rows: readonly FlowRow[]): Result<FlowTable> {
  const issues: DomainIssue[] = [];
  const first = rows[0] && periodOrdinal(rows[0].period);
  const frequency = first?.frequency ?? 'monthly';
  const byFund = new Map<string, { row: FlowRow; ordinal: number }[]>();
  for (const row of rows) {
    const parsed = periodOrdinal(row.period);
    if (!parsed) {
      issues.push({ code: 'invalid_format', path: [...row.path, 'period'], rule: 'periodLabel', message: 'a period is YYYY-MM (monthly) or YYYY (annual)', received: row.period, limit: 'YYYY-MM | YYYY' });
      continue;
    }
    if (parsed.frequency !== frequency) {
      issues.push({ code: 'mixed_frequency', path: [...row.path, 'period'], rule: 'oneFrequency', message: `all periods must be ${frequency === 'monthly' ? 'YYYY-MM' : 'YYYY'} like the first row`, received: row.period, limit: frequency });
      continue;
    }
    for (const field of ['inflow', 'outflow'] as const) {
      if (row[field] < 0) issues.push({ code: 'negative_amount', path: [...row.path, field], rule: 'nonNegativeAmount', message: `${field} may not be negative`, received: String(row[field]), limit: '0', fundType: row.fundType });
    }
    const list = byFund.get(row.fundType) ?? [];
    const previous = list[list.length - 1];
    if (previous && parsed.ordinal <= previous.ordinal) {
      const same = parsed.ordinal === previous.ordinal;
      issues.push({
        code: same ? 'duplicate' : 'out_of_order',
        path: [...row.path, 'period'],
        rule: same ? 'onePeriodPerFundType' : 'periodsInOrder',
        message: same ? `${row.fundType} has ${row.period} twice` : `${row.fundType}: ${row.period} comes after ${previous.row.period}; periods must be in increasing order`,
        received: row.period,
        limit: previous.row.period,
        fundType: row.fundType,
      });
      continue;
    }
    if (previous && parsed.ordinal > previous.ordinal + 1) {
      issues.push({
        code: 'gap',
        path: [...row.path, 'period'],
        rule: 'contiguousPeriods',
        message: `${row.fundType}: no row for ${addPeriods(previous.row.period, 1)}${parsed.ordinal - previous.ordinal > 2 ? ` … ${addPeriods(row.period, -1)}` : ''} between ${previous.row.period} and ${row.period}`,
        received: row.period,
        limit: addPeriods(previous.row.period, 1),
        fundType: row.fundType,
      });
    }
    list.push({ row, ordinal: parsed.ordinal });
    byFund.set(row.fundType, list);
  }
  const monthly = frequency === 'monthly';
  const needed = monthly ? 24 : MIN_ANNUAL_YEARS;
  const rule = monthly ? 'twoSeasons' : 'threeYears';
  const lists = [...byFund.entries()];
  if (lists.length === 0) {
    issues.push({ code: 'too_short', path: [], rule, message: `no flow rows: at least ${needed} ${monthly ? 'months' : 'years'} per fund type are needed`, received: '0', limit: String(needed) });
  }
  for (const [fundType, list] of lists) {
    if (list.length < needed) {
      const why = monthly ? 'at least two seasons' : 'at least three years (two year-on-year changes, the fewest a band can be estimated from)';
      issues.push({ code: 'too_short', path: [...list[0]!.row.path.slice(0, -1)], rule, message: `${fundType} has ${list.length} ${monthly ? 'months' : 'years'} of history; ${why} (${needed}) are needed`, received: String(list.length), limit: String(needed), fundType });
    }
  }
  const reference = lists[0]?.[1];
  for (const [fundType, list] of lists.slice(1)) {
    if (reference && (list[0]!.row.period !== reference[0]!.row.period || list[list.length - 1]!.row.period !== reference[reference.length - 1]!.row.period)) {
      issues.push({
        code: 'misaligned',
        path: [...list[0]!.row.path, 'period'],
        rule: 'samePeriodsEveryFundType',
        message: `${fundType} runs ${list[0]!.row.period}…${list[list.length - 1]!.row.period} but ${lists[0]![0]} runs ${reference[0]!.row.period}…${reference[reference.length - 1]!.row.period}; every fund type needs the same periods`,
        received: `${list[0]!.row.period}…${list[list.length - 1]!.row.period}`,
        limit: `${reference[0]!.row.period}…${reference[reference.length - 1]!.row.period}`,
        fundType,
      });
    }
  }
  if (issues.length) return { ok: false, issues };
  const series: FlowSeries[] = lists.map(([fundType, list]) => ({
    fundType,
    inflow: list.map((e) => e.row.inflow),
    outflow: list.map((e) => e.row.outflow),
    cohort: list.map((e) => e.row.cohort),
  }));
  return { ok: true, value: { frequency, period: monthly ? 12 : 1, periods: reference!.map((e) => e.row.period), series } };
}
