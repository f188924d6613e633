import type { AmountUnit, HeaderParts } from './units';
import { normalizeText, splitHeader, unitNote } from './units';
import { type ImportIssue, importIssue } from './importIssue';
import { type RawRow, type RawTable, cellText } from './rawTable';

/** A column a table may have: the names it goes by (Chinese first, then the scenario's id) and whether it must be there. */
export interface FieldSpec {
  readonly names: readonly string[];
  readonly required?: boolean;
}

/** A table's header, understood: which column holds which field, and what units the header and the notes above it declare. */
export interface MappedHeader<K extends string, X> {
  readonly table: RawTable;
  /** Index into {@link RawTable.rows} of the header row. */
  readonly headerIndex: number;
  readonly header: readonly HeaderParts[];
  /** Column index of each field found. */
  readonly fields: Partial<Record<K, number>>;
  /** Columns understood by the table's own rule (wide flow columns, quote columns). */
  readonly extras: ReadonlyArray<{ column: number; meaning: X }>;
  /** An amount unit declared above the header (`单位：万元`). */
  readonly unitNote?: AmountUnit;
  /** Rates declared in percent above the header (`利率单位：%`). */
  readonly percentNote?: boolean;
}

/** Columns that carry nothing to import and are passed over: row numbers and remarks. */
const IGNORED = new Set(['序号', '行次', '备注', '说明', '附注', '来源', 'source', 'note', 'notes', 'remark', 'remarks', 'no', 'no.', '#']);

/** Words that mark a total row or column (合计 rows of a report are not data). */
export const TOTAL_WORDS = /^(合计|总计|小计|累计|total|sum|subtotal)/i;

/**
 * Finds a table's header among its first rows (report titles and `单位：万元` notes may come first) and maps its
 * columns to fields. A field matches when the header's name (without its unit) is one of the field's names.
 * @param table - the rows
 * @param fields - the fields, by key
 * @param extra - a rule for columns that are not fixed fields (a wide table's fund-type columns), if any
 * @returns the mapped header, or the issues (no header, missing or repeated or unknown columns)
 */
export function mapHeader<K extends string, X>(
  table: RawTable,
  fields: Record<K, FieldSpec>,
  extra?: (parts: HeaderParts) => X | undefined,
): { ok: true; value: MappedHeader<K, X> } | { ok: false; issues: ImportIssue[] } {
  const byName = new Map<string, K>();
  for (const [key, spec] of Object.entries(fields) as [K, FieldSpec][]) for (const name of spec.names) byName.set(normalizeText(name), key);
  const fieldOf = (parts: HeaderParts): K | undefined => byName.get(parts.name) ?? byName.get(normalizeText(parts.text));
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  const required = (Object.entries(fields) as [K, FieldSpec][]).filter(([, s]) => s.required);
  const label = (spec: FieldSpec): string => `${spec.names[0]}/${spec.names[spec.names.length - 1]}`;
  const scan = Math.min(table.rows.length, 30);
  let headerIndex = -1;
  for (let i = 0; i < scan; i++) {
    const recognized = table.rows[i]!.cells.filter((c) => {
      const text = cellText(c);
      if (text === '') return false;
      const parts = splitHeader(text);
      return fieldOf(parts) !== undefined || (extra?.(parts) !== undefined);
    }).length;
    // Two known columns make a header: every table here has at least two, and a title such as "基金收入" has one.
    if (recognized >= 2) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) {
    return { ok: false, issues: [importIssue(at, table.rows.length ? 'no_header' : 'no_rows', 'column', undefined, { limit: required.map(([, s]) => label(s)).join(', ') })] };
  }
  const headerRow = table.rows[headerIndex]!;
  const header = headerRow.cells.map((c) => splitHeader(cellText(c)));
  const issues: ImportIssue[] = [];
  const found: Partial<Record<K, number>> = {};
  const extras: { column: number; meaning: X }[] = [];
  header.forEach((parts, column) => {
    if (parts.text === '' || IGNORED.has(parts.name)) return;
    const key = fieldOf(parts);
    if (key !== undefined) {
      if (found[key] !== undefined) issues.push(importIssue({ ...at, row: headerRow.row, column: parts.text }, 'duplicate_column', 'column', parts.text, { limit: header[found[key]]!.text }));
      else found[key] = column;
      return;
    }
    const meaning = extra?.(parts);
    if (meaning !== undefined) {
      extras.push({ column, meaning });
      return;
    }
    const known = Object.values<FieldSpec>(fields).map(label).join(', ');
    issues.push(importIssue({ ...at, row: headerRow.row, column: parts.text }, 'unknown_column', 'column', parts.text, { limit: known }));
  });
  for (const [key, spec] of required) {
    if (found[key] === undefined) issues.push(importIssue({ ...at, row: headerRow.row }, 'missing_column', 'column', undefined, { limit: label(spec) }));
  }
  if (issues.length) return { ok: false, issues };
  const above = table.rows.slice(0, headerIndex).map((r) => r.cells.map(cellText).join(' '));
  const note = above.map(unitNote).find((u) => u !== undefined);
  const percentNote = above.some((t) => /利率(单位)?\s*[:：]\s*[%％]|rates?\s*(in|:)\s*%/i.test(t.normalize('NFKC')));
  return { ok: true, value: { table, headerIndex, header, fields: found, extras, ...(note ? { unitNote: note } : {}), ...(percentNote ? { percentNote } : {}) } };
}

/**
 * The data rows under a mapped header, without total rows (`合计`, reported as notes) and with rows longer than
 * the header reported.
 */
export function dataRows<K extends string, X>(mapped: MappedHeader<K, X>, notes: ImportIssue[], issues: ImportIssue[]): RawRow[] {
  const { table, headerIndex, header } = mapped;
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  const out: RawRow[] = [];
  for (const row of table.rows.slice(headerIndex + 1)) {
    const first = row.cells.map(cellText).find((t) => t !== '') ?? '';
    if (TOTAL_WORDS.test(first.normalize('NFKC').replace(/\s+/g, ''))) {
      notes.push(importIssue({ ...at, row: row.row }, 'skipped_total', 'text', first));
      continue;
    }
    const last = row.cells.reduce<number>((n, c, i) => (c !== null ? i : n), -1);
    if (last >= header.length) {
      issues.push(importIssue({ ...at, row: row.row }, 'wrong_cell_count', 'cellCount', String(last + 1), { limit: String(header.length) }));
      continue;
    }
    out.push(row);
  }
  return out;
}
