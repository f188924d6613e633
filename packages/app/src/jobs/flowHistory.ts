import { z } from 'zod';
import { type DomainIssue, type Result, Decimal } from '@fundladder/core';
import { COHORT_FIELDS, type FlowTable, buildFlowTable, flowTableFromScenario } from '@fundladder/forecast';
import type { FlowRecord, FlowsOptions } from '../import/flows';
import { readScenarioJson } from './context';

const decimalText = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string, e.g. "1234.56"');

/**
 * One period of one fund type's flows as a flows CSV gives them (the one flows format, docs/forecast.md "Input and
 * output"), as plain JSON: yuan as decimal strings, cohort columns as written. `row` is the row in the file the caller
 * read, so that problems name it.
 */
export const flowHistoryRow = z.strictObject({
  /** `YYYY-MM` (monthly) or `YYYY` (annual). */
  period: z.string(),
  fundType: z.string().min(1),
  inflow: decimalText,
  outflow: decimalText,
  cohort: z.partialRecord(z.enum(COHORT_FIELDS), decimalText).optional(),
  row: z.int().min(0).optional(),
});
export type FlowHistoryRow = z.input<typeof flowHistoryRow>;

/**
 * The history a forecast or backtest is fitted to: a scenario's `history` (the scenario JSON, validated strictly), or
 * the rows of a flows file the caller read. The job reads no files: `file` only names where the history came from.
 */
export const flowHistory = z.union([
  z.strictObject({ scenario: z.unknown(), file: z.string().max(4096).optional() }),
  z.strictObject({ rows: z.array(flowHistoryRow).max(100_000), file: z.string().max(4096).optional() }),
]);
export type FlowHistory = z.input<typeof flowHistory>;

/** How a flows file is read for a forecast or backtest: months or years, fund types the scenario does not know, cohort columns. */
export const HISTORY_FLOWS_OPTIONS = { periods: 'monthOrYear', anyFundTypeId: true, extraColumns: COHORT_FIELDS } as const satisfies FlowsOptions;

/** A history's rows from the records a flows file gave (`readFlowRecords` with {@link HISTORY_FLOWS_OPTIONS}): exact decimal text. */
export function historyRows(records: readonly FlowRecord[]): FlowHistoryRow[] {
  return records.map((r) => ({
    period: r.period,
    fundType: r.fundType,
    inflow: r.inflow.toFixed(),
    outflow: r.outflow.toFixed(),
    ...(Object.keys(r.extra).length ? { cohort: Object.fromEntries(Object.entries(r.extra).map(([k, v]) => [k, v.toFixed()])) } : {}),
    row: r.row,
  }));
}

/** The checked table of a history, with the scenario's warnings and name when it came from a scenario. */
export interface ReadHistory {
  readonly table: FlowTable;
  readonly warnings: DomainIssue[];
  readonly scenario?: string;
}

/**
 * The flow table of a history (`buildFlowTable`'s checks: one frequency, no gap or duplicate, no negative amount, two
 * seasons at least). Amounts become floats here, once, for the models (docs/conventions.md §3). Every problem is an
 * issue naming its row: `[file, row, field]` for rows from a file, `['history', 'rows', i, field]` otherwise.
 */
export function readFlowHistory(history: z.output<typeof flowHistory>): Result<ReadHistory> {
  if ('scenario' in history) {
    const input = readScenarioJson(history.scenario);
    if (!input.ok) return input;
    const table = flowTableFromScenario(input.value.scenario);
    return table.ok ? { ok: true, value: { table: table.value, warnings: input.value.warnings, scenario: input.value.scenario.name } } : table;
  }
  const float = (text: string) => new Decimal(text).toNumber();
  const table = buildFlowTable(
    history.rows.map((r, i) => ({
      period: r.period,
      fundType: r.fundType,
      inflow: float(r.inflow),
      outflow: float(r.outflow),
      cohort: Object.fromEntries(Object.entries(r.cohort ?? {}).map(([k, v]) => [k, float(v)])),
      path: history.file !== undefined ? [history.file, r.row ?? i] : ['history', 'rows', i],
    })),
  );
  return table.ok ? { ok: true, value: { table: table.value, warnings: [] } } : table;
}
