import { type Decimal, type IsoDate, PLACEABLE_KINDS, type PlaceableKind, dateParts, daysInMonth } from '@fundladder/core';
import { type FieldSpec, dataRows, mapHeader } from './columns';
import { cellReader } from './cellReader';
import type { BankReadContext } from './banks';
import { matchBank } from './bankMatch';
import { type ImportIssue, type ImportResult, byRow, importIssue } from './importIssue';
import { cellText, type RawTable } from './rawTable';
import { parseBondKind, parseProduct, parseTerm, quoteColumn } from './vocabulary';

/** A deposit or bond held at the start, as imported. */
export interface HoldingRecord {
  readonly id: string;
  readonly fundType: string;
  readonly product: PlaceableKind;
  readonly bankId?: string;
  readonly principal: Decimal;
  readonly annualRate: Decimal;
  readonly startDate: IsoDate;
  readonly termMonths: number;
  readonly couponFrequency?: number;
  readonly bondKind?: string;
  readonly row: number;
}

/** The columns of a holdings table (a 定期存款台账 or bond register). */
export const HOLDING_FIELDS = {
  id: { names: ['编号', '存单编号', '凭证号', '存单号', 'id'] },
  fundType: { names: ['险种', '基金', '险种名称', '基金名称', 'fundType'], required: true },
  product: { names: ['产品', '存款品种', '品种', '存款种类', 'product'], required: true },
  bank: { names: ['存放银行', '银行', '开户银行', 'bank', 'bankId'] },
  principal: { names: ['本金', '金额', '存款金额', '存放金额', '面值', 'principal'], required: true },
  annualRate: { names: ['利率', '年利率', '执行利率', '票面利率', 'annualRate'], required: true },
  startDate: { names: ['起存日', '起存日期', '存入日期', '起息日', '购买日期', 'startDate'], required: true },
  term: { names: ['期限', '存期', 'term'] },
  termMonths: { names: ['期限(月)', '存期(月)', 'termMonths'] },
  termYears: { names: ['期限(年)', '存期(年)', 'termYears'] },
  maturity: { names: ['到期日', '到期日期', 'maturityDate'] },
  couponFrequency: { names: ['每年付息次数', '付息频率', 'couponFrequency'] },
  bondKind: { names: ['国债类型', 'bondKind'] },
} as const satisfies Record<string, FieldSpec>;

/**
 * Whole months from a start day to a maturity day, when the maturity falls on the same day of the month (or on
 * the last day of a shorter month).
 * @example wholeMonths('2023-01-16', '2026-01-16') //=> 36
 * @example wholeMonths('2023-01-31', '2023-04-30') //=> 3
 * @example wholeMonths('2023-01-16', '2023-04-20') //=> undefined
 */
export function wholeMonths(start: IsoDate, maturity: IsoDate): number | undefined {
  const a = dateParts(start);
  const b = dateParts(maturity);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  const sameDay = b.day === a.day || (a.day > b.day && b.day === daysInMonth(b.year, b.month));
  return months > 0 && sameDay ? months : undefined;
}

/**
 * Reads a holdings table: one row per deposit or bond (险种, 品种, 存放银行, 本金 with its unit, 利率 in %, 起存日, and
 * 期限 or 到期日). A row without an id gets `h<row>`; an id that is not one (`2023001`) is prefixed `h-`.
 * @param table - the rows
 * @param context - unit, known fund types, banks
 * @returns the holdings, or every issue found
 */
