import { type DomainIssue, parseDecimal, type Result } from '@fundladder/core';
import { COHORT_FIELDS, type CohortField, type FlowRow, type FlowTable } from './flowTable';
import { buildFlowTable } from './buildFlowTable';

const REQUIRED = ['period', 'fundType', 'inflow', 'outflow'] as const;

/**
 * Parses a flows CSV (text, no file I/O): header `period,fundType,inflow,outflow` in any order, plus
 * optional cohort columns ({@link COHORT_FIELDS}). Amounts are plain decimal strings in yuan. Issues
 * name the file line and the column (`line[7].outflow`) and say what was expected.
 *
 * @param text - the CSV text (comma-separated, no quoted commas; `#` lines are comments)
 * @returns the checked {@link FlowTable}, or every issue found
 * @example parseFlowsCsv('period,fundType,inflow\n').ok //=> false (missing column outflow)
 * @see docs/forecast.md "Input and output"
 */
export function parseFlowsCsv(text: string): Result<FlowTable> {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.startsWith('#'));
  if (headerIndex < 0) return { ok: false, issues: [{ code: 'missing', path: ['line', 1], rule: 'csvHeader', message: 'empty CSV: expected a header line period,fundType,inflow,outflow', limit: REQUIRED.join(',') }] };
  const header = lines[headerIndex]!.split(',').map((h) => h.trim());
  const issues: DomainIssue[] = [];
  const known = new Set<string>([...REQUIRED, ...COHORT_FIELDS]);
  header.forEach((name, i) => {
    if (!known.has(name)) {
      issues.push({ code: 'unknown_column', path: ['line', headerIndex + 1, name || `column${i + 1}`], rule: 'csvColumns', message: `unknown column '${name}'; expected ${REQUIRED.join(',')} plus optional ${COHORT_FIELDS.join(',')}`, received: name, limit: [...REQUIRED, ...COHORT_FIELDS].join(',') });
    }
  });
  for (const name of REQUIRED) {
    if (!header.includes(name)) issues.push({ code: 'missing_column', path: ['line', headerIndex + 1], rule: 'csvColumns', message: `missing column '${name}'; the header must include ${REQUIRED.join(',')}`, received: header.join(','), limit: name });
  }
  if (issues.length) return { ok: false, issues };
  const col = (name: string): number => header.indexOf(name);
  const rows: FlowRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split(',').map((c) => c.trim());
    const lineNo = i + 1;
    if (cells.length !== header.length) {
      issues.push({ code: 'wrong_cell_count', path: ['line', lineNo], rule: 'csvColumns', message: `line ${lineNo} has ${cells.length} cells; the header has ${header.length}`, received: String(cells.length), limit: String(header.length) });
      continue;
    }
    const amount = (name: 'inflow' | 'outflow'): number => {
      const text = cells[col(name)]!;
      const value = parseDecimal(text);
      if (!value) {
        issues.push({ code: 'invalid_format', path: ['line', lineNo, name], rule: 'decimalString', message: `${name} must be a plain decimal number of yuan, e.g. 1234.56`, received: text, limit: 'decimal string' });
        return 0;
      }
      return value.toNumber();
    };
    const cohort: Partial<Record<CohortField, number>> = {};
    for (const field of COHORT_FIELDS) {
      if (col(field) < 0) continue;
      const text = cells[col(field)]!;
      if (text === '') continue;
      const value = parseDecimal(text);
      if (!value || value.isNeg()) {
        issues.push({ code: 'invalid_format', path: ['line', lineNo, field], rule: 'nonNegativeDecimal', message: `${field} must be a non-negative plain decimal number`, received: text, limit: 'decimal string ≥ 0' });
        continue;
      }
      cohort[field] = value.toNumber();
    }
    const fundType = cells[col('fundType')]!;
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(fundType)) {
      issues.push({ code: 'invalid_format', path: ['line', lineNo, 'fundType'], rule: 'identifier', message: 'fundType is an id: letters, digits, - or _, starting with a letter (e.g. employeePension)', received: fundType });
      continue;
    }
    rows.push({ period: cells[col('period')]!, fundType, inflow: amount('inflow'), outflow: amount('outflow'), cohort, path: ['line', lineNo] });
  }
  if (issues.length) return { ok: false, issues };
  return buildFlowTable(rows);
}
