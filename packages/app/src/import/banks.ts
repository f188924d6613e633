import type { Decimal, IsoDate, ProductKind } from '@fundladder/core';
import { type FieldSpec, dataRows, mapHeader } from './columns';
import { type ReadContext, cellReader } from './cellReader';
import { type KnownBank, matchBank, newBankId } from './bankMatch';
import { type ImportIssue, type ImportResult, byRow, importIssue } from './importIssue';
import type { RawRow, RawTable } from './rawTable';
import { bankFromName, parseBankStatus, parseBankType, parseProduct, parseTerm, quoteColumn } from './vocabulary';
import { cellText } from './rawTable';
import { normalizeText } from './units';

/** A quote as imported: a fraction and the day it takes effect. */
export interface QuoteRecord {
  readonly product: ProductKind;
  readonly termMonths?: number;
  readonly annualRate: Decimal;
  readonly effectiveFrom: IsoDate;
  readonly source?: string;
}

/** A bank as imported, with its quotes when the table had quote columns. */
export interface BankRecord {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly rating?: string;
  readonly localGeneralDeposits: Decimal;
  readonly status: 'eligible' | 'suspended';
  readonly suspendedReason?: string;
  /** Undefined when the table had no quote columns (the scenario's quotes are kept). */
  readonly quotes?: readonly QuoteRecord[];
  readonly row: number;
}

/** What bank and quote tables need beyond {@link ReadContext}. */
export interface BankReadContext extends ReadContext {
  /** Banks the scenario already has: a bank of the same name keeps its id. */
  readonly banks?: readonly KnownBank[];
  /** The day quotes take effect when the table gives none (the scenario's asOf). */
  readonly defaultEffectiveFrom?: IsoDate;
}

const EFFECTIVE = { names: ['生效日期', '报价日期', '执行日期', '利率生效日', '利率生效日期', 'effectiveFrom'] } satisfies FieldSpec;

/** The columns of a bank table; quote columns (`3个月`, `1年`, `协定存款`, `大额存单3年`) may follow. */
export const BANK_FIELDS = {
  id: { names: ['银行编号', '银行代码', '简称', 'id', 'bankId'] },
  name: { names: ['银行名称', '银行', '存放银行', '机构名称', '名称', 'bank', 'name'], required: true },
  type: { names: ['银行类型', '机构类型', '类型', 'type'] },
  rating: { names: ['评级', '监管评级', '综合评分', '评分', 'rating'] },
  localGeneralDeposits: { names: ['一般性存款', '本地一般性存款', '一般性存款余额', '各项存款余额', 'generalDeposits', 'localGeneralDeposits'], required: true },
  status: { names: ['状态', '存放状态', '是否可存放', 'status'] },
  suspendedReason: { names: ['暂停原因', 'suspendedReason'] },
  effectiveFrom: EFFECTIVE,
  source: { names: ['依据', '出处', '文件', 'source'] },
} as const satisfies Record<string, FieldSpec>;

/** The columns of a long quote table: one row per bank, product and term. */
export const QUOTE_FIELDS = {
  bank: { names: ['银行', '银行名称', '存放银行', 'bank', 'bankId'], required: true },
  product: { names: ['产品', '存款品种', '品种', '产品类型', 'product'] },
  term: { names: ['期限', '存期', 'term'] },
  termMonths: { names: ['期限(月)', '存期(月)', '期限月', 'termMonths'] },
  termYears: { names: ['期限(年)', '存期(年)', '期限年', 'termYears'] },
  rate: { names: ['利率', '年利率', '报价利率', '执行利率', '中标利率', '挂牌利率', 'rate', 'annualRate'] },
  effectiveFrom: EFFECTIVE,
  source: { names: ['依据', '出处', '文件', 'source'] },
} as const satisfies Record<string, FieldSpec>;

const RATE_IDS = ['annualRate'];

function effectiveDay(read: ReturnType<typeof cellReader>, row: RawRow, column: number | undefined, context: BankReadContext, at: { file: string; sheet?: string }, notes: ImportIssue[], noted: { done: boolean }): IsoDate | undefined {
  if (column !== undefined && read.cell(row, column) !== null) return read.dayAt(row, column);
  if (context.defaultEffectiveFrom) {
    if (!noted.done) {
      noted.done = true;
      notes.push(importIssue({ ...at, column: '生效日期/effectiveFrom' }, 'default_taken', 'day', undefined, { limit: context.defaultEffectiveFrom }));
    }
    return context.defaultEffectiveFrom;
  }
  read.raise(row, column ?? 0, 'missing_cell', 'day', null);
  return undefined;
}