export function readHoldings(table: RawTable, context: BankReadContext = {}): ImportResult<HoldingRecord[]> {
  const mapped = mapHeader(table, HOLDING_FIELDS);
  const notes: ImportIssue[] = [];
  if (!mapped.ok) return { ok: false, issues: mapped.issues, notes };
  const m = mapped.value;
  const f = m.fields;
  const issues: ImportIssue[] = [];
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  if (f.term === undefined && f.termMonths === undefined && f.termYears === undefined && f.maturity === undefined) {
    return { ok: false, issues: [importIssue({ ...at, row: table.rows[m.headerIndex]!.row }, 'missing_column', 'column', undefined, { limit: '期限/term or 到期日/maturityDate' })], notes };
  }
  const read = cellReader(m, context, issues, notes);
  const holdings: HoldingRecord[] = [];
  const ids = new Map<string, number>();
  for (const row of dataRows(m, notes, issues)) {
    const fundType = read.fundTypeAt(row, f.fundType!);
    const productText = read.textAt(row, f.product!);
    const combo = productText === undefined ? undefined : quoteColumn(productText);
    const parsed = productText === undefined ? undefined : combo?.product ?? parseProduct(productText);
    const product = parsed && (PLACEABLE_KINDS as readonly string[]).includes(parsed) ? (parsed as PlaceableKind) : undefined;
    if (productText !== undefined && !product) read.raise(row, f.product!, 'invalid_cell', 'product', productText);
    let bankId: string | undefined;
    if (f.bank !== undefined && read.cell(row, f.bank) !== null) {
      const bankText = cellText(read.cell(row, f.bank));
      bankId = matchBank(bankText, context.banks ?? []);
      if (!bankId) read.raise(row, f.bank, 'unknown_bank', 'bank', bankText);
    }
    const principal = read.amountAt(row, f.principal!, 'principal');
    const rate = read.rateAt(row, f.annualRate!, ['annualRate']);
    const startDate = read.dayAt(row, f.startDate!);
    let termMonths = combo?.termMonths;
    const termColumn = f.term ?? f.termMonths ?? f.termYears;
    if (termMonths === undefined && termColumn !== undefined && read.cell(row, termColumn) !== null) {
      const text = cellText(read.cell(row, termColumn));
      termMonths = parseTerm(text, f.term !== undefined ? undefined : f.termMonths !== undefined ? 'months' : 'years');
      if (termMonths === undefined) read.raise(row, termColumn, 'invalid_cell', 'term', text);
    } else if (termMonths === undefined && f.maturity !== undefined) {
      const maturity = read.dayAt(row, f.maturity);
      if (maturity && startDate) {
        termMonths = wholeMonths(startDate, maturity);
        if (termMonths === undefined) read.raise(row, f.maturity, 'invalid_cell', 'term', cellText(read.cell(row, f.maturity)));
      }
    } else if (termMonths === undefined) read.raise(row, termColumn ?? f.maturity!, 'missing_cell', 'term', null);
    let couponFrequency: number | undefined;
    if (f.couponFrequency !== undefined && read.cell(row, f.couponFrequency) !== null) {
      const text = cellText(read.cell(row, f.couponFrequency));
      couponFrequency = ['0', '1', '2', '3', '4', '6', '12'].includes(text) ? Number(text) : undefined;
      if (couponFrequency === undefined) read.raise(row, f.couponFrequency, 'invalid_cell', 'couponFrequency', text);
    }
    const bondKind = f.bondKind !== undefined && read.cell(row, f.bondKind) !== null ? read.wordAt(row, f.bondKind, parseBondKind, 'bondKind') : undefined;
    const idText = f.id !== undefined ? cellText(read.cell(row, f.id)) : '';
    let id = idText === '' ? `h${row.row}` : /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(idText) ? idText : `h-${idText.replace(/[^A-Za-z0-9_-]/g, '')}`;
    if (id === 'h-') id = `h${row.row}`;
    if (!fundType || !product || !principal || !rate || !startDate || termMonths === undefined) continue;
    if (ids.has(id)) {
      read.raise(row, f.id ?? 0, 'duplicate_row', 'uniqueRow', id, { limit: String(ids.get(id)) });
      continue;
    }
    ids.set(id, row.row);
    holdings.push({ id, fundType, product, ...(bankId ? { bankId } : {}), principal, annualRate: rate, startDate, termMonths, ...(couponFrequency !== undefined ? { couponFrequency } : {}), ...(bondKind ? { bondKind } : {}), row: row.row });
  }
  if (holdings.length === 0 && issues.length === 0) issues.push(importIssue(at, 'no_rows', 'text'));
  return issues.length ? { ok: false, issues: byRow(issues), notes } : { ok: true, value: holdings, notes };
}
