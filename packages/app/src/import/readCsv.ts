import type { parse as Parse } from 'csv-parse/sync';
import { lazyRequire } from './lazyRequire';
import { type TextEncoding, decodeText } from './decodeText';
import { type ImportIssue, importIssue } from './importIssue';
import type { RawTable } from './rawTable';

const csvParse = lazyRequire<{ parse: typeof Parse }>('csv-parse/sync');

/**
 * Picks the delimiter of a CSV from its first line that is not a comment: the one of `,`, tab and `;` seen most
 * outside quotes (Excel's "Unicode text" export uses tabs; a European locale, semicolons).
 * @example guessDelimiter('月份\t险种\t收入') //=> '\t'
 */
export function guessDelimiter(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  const unquoted = line.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/**
 * Reads a CSV file's bytes into rows: decodes them ({@link decodeText}), then parses with csv-parse (quoted fields,
 * so `"1,234.56"` is one cell; `#` lines are comments; empty lines are skipped). Row numbers are the file's line
 * numbers where each record starts.
 * @param bytes - the file's bytes
 * @param options - the file's name for messages; the encoding (default `auto`)
 * @returns the rows, or the issue that the file cannot be read
 * @example readCsv(new TextEncoder().encode('a,b\n"1,234",2'), { file: 'x.csv' }) //=> ok, rows [{ row: 1, cells: ['a','b'] }, { row: 2, cells: ['1,234','2'] }]
 */
export function readCsv(bytes: Uint8Array, options: { file: string; encoding?: TextEncoding }): { ok: true; value: RawTable } | { ok: false; issues: ImportIssue[] } {
  const decoded = decodeText(bytes, options.encoding ?? 'auto');
  if (!decoded) {
    const limit = options.encoding === 'utf8' ? 'UTF-8' : options.encoding === 'gb18030' ? 'GB18030' : 'UTF-8 / GB18030';
    return { ok: false, issues: [importIssue({ file: options.file }, 'bad_encoding', 'encoding', undefined, { limit })] };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = csvParse().parse(decoded.text, {
      delimiter: guessDelimiter(decoded.text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { ok: false, issues: [importIssue({ file: options.file, ...(line ? { row: line } : {}) }, 'invalid_csv', 'text', (e as Error).message)] };
  }
  const rows = records
    .map(({ record, info }) => {
      const inner = record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
      return { row: info.lines - inner, cells: record.map((c) => (c.trim() === '' ? null : c.trim())) };
    })
    .filter((r) => r.cells.some((c) => c !== null));
  return { ok: true, value: { file: options.file, encoding: decoded.encoding, rows } };
}
