import { type FlowRecord, type FlowsOptions, type ImportIssue, type TableSource, type TextEncoding, formatImportIssue, readCsv, readFlowRecords } from '@fundladder/app';
import type { DomainIssue, Result } from '@fundladder/core';
import type { CliIo } from './io';

/**
 * Reads a table named on the command line: `FILE` or `FILE.xlsx#SHEET` (a path that itself holds `#` is tried
 * whole first). A file that cannot be read is an issue, not a throw.
 * @example tableSource(io, 'rates.xlsx#报价') //=> { ok: true, value: { bytes, file: 'rates.xlsx', sheet: '报价' } }
 */
export function tableSource(io: CliIo, spec: string, encoding?: TextEncoding): Result<TableSource> {
  const hash = spec.lastIndexOf('#');
  const tries = hash > 0 ? [{ file: spec }, { file: spec.slice(0, hash), sheet: spec.slice(hash + 1) }] : [{ file: spec }];
  let failure = '';
  for (const t of tries) {
    try {
      return { ok: true, value: { bytes: io.readBytes(t.file), ...t, ...(encoding ? { encoding } : {}) } };
    } catch (e) {
      failure ||= (e as Error).message;
    }
  }
  return { ok: false, issues: [{ code: 'unreadable', path: [spec], rule: 'readable', message: `cannot read ${spec}: ${failure}`, received: spec }] };
}

/** Import issues as domain issues whose message is the whole line (`file:row:column: what was expected`) in the user's language. */
export function localizeImportIssues(issues: readonly ImportIssue[], lang: 'zh' | 'en'): DomainIssue[] {
  return issues.map((i) => ({ ...i, message: formatImportIssue(i, lang) }));
}

/**
 * Reads a flows CSV the one way forecast, backtest, evaluate and import all read it (see `readFlowRecords`):
 * UTF-8 or GBK, long or wide, Chinese or scenario headers, amounts in the unit their header declares.
 * @param io - file access and language
 * @param path - the CSV
 * @param options - periods, fund-type ids, extra columns
 * @returns the records, or the issues worded in the user's language
 */
export function readFlowsCsv(io: CliIo, path: string, options: FlowsOptions = {}): Result<FlowRecord[]> {
  const source = tableSource(io, path);
  if (!source.ok) return source;
  const table = readCsv(source.value.bytes, { file: path });
  if (!table.ok) return { ok: false, issues: localizeImportIssues(table.issues, io.lang) };
  const records = readFlowRecords(table.value, options);
  return records.ok ? { ok: true, value: records.value } : { ok: false, issues: localizeImportIssues(records.issues, io.lang) };
}