/**
 * Reads a bank table: one row per bank (名称, 类型, 一般性存款 with its unit, 评级, 状态), optionally followed by the
 * bank's quotes as columns in percent (`3个月（%）`, `1年`, `协定存款`, under a note `利率单位：%` or with `%` in
 * each cell). A national or rural bank's type may be left out: its name tells it. Ids: the table's, else the
 * scenario's bank of that name, else a short id from the name (`icbc`) or `bank1`….
 * @param table - the rows
 * @param context - unit, the scenario's banks, the default effective day
 * @returns the banks, or every issue found
 */
export function readBanks(table: RawTable, context: BankReadContext = {}): ImportResult<BankRecord[]> {
  const mapped = mapHeader(table, BANK_FIELDS, (parts) => quoteColumn(parts.label));
  const notes: ImportIssue[] = [];
  if (!mapped.ok) return { ok: false, issues: mapped.issues, notes };
  const m = mapped.value;
  const issues: ImportIssue[] = [];
  const read = cellReader(m, context, issues, notes);
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  const f = m.fields;
  const taken = new Set<string>((context.banks ?? []).map((b) => b.id));
  const banks: BankRecord[] = [];
  const noted = { done: false };
  for (const row of dataRows(m, notes, issues)) {
    const name = read.textAt(row, f.name!);
    const deposits = read.amountAt(row, f.localGeneralDeposits!, 'localGeneralDeposits');
    const known = name ? bankFromName(name) : undefined;
    let type: string | undefined;
    if (f.type !== undefined) type = read.wordAt(row, f.type, parseBankType, 'bankType', known?.type);
    else if (known) type = known.type;
    else issues.push(importIssue({ ...at, row: row.row, column: '银行类型/type' }, 'missing_cell', 'bankType'));
    const status = f.status !== undefined ? read.wordAt(row, f.status, parseBankStatus, 'bankStatus', 'eligible') : 'eligible';
    let id: string | undefined;
    if (f.id !== undefined && read.cell(row, f.id) !== null) {
      id = cellText(read.cell(row, f.id));
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(id)) {
        read.raise(row, f.id, 'invalid_cell', 'id', id);
        id = undefined;
      }
    } else if (name) {
      // The scenario's bank of the same name keeps its id, so accounts and holdings that name it stay valid.
      id = (context.banks ?? []).find((b) => normalizeText(b.name) === normalizeText(name))?.id ?? newBankId(name, taken);
    }
    const quotes: QuoteRecord[] = [];
    for (const { column, meaning } of m.extras) {
      if (read.cell(row, column) === null) continue;
      const rate = read.rateAt(row, column, RATE_IDS);
      const effectiveFrom = effectiveDay(read, row, f.effectiveFrom, context, at, notes, noted);
      const source = f.source !== undefined ? cellText(read.cell(row, f.source)) : '';
      if (rate && effectiveFrom) quotes.push({ ...meaning, annualRate: rate, effectiveFrom, ...(source ? { source } : {}) });
    }
    if (!name || !deposits || !type || !status || !id) continue;
    if (taken.has(id) && banks.some((b) => b.id === id)) {
      read.raise(row, f.id ?? f.name!, 'duplicate_row', 'uniqueRow', id, { limit: String(banks.find((b) => b.id === id)!.row) });
      continue;
    }
    taken.add(id);
    const rating = f.rating !== undefined ? cellText(read.cell(row, f.rating)) : '';
    const reason = f.suspendedReason !== undefined ? cellText(read.cell(row, f.suspendedReason)) : '';
    banks.push({ id, name, type, localGeneralDeposits: deposits, status, ...(rating ? { rating } : {}), ...(reason ? { suspendedReason: reason } : {}), ...(m.extras.length ? { quotes } : {}), row: row.row });
  }
  if (banks.length === 0 && issues.length === 0) issues.push(importIssue(at, 'no_rows', 'text'));
  return issues.length ? { ok: false, issues: byRow(issues), notes } : { ok: true, value: banks, notes };
}

