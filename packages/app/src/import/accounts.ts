import type { Decimal, IsoDate } from '@fundladder/core';
import { type FieldSpec, dataRows, mapHeader } from './columns';
import { cellReader } from './cellReader';
import type { BankReadContext } from './banks';
import { matchBank } from './bankMatch';
import { type ImportIssue, type ImportResult, byRow, importIssue } from './importIssue';
import { cellText, type RawTable } from './rawTable';
import { parseAccountKind, parseBoolean, parseVintage } from './vocabulary';

/** An account as imported. */
export interface AccountRecord {
  readonly id: string;
  readonly kind: string;
  readonly fundType: string;
  readonly bankId: string;
  readonly openingBalance: Decimal;
  readonly contractRate: Decimal;
  readonly effectiveFrom: IsoDate;
  readonly settlement: boolean;
  readonly vintage?: string;
  readonly row: number;
}

/** The columns of an account table (账户名称 and 账号 are read over: the scenario does not keep them). */
export const ACCOUNT_FIELDS = {
  id: { names: ['账户编号', '账户代码', '编号', 'id'] },
  accountName: { names: ['账户名称', '户名', '账号', '银行账号', 'accountName', 'accountNumber'] },
  kind: { names: ['账户类型', '账户性质', '类型', 'kind'], required: true },
  fundType: { names: ['险种', '基金', '险种名称', '基金名称', 'fundType'], required: true },
  bank: { names: ['开户银行', '银行', '存放银行', '开户行', 'bank', 'bankId'], required: true },
  openingBalance: { names: ['余额', '期初余额', '账户余额', '存款余额', 'balance', 'openingBalance'], required: true },
  contractRate: { names: ['协议利率', '执行利率', '活期利率', '利率', 'contractRate', 'annualRate'], required: true },
  effectiveFrom: { names: ['利率生效日期', '生效日期', '协议日期', 'effectiveFrom'] },
  settlement: { names: ['结算户', '是否结算户', '主账户', 'settlement'] },
  vintage: { names: ['资金年度', '资金来源', 'vintage'] },
} as const satisfies Record<string, FieldSpec>;

/**
 * Reads an account table: one row per account (类型, 险种, 开户银行, 余额 with its unit, 协议利率 in %). The bank is
 * found among the import's and the scenario's banks by name or id; an account without an id gets
 * `<fundType>-<kind>`.
 * @param table - the rows
 * @param context - unit, known fund types, banks, the day rates take effect when none is given (asOf)
 * @returns the accounts, or every issue found
 */
export function readAccounts(table: RawTable, context: BankReadContext = {}): ImportResult<AccountRecord[]> {
  const mapped = mapHeader(table, ACCOUNT_FIELDS);
  const notes: ImportIssue[] = [];
  if (!mapped.ok) return { ok: false, issues: mapped.issues, notes };
  const m = mapped.value;
  const f = m.fields;
  const issues: ImportIssue[] = [];
  const read = cellReader(m, context, issues, notes);
  const at = { file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) };
  const accounts: AccountRecord[] = [];
  const ids = new Map<string, number>();
  let defaultNoted = false;
  for (const row of dataRows(m, notes, issues)) {
    const kind = read.wordAt(row, f.kind!, parseAccountKind, 'accountKind');
    const fundType = read.fundTypeAt(row, f.fundType!);
    const bankText = read.textAt(row, f.bank!);
    const bankId = bankText === undefined ? undefined : matchBank(bankText, context.banks ?? []);
    if (bankText !== undefined && !bankId) read.raise(row, f.bank!, 'unknown_bank', 'bank', bankText);
    const balance = read.amountAt(row, f.openingBalance!, 'openingBalance');
    const rate = read.rateAt(row, f.contractRate!, ['contractRate', 'annualRate']);
    let effectiveFrom: IsoDate | undefined;
    if (f.effectiveFrom !== undefined && read.cell(row, f.effectiveFrom) !== null) effectiveFrom = read.dayAt(row, f.effectiveFrom);
    else if (context.defaultEffectiveFrom) {
      effectiveFrom = context.defaultEffectiveFrom;
      if (!defaultNoted) notes.push(importIssue({ ...at, column: '利率生效日期/effectiveFrom' }, 'default_taken', 'day', undefined, { limit: effectiveFrom }));
      defaultNoted = true;
    } else read.raise(row, f.contractRate!, 'missing_cell', 'day', null);
    const settlement = f.settlement !== undefined ? read.wordAt(row, f.settlement, parseBoolean, 'boolean', false) : false;
    const vintage = f.vintage !== undefined && read.cell(row, f.vintage) !== null ? read.wordAt(row, f.vintage, parseVintage, 'vintage') : undefined;
    let id = f.id !== undefined ? cellText(read.cell(row, f.id)) : '';
    if (id !== '' && !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(id)) {
      read.raise(row, f.id!, 'invalid_cell', 'id', id);
      continue;
    }
    if (!kind || !fundType || !bankId || !balance || !rate || !effectiveFrom || settlement === undefined) continue;
    if (id === '') {
      id = `${fundType}-${kind}`;
      for (let n = 2; ids.has(id); n++) id = `${fundType}-${kind}-${n}`;
    }
    if (ids.has(id)) {
      read.raise(row, f.id!, 'duplicate_row', 'uniqueRow', id, { limit: String(ids.get(id)) });
      continue;
    }
    ids.set(id, row.row);
    accounts.push({ id, kind, fundType, bankId, openingBalance: balance, contractRate: rate, effectiveFrom, settlement, ...(vintage ? { vintage } : {}), row: row.row });
  }
  if (accounts.length === 0 && issues.length === 0) issues.push(importIssue(at, 'no_rows', 'text'));
  return issues.length ? { ok: false, issues: byRow(issues), notes } : { ok: true, value: accounts, notes };
}
