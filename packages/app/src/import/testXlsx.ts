import ExcelJS from 'exceljs';

/** A cell for {@link xlsxOf}: a value, or a number with Excel's number format (`{ value: 0.0135, numFmt: '0.00%' }`). */
export type FixtureCell = string | number | Date | null | { value: number; numFmt: string };

/**
 * Builds an .xlsx workbook in memory with exceljs, one sheet per entry, for tests (no binary fixtures to keep).
 * @example await xlsxOf({ 报价: [['银行名称', '1年（%）'], ['中国工商银行示例县支行', 0.95]] })
 */
export async function xlsxOf(sheets: Record<string, FixtureCell[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        if (cell === null) return;
        const target = sheet.getCell(r + 1, c + 1);
        if (typeof cell === 'object' && !(cell instanceof Date)) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
