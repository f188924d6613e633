import { type Decimal, FUND_TYPE_NAMES_ZH } from '@fundladder/core';
import { type FieldSpec, TOTAL_WORDS, dataRows, mapHeader } from './columns';
import { type ReadContext, cellReader } from './cellReader';
import { resolveFundType } from './fundTypeNames';
import { type ImportIssue, type ImportResult, byRow, importIssue } from './importIssue';
import { parseQuantity } from './parseAmount';
import type { RawTable } from './rawTable';
import type { HeaderParts } from './units';

/** One month (or year) of one fund type's flows, in yuan, with the row it came from. */
export interface FlowRecord {
  /** `YYYY-MM`, or `YYYY` in an annual table. */
  readonly period: string;
  readonly fundType: string;
  readonly inflow: Decimal;
  readonly outflow: Decimal;
  /** Extra columns asked for (cohort columns of a forecast), as written (no unit conversion). */
  readonly extra: Readonly<Record<string, Decimal>>;
  readonly file: string;
  readonly sheet?: string;
  readonly row: number;
}

/** How a flows table is read. */
export interface FlowsOptions extends ReadContext {
  /** `month` (scenario history and flows, evaluate) or `monthOrYear` (forecast, backtest). Default `month`. */
  readonly periods?: 'month' | 'monthOrYear';
  /** Keep fund-type ids the scenario does not know (forecasts of national series such as `BPI_ALL`). Default false. */
  readonly anyFundTypeId?: boolean;
  /** Further columns to read as plain quantities (a forecast's cohort columns). */
  readonly extraColumns?: readonly string[];
}

/** The columns of the one flows format (long form), by the names finance systems and the scenario use. */
export const FLOW_FIELDS = {
  period: { names: ['月份', '期间', '年月', '所属期', '会计期间', '日期', '年度', '年份', 'month', 'period'], required: true },
  fundType: { names: ['险种', '险种名称', '基金', '基金名称', '基金类型', '险种类型', 'fund', 'fundType'] },
  inflow: { names: ['收入', '基金收入', '本月收入', '本期收入', '收入金额', 'income', 'inflow'] },
  outflow: { names: ['支出', '基金支出', '本月支出', '本期支出', '支出金额', 'expenditure', 'outflow'] },
} as const satisfies Record<string, FieldSpec>;

type WideColumn = { fundText: string; side: 'inflow' | 'outflow' } | { total: true };

const SIDE: Record<string, 'inflow' | 'outflow'> = { 收入: 'inflow', 收: 'inflow', inflow: 'inflow', income: 'inflow', 支出: 'outflow', 支: 'outflow', outflow: 'outflow', expenditure: 'outflow' };

/**
 * What a wide table's column is: a fund type and a side (`企业职工基本养老保险基金收入`, `失业-支出`,
 * `employeePension.inflow`, `employeePension inflow`), or a total (`合计收入`) to pass over.
 * @example wideFlowColumn(splitHeader('失业支出（万元）')) //=> { fundText: '失业', side: 'outflow' }
 */
export function wideFlowColumn(parts: HeaderParts): WideColumn | undefined {
  const name = parts.label;
  const tail = /^(.+?)[\s\-_.·:]*(收入|支出|收|支|inflow|outflow|income|expenditure)$/i.exec(name);
  const head = /^(收入|支出|inflow|outflow)[\s\-_.·:]*(.+)$/i.exec(name);
  const split = tail ? { fund: tail[1]!, side: tail[2]! } : head ? { fund: head[2]!, side: head[1]! } : undefined;
  if (!split) return undefined;
  if (TOTAL_WORDS.test(split.fund) || /合计$|总计$/.test(split.fund)) return { total: true };
  const side = SIDE[split.side.toLowerCase()]!;
  const resolved = resolveFundType(split.fund);
  return resolved.ok || resolved.problem === 'ambiguous' || /^[A-Za-z][A-Za-z0-9_-]*$/.test(split.fund) ? { fundText: split.fund, side } : undefined;
}

/**
 * Reads the one flows format used by import, forecast, backtest and evaluate: long (`月份,险种,收入,支出` or
 * `month|period,fundType,inflow,outflow`, any order) or wide (a month column, then one inflow and one outflow
 * column per fund type). Amounts in the unit each header declares (`收入（万元）`), else the note above the table
 * (`单位：万元`), else `--unit`; the bare scenario names `inflow`/`outflow` mean yuan. Rows come back sorted by
 * period; duplicates are refused.
 * @param table - the rows of a CSV or a sheet
 * @param options - periods, fund-type ids, extra columns, unit, known fund types
 * @returns the records, or every issue found (with notes either way)
 */
