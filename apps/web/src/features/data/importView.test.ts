import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../api/dataSchemas';
import { csvCells, decodeCsv, problemsByRow, rowExcerpt } from './importView';

// The refused import of apps/api/src/imports.test.ts ("refuses a file with a bad cell naming file, row and column").
const BAD = '月份,险种,收入（万元）,支出（万元）\n2025-01,失业保险基金,12.5,3\n2025-02,失业保险基金,abc,3\n';
const issue = (file: string, row: number | undefined, column: string, text = '应为金额'): ImportIssue => ({ code: 'invalid_cell', path: [file, row ?? 0, column], message: text, file, ...(row !== undefined ? { row } : {}), column, text });

describe('the import’s problems at their rows', () => {
  it('groups problems by file in the order seen, then by row, file-wide ones first', () => {
    const groups = problemsByRow([issue('b.csv', 4, 'x'), issue('a.csv', 3, 'y'), issue('b.csv', 2, 'x'), issue('b.csv', 4, 'z'), issue('b.csv', undefined, 'w')]);
    expect(groups.map((g) => `${g.file}:${g.row ?? '-'}:${g.issues.length}`)).toEqual(['b.csv:-:1', 'b.csv:2:1', 'b.csv:4:2', 'a.csv:3:1']);
  });

  it('shows the bad row of a CSV under its header, the bad column marked', () => {
    const r = rowExcerpt(BAD, 3, ['收入（万元）']);
    expect(r).toEqual({
      row: 3,
      cells: [
        { header: '月份', value: '2025-02', bad: false },
        { header: '险种', value: '失业保险基金', bad: false },
        { header: '收入（万元）', value: 'abc', bad: true },
        { header: '支出（万元）', value: '3', bad: false },
      ],
    });
    expect(rowExcerpt(BAD, 9, [])).toBeUndefined();
  });

  it('finds the header below a title row (examples/import/budget-2026.csv starts with a title and a unit line)', () => {
    const text = '\uFEFF2026年社会保险基金预算（分月）\n单位：万元\n月份,失业保险基金收入\n2026-01,"1,04.13"\n';
    expect(rowExcerpt(text, 4, ['失业保险基金收入'])!.cells).toEqual([
      { header: '月份', value: '2026-01', bad: false },
      { header: '失业保险基金收入', value: '1,04.13', bad: true },
    ]);
  });

  it('reads quoted cells as a spreadsheet writes them', () => {
    expect(csvCells('2025-01,"2,788.21","say ""hi"""')).toEqual(['2025-01', '2,788.21', 'say "hi"']);
  });

  it('decodes UTF-8, and GBK when the bytes are not UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('失业'))).toBe('失业');
    // '月份,失业保险基金' in GBK (python3: '月份,失业保险基金'.encode('gbk'))
    expect(decodeCsv(new Uint8Array([212, 194, 183, 221, 44, 202, 167, 210, 181, 177, 163, 207, 213, 187, 249, 189, 240]))).toBe('月份,失业保险基金');
  });
});
