import { type FlowHistory, type JobProgress, HISTORY_FLOWS_OPTIONS, historyRows } from '@fundladder/app';
import type { DomainIssue, Result } from '@fundladder/core';
import { type CliIo, EXIT_PROBLEMS, EXIT_USAGE } from './io';
import { readJson } from './readInput';
import { readFlowsCsv } from './tableInput';
import { printIssue } from './format';
import { progressBar } from './progress';

/**
 * The history a forecast or backtest is fitted to, read from the file named on the command line and handed to the job
 * as plain JSON: a scenario (its `history`), or a flows CSV in the one flows format (`readFlowsCsv`: UTF-8 or GBK, long
 * or wide, Chinese or scenario headers) — here also years, fund types the scenario does not know, and cohort columns.
 */
export function readHistory(io: CliIo, file: string): Result<FlowHistory> {
  if (file.endsWith('.csv')) {
    const records = readFlowsCsv(io, file, HISTORY_FLOWS_OPTIONS);
    return records.ok ? { ok: true, value: { rows: historyRows(records.value), file } } : records;
  }
  const json = readJson(io, file);
  return json.ok ? { ok: true, value: { scenario: json.value, file } } : json;
}

/** Prints a job's issues under the file's name in the user's language; options the flags set wrong (a shock outside the forecast) are a usage error. */
export function reportIssues(io: CliIo, file: string, issues: readonly DomainIssue[]): number {
  const flags = issues.every((i) => i.path[0] === 'options');
  const where = flags ? '(flags)' : file;
  io.err(io.lang === 'zh' ? `${where}: 发现 ${issues.length} 个问题` : `${where}: ${issues.length} problem(s)`);
  for (const issue of issues) io.err(printIssue(issue, io));
  return flags ? EXIT_USAGE : EXIT_PROBLEMS;
}

/** A progress bar per stage of a job (on a terminal only), labelled in the user's language. */
export function stageBars(io: CliIo, names: Record<string, { zh: string; en: string }>): (p: JobProgress) => void {
  const bars = new Map<string, (done: number, total: number) => void>();
  return ({ stage, done, total }) => {
    if (!bars.has(stage)) bars.set(stage, progressBar(io, names[stage]?.[io.lang] ?? stage));
    bars.get(stage)!(done, total);
  };
}
