// Which values of a scenario the Data screen edits, and how each is read: banks (name, status, local general deposits
// in 亿元), a bank's quotes (rate in %, effective date), holdings (principal in 万元, rate, start, term) and the policy
// (reserve, the three caps of [004] in %, the fewest banks, the longest term). docs/domain.md §7–8 says what they mean;
// packages/core/src/schemas/scenario.ts holds their rules, which the API checks on save.
import type { FieldKind, JsonPath } from './scenarioEdit';

/** One editable value: its path in the body and its kind. */
export interface FieldSpec {
  readonly path: JsonPath;
  readonly kind: FieldKind;
}

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Json[]) : []);
const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export const MONEY_WAN: FieldKind = { kind: 'money', unit: 'wan' };
export const MONEY_YI: FieldKind = { kind: 'money', unit: 'yi' };
export const PERCENT: FieldKind = { kind: 'percent' };
export const DATE: FieldKind = { kind: 'date' };
export const BANK_STATUS: FieldKind = { kind: 'choice', options: ['eligible', 'suspended'] };

export interface BankRow {
  readonly index: number;
  readonly id: string;
  readonly name: FieldSpec;
  readonly status: FieldSpec;
  readonly localGeneralDeposits: FieldSpec;
  readonly quotes: number;
}

/** The banks, each with its editable name, status and local general deposits (亿元). */
export function bankRows(body: unknown): BankRow[] {
  return list((body as Json | undefined)?.banks).map((b, index) => ({
    index,
    id: text(b.id),
    name: { path: ['banks', index, 'name'], kind: { kind: 'text' } },
    status: { path: ['banks', index, 'status'], kind: BANK_STATUS },
    localGeneralDeposits: { path: ['banks', index, 'localGeneralDeposits'], kind: MONEY_YI },
    quotes: list(b.quotes).length,
  }));
}

export interface QuoteRow {
  readonly index: number;
  readonly product: string;
  readonly termMonths?: number;
  readonly effectiveFrom: FieldSpec;
  readonly annualRate: FieldSpec;
}

/**
 * A bank's quotes in the order the scenario lists them, each with its editable rate (%) and effective date.
 * @example quoteRows(sample, 0)[4] //=> { index: 4, product: 'timeDeposit', termMonths: 3, annualRate: { path: ['banks', 0, 'quotes', 4, 'annualRate'], … }, … }
 */
export function quoteRows(body: unknown, bankIndex: number): QuoteRow[] {
  const bank = list((body as Json | undefined)?.banks)[bankIndex];
  return list(bank?.quotes).map((q, index) => ({
    index,
    product: text(q.product),
    ...(typeof q.termMonths === 'number' ? { termMonths: q.termMonths } : {}),
    effectiveFrom: { path: ['banks', bankIndex, 'quotes', index, 'effectiveFrom'], kind: DATE },
    annualRate: { path: ['banks', bankIndex, 'quotes', index, 'annualRate'], kind: PERCENT },
  }));
}

export interface HoldingRow {
  readonly index: number;
  readonly id: string;
  readonly fundType: string;
  readonly bankId: string;
  readonly product: string;
  readonly principal: FieldSpec;
  readonly annualRate: FieldSpec;
  readonly startDate: FieldSpec;
  readonly termMonths: FieldSpec;
}

/** The holdings (deposits and bonds already placed), each with principal (万元), rate, start and term. */
export function holdingRows(body: unknown): HoldingRow[] {
  return list((body as Json | undefined)?.holdings).map((h, index) => ({
    index,
    id: text(h.id),
    fundType: text(h.fundType),
    bankId: text(h.bankId),
    product: text(h.product),
    principal: { path: ['holdings', index, 'principal'], kind: MONEY_WAN },
    annualRate: { path: ['holdings', index, 'annualRate'], kind: PERCENT },
    startDate: { path: ['holdings', index, 'startDate'], kind: DATE },
    termMonths: { path: ['holdings', index, 'termMonths'], kind: { kind: 'int', min: 1, max: 600 } },
  }));
}

/** The policy's editable values, by name (the reserve as months of payouts or as an amount, as the scenario has it). */
export function policyFields(body: unknown): { name: 'reserveMonths' | 'reserveAmount' | 'trancheShare' | 'bankLocalDepositShare' | 'fundTimeDepositShare' | 'minBanks' | 'maxTermMonths'; spec: FieldSpec }[] {
  const policy = ((body as Json | undefined)?.policy ?? {}) as Json;
  const reserve = (policy.reserve ?? {}) as Json;
  const caps = (policy.caps ?? {}) as Json;
  const fields: ReturnType<typeof policyFields> = [];
  if (reserve.rule === 'monthsOfPayouts') fields.push({ name: 'reserveMonths', spec: { path: ['policy', 'reserve', 'months'], kind: { kind: 'int', min: 0, max: 36 } } });
  if (reserve.rule === 'fixedAmount') fields.push({ name: 'reserveAmount', spec: { path: ['policy', 'reserve', 'amount'], kind: MONEY_WAN } });
  for (const cap of ['trancheShare', 'bankLocalDepositShare', 'fundTimeDepositShare'] as const) if (cap in caps) fields.push({ name: cap, spec: { path: ['policy', 'caps', cap], kind: PERCENT } });
  if ('minBanks' in policy) fields.push({ name: 'minBanks', spec: { path: ['policy', 'minBanks'], kind: { kind: 'int', min: 0, max: 100 } } });
  if ('maxTermMonths' in policy) fields.push({ name: 'maxTermMonths', spec: { path: ['policy', 'maxTermMonths'], kind: { kind: 'int', min: 1, max: 600 } } });
  return fields;
}
