// A month of actual flows as typed (万元 per fund type) into the rows `POST …/actuals` takes (yuan to the fen), and the
// API's answer laid back on the form: its issues name `['rows', i, field]`, the i-th row sent.
import type { Issue } from '../../api/schemas';
import { parseMoneyInput } from '../data/moneyInput';
import type { FieldError } from '../data/scenarioEdit';

export interface TypedFlows {
  readonly fundType: string;
  readonly inflow: string;
  readonly outflow: string;
}

export interface ActualRow {
  readonly month: string;
  readonly fundType: string;
  readonly inflow: string;
  readonly outflow: string;
}

/** The key of one input: `month`, or `fundType.inflow` / `fundType.outflow`. */
export type FormKey = string;

/**
 * The rows to send: one per fund type with anything typed (a fund type left blank is not sent); every figure read
 * exactly in 万元 (a unit written in the text wins: 3.2亿).
 * @example actualRowsOf('2026-01', [{ fundType: 'unemployment', inflow: '104.13', outflow: '49.94' }]) //=> { ok: true, rows: [{ month: '2026-01', fundType: 'unemployment', inflow: '1041300.00', outflow: '499400.00' }] }
 */
export function actualRowsOf(month: string, typed: readonly TypedFlows[]): { ok: true; rows: ActualRow[] } | { ok: false; errors: Record<FormKey, FieldError>; noRows?: true } {
  const errors: Record<FormKey, FieldError> = {};
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month.trim())) errors.month = { problem: 'notADate' };
  const rows: ActualRow[] = [];
  for (const t of typed) {
    if (t.inflow.trim() === '' && t.outflow.trim() === '') continue;
    const inflow = parseMoneyInput(t.inflow, 'wan');
    const outflow = parseMoneyInput(t.outflow, 'wan');
    if (!inflow.ok) errors[`${t.fundType}.inflow`] = { problem: inflow.problem, ...(inflow.maxPlaces ? { maxPlaces: inflow.maxPlaces } : {}) };
    if (!outflow.ok) errors[`${t.fundType}.outflow`] = { problem: outflow.problem, ...(outflow.maxPlaces ? { maxPlaces: outflow.maxPlaces } : {}) };
    if (inflow.ok && outflow.ok) rows.push({ month: month.trim(), fundType: t.fundType, inflow: inflow.yuan, outflow: outflow.yuan });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (rows.length === 0) return { ok: false, errors: {}, noRows: true };
  return { ok: true, rows };
}

/**
 * The API's issues on the form: `['rows', i, 'inflow']` at the i-th sent row's fund type and field, `['rows', i, 'month']`
 * at the month; the rest apart.
 * @example issuesOnForm([{ path: ['rows', 0, 'outflow'], … }], rows) //=> { byKey: { 'unemployment.outflow': [issue] }, elsewhere: [] }
 */
export function issuesOnForm(issues: readonly Issue[], sent: readonly ActualRow[]): { byKey: Record<FormKey, Issue[]>; elsewhere: Issue[] } {
  const byKey: Record<FormKey, Issue[]> = {};
  const elsewhere: Issue[] = [];
  for (const issue of issues) {
    const [rows, index, field] = issue.path;
    const row = rows === 'rows' && typeof index === 'number' ? sent[index] : undefined;
    const key = row === undefined ? undefined : field === 'month' ? 'month' : field === 'inflow' || field === 'outflow' ? `${row.fundType}.${field}` : `${row.fundType}.inflow`;
    if (key === undefined) elsewhere.push(issue);
    else (byKey[key] ??= []).push(issue);
  }
  return { byKey, elsewhere };
}

/**
 * The month to offer for the next record: the one after the latest recorded, else the scenario's first month.
 * @example nextMonth(['2026-01', '2026-03'], '2026-01') //=> '2026-04'
 */
export function nextMonth(recorded: readonly string[], startMonth: string): string {
  const latest = [...recorded].sort().at(-1);
  if (!latest) return startMonth;
  const [y, mo] = latest.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
