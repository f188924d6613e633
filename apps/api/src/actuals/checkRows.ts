import { type DomainIssue, type Result, Decimal, fromZodIssues, monthlyFlowSchema } from '@fundladder/core';
import type { ActualInput } from '../repo/actuals';

/** The largest amount a `numeric(20, 2)` column keeps: 18 digits before the point. */
export const MAX_ACTUAL_YUAN = new Decimal('999999999999999999.99');

/**
 * Checks a batch of actuals row by row, collecting every issue (paths `['rows', i, field]`): each row as the scenario
 * format's monthly flow (`monthKey`, a known fund type, non-negative money to the fen), a fund type the fund's scenarios
 * know (`fundTypeOfScenario`), an amount the table can keep (`maxAmount`), and one row per month and fund type in the
 * batch (`oneRowPerMonthAndFundType`).
 *
 * @example checkActualRows([{ month: '2026-13', fundType: 'maternity', inflow: '1.00', outflow: '-2' }], ['maternity']).ok //=> false
 */
export function checkActualRows(rows: readonly unknown[], knownFundTypes: readonly string[], scenarios: readonly string[] = []): Result<ActualInput[]> {
  const issues: DomainIssue[] = [];
  const out: ActualInput[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const parsed = monthlyFlowSchema.safeParse(row);
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, ['rows', i], monthlyFlowSchema));
      return;
    }
    const r = parsed.data;
    let ok = true;
    if (!knownFundTypes.includes(r.fundType)) {
      ok = false;
      issues.push({ code: 'unknown_fund_type', path: ['rows', i, 'fundType'], rule: 'fundTypeOfScenario', message: scenarios.length ? `the fund's scenarios (${scenarios.join(', ')}) have no fund type ${r.fundType}` : 'the fund has no scenario yet: save one first, so actuals can be checked against its fund types', received: r.fundType, limit: knownFundTypes.join(' | ') });
    }
    for (const field of ['inflow', 'outflow'] as const) {
      if (r[field].gt(MAX_ACTUAL_YUAN)) {
        ok = false;
        issues.push({ code: 'too_big', path: ['rows', i, field], rule: 'maxAmount', message: 'more yuan than an actual can hold (18 digits before the point)', received: r[field].toFixed(2), limit: MAX_ACTUAL_YUAN.toFixed(2) });
      }
    }
    const key = `${r.month}|${r.fundType}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ok = false;
      issues.push({ code: 'duplicate', path: ['rows', i, 'month'], rule: 'oneRowPerMonthAndFundType', message: `rows ${first} and ${i} are both ${r.fundType} in ${r.month}: send one row per month and fund type (a correction is a later request)`, received: key, limit: `rows[${first}]` });
    } else seen.set(key, i);
    if (ok) out.push({ month: r.month, fundType: r.fundType, inflow: r.inflow, outflow: r.outflow });
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: out };
}