export function readFlowRecords(table: RawTable, options: FlowsOptions = {}): ImportResult<FlowRecord[]> {
  const extraNames = options.extraColumns ?? [];
  const fields: Record<string, FieldSpec> = { ...FLOW_FIELDS };
  for (const name of extraNames) fields[`extra:${name}`] = { names: [name] };
  const mapped = mapHeader(table, fields, wideFlowColumn);
  const notes: ImportIssue[] = [];
  if (!mapped.ok) return { ok: false, issues: mapped.issues, notes };
  const m = mapped.value;
  const issues: ImportIssue[] = [];
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  const headerRowNumber = table.rows[m.headerIndex]!.row;
  const wide = m.extras.filter((e): e is { column: number; meaning: { fundText: string; side: 'inflow' | 'outflow' } } => 'side' in e.meaning);
  const long = m.fields.fundType !== undefined || m.fields.inflow !== undefined || m.fields.outflow !== undefined;
  if (long) {
    for (const key of ['fundType', 'inflow', 'outflow'] as const) {
      if (m.fields[key] === undefined) issues.push(importIssue({ ...at, row: headerRowNumber }, 'missing_column', 'column', undefined, { limit: `${FLOW_FIELDS[key].names[0]}/${key}` }));
    }
    for (const w of wide) issues.push(importIssue({ ...at, row: headerRowNumber, column: m.header[w.column]!.text }, 'unknown_column', 'column', m.header[w.column]!.text, { limit: '月份/month, 险种/fundType, 收入/inflow, 支出/outflow' }));
  } else if (wide.length === 0) {
    issues.push(importIssue({ ...at, row: headerRowNumber }, 'missing_column', 'column', undefined, { limit: '险种/fundType, 收入/inflow, 支出/outflow (or one 收入 and one 支出 column per fund type)' }));
  }
  if (issues.length) return { ok: false, issues, notes };
  const read = cellReader(m, options, issues, notes);
  // A wide header's 养老/医疗 resolve against the fund types named in full elsewhere in the header.
  const named = wide.map((w) => resolveFundType(w.meaning.fundText)).flatMap((r) => (r.ok ? [r.fundType] : []));
  const among = [...(options.fundTypes ?? []), ...named];
  const wideFund = new Map<number, string>();
  for (const w of wide) {
    const r = resolveFundType(w.meaning.fundText, among);
    if (r.ok) wideFund.set(w.column, r.fundType);
    else if (r.problem === 'unknown' && options.anyFundTypeId && /^[A-Za-z][A-Za-z0-9_-]*$/.test(w.meaning.fundText)) wideFund.set(w.column, w.meaning.fundText);
    else issues.push(importIssue({ ...at, row: headerRowNumber, column: m.header[w.column]!.text }, r.problem === 'ambiguous' ? 'ambiguous' : 'invalid_cell', 'fundType', w.meaning.fundText, r.problem === 'ambiguous' ? { candidates: r.candidates.map((c) => `${FUND_TYPE_NAMES_ZH[c]} ${c}`) } : {}));
  }
  if (issues.length) return { ok: false, issues, notes };
  const records: FlowRecord[] = [];
  const seen = new Map<string, number>();
  const periodOf = (row: (typeof table.rows)[number]) => (options.periods === 'monthOrYear' ? read.periodAt(row, m.fields.period!) : read.monthAt(row, m.fields.period!));
  const push = (record: FlowRecord, column: number) => {
    const key = `${record.period}/${record.fundType}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(importIssue({ ...at, row: record.row, column: m.header[column]!.text }, 'duplicate_row', 'uniqueRow', key, { limit: String(first) }));
      return;
    }
    seen.set(key, record.row);
    records.push(record);
  };
  for (const row of dataRows(m, notes, issues)) {
    const period = periodOf(row);
    if (long) {
      const fundType = read.fundTypeAt(row, m.fields.fundType!, options.anyFundTypeId ?? false);
      const inflow = read.amountAt(row, m.fields.inflow!, 'inflow');
      const outflow = read.amountAt(row, m.fields.outflow!, 'outflow');
      const extra: Record<string, Decimal> = {};
      for (const name of extraNames) {
        const column = m.fields[`extra:${name}`];
        if (column === undefined) continue;
        const cell = read.cell(row, column);
        if (cell === null) continue;
        const value = parseQuantity(cell);
        if (value === undefined) read.raise(row, column, 'invalid_cell', 'number', cell);
        else extra[name] = value;
      }
      if (period !== undefined && fundType !== undefined && inflow && outflow) push({ period, fundType, inflow, outflow, extra, ...at, row: row.row }, m.fields.fundType!);
      continue;
    }
    const byFund = new Map<string, { inflow?: number; outflow?: number }>();
    for (const w of wide) {
      const fundType = wideFund.get(w.column)!;
      byFund.set(fundType, { ...byFund.get(fundType), [w.meaning.side]: w.column });
    }
    for (const [fundType, columns] of byFund) {
      if (columns.inflow === undefined || columns.outflow === undefined) {
        const have = (columns.inflow ?? columns.outflow)!;
        issues.push(importIssue({ ...at, row: headerRowNumber, column: m.header[have]!.text }, 'missing_column', 'column', undefined, { limit: `${fundType} ${columns.inflow === undefined ? '收入/inflow' : '支出/outflow'}` }));
        return { ok: false, issues, notes };
      }
      // Both cells empty: the fund type has no row that month (a fund that started later). One empty is an error.
      if (read.cell(row, columns.inflow) === null && read.cell(row, columns.outflow) === null) continue;
      const inflow = read.amountAt(row, columns.inflow, 'inflow');
      const outflow = read.amountAt(row, columns.outflow, 'outflow');
      if (period !== undefined && inflow && outflow) push({ period, fundType, inflow, outflow, extra: {}, ...at, row: row.row }, columns.inflow);
    }
  }
  if (records.length === 0 && issues.length === 0) issues.push(importIssue(at, 'no_rows', 'text'));
  if (issues.length) return { ok: false, issues: byRow(issues), notes };
  records.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  return { ok: true, value: records, notes };
}