/**
 * Reads a quote table: long (银行, 产品, 期限, 利率（%）, 生效日期: one row per quote) or wide (银行 then one column
 * per product and term). Each bank is found among `context.banks` by id or name ({@link matchBank}).
 * @param table - the rows
 * @param context - the banks of the import and the scenario, the default effective day
 * @returns each named bank's quotes (all the quotes of a bank the table names), or every issue found
 */
export function readQuotes(table: RawTable, context: BankReadContext = {}): ImportResult<Map<string, QuoteRecord[]>> {
  const mapped = mapHeader(table, QUOTE_FIELDS, (parts) => quoteColumn(parts.label));
  const notes: ImportIssue[] = [];
  if (!mapped.ok) return { ok: false, issues: mapped.issues, notes };
  const m = mapped.value;
  const issues: ImportIssue[] = [];
  const read = cellReader(m, context, issues, notes);
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  const f = m.fields;
  const long = f.rate !== undefined;
  if (long && f.product === undefined) issues.push(importIssue({ ...at, row: table.rows[m.headerIndex]!.row }, 'missing_column', 'column', undefined, { limit: '产品/product' }));
  if (!long && m.extras.length === 0) issues.push(importIssue({ ...at, row: table.rows[m.headerIndex]!.row }, 'missing_column', 'column', undefined, { limit: '利率/rate (or one column per product and term, e.g. 3个月, 1年)' }));
  if (issues.length) return { ok: false, issues, notes };
  const byBank = new Map<string, QuoteRecord[]>();
  const seen = new Map<string, number>();
  const noted = { done: false };
  for (const row of dataRows(m, notes, issues)) {
    const bankText = read.textAt(row, f.bank!);
    const bankId = bankText === undefined ? undefined : matchBank(bankText, context.banks ?? []);
    if (bankText !== undefined && bankId === undefined) read.raise(row, f.bank!, 'unknown_bank', 'bank', bankText);
    const source = f.source !== undefined ? cellText(read.cell(row, f.source)) : '';
    const add = (quote: QuoteRecord | undefined, column: number) => {
      if (!quote || !bankId) return;
      const key = `${bankId}/${quote.product}/${quote.termMonths ?? ''}/${quote.effectiveFrom}`;
      if (seen.has(key)) return read.raise(row, column, 'duplicate_row', 'uniqueRow', key, { limit: String(seen.get(key)) });
      seen.set(key, row.row);
      byBank.set(bankId, [...(byBank.get(bankId) ?? []), { ...quote, ...(source ? { source } : {}) }]);
    };
    if (long) {
      const productText = read.textAt(row, f.product!);
      const combo = productText === undefined ? undefined : quoteColumn(productText);
      const product = productText === undefined ? undefined : combo?.product ?? parseProduct(productText);
      if (productText !== undefined && !product) read.raise(row, f.product!, 'invalid_cell', 'product', productText);
      let termMonths = combo?.termMonths;
      const termColumn = f.term ?? f.termMonths ?? f.termYears;
      if (termMonths === undefined && termColumn !== undefined && read.cell(row, termColumn) !== null) {
        const text = cellText(read.cell(row, termColumn));
        termMonths = parseTerm(text, f.term !== undefined ? undefined : f.termMonths !== undefined ? 'months' : 'years');
        if (termMonths === undefined) read.raise(row, termColumn, 'invalid_cell', 'term', text);
      }
      const rate = read.rateAt(row, f.rate!, RATE_IDS);
      const effectiveFrom = effectiveDay(read, row, f.effectiveFrom, context, at, notes, noted);
      if (product && rate && effectiveFrom) add({ product, ...(termMonths !== undefined ? { termMonths } : {}), annualRate: rate, effectiveFrom }, f.rate!);
      continue;
    }
    for (const { column, meaning } of m.extras) {
      if (read.cell(row, column) === null) continue;
      const rate = read.rateAt(row, column, RATE_IDS);
      const effectiveFrom = effectiveDay(read, row, f.effectiveFrom, context, at, notes, noted);
      if (rate && effectiveFrom) add({ ...meaning, annualRate: rate, effectiveFrom }, column);
    }
  }
  if (byBank.size === 0 && issues.length === 0) issues.push(importIssue(at, 'no_rows', 'text'));
  return issues.length ? { ok: false, issues: byRow(issues), notes } : { ok: true, value: byBank, notes };
}
