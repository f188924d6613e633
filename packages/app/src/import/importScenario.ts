import { type Scenario, addMonthsToKey, formatPath, validateScenario } from '@fundladder/core';
import { type AccountRecord, readAccounts } from './accounts';
import { type BankReadContext, type BankRecord, type QuoteRecord, readBanks, readQuotes } from './banks';
import type { KnownBank } from './bankMatch';
import { type FlowRecord, readFlowRecords } from './flows';
import { type HoldingRecord, readHoldings } from './holdings';
import { type ImportIssue, type ImportResult, importIssue } from './importIssue';
import { type ImportChange, type ScenarioSettings, asOfFromHistory, mergeScenario } from './mergeScenario';
import { type TableSource, readTable } from './readTable';
import type { AmountUnit } from './units';
import type { RawTable } from './rawTable';
import type { IsoDate } from '@fundladder/core';

/** The tables an import may read, by the part of the scenario each fills. */
export const IMPORT_PARTS = ['history', 'flows', 'banks', 'quotes', 'accounts', 'holdings'] as const;
export type ImportPart = (typeof IMPORT_PARTS)[number];

/** Sheet names looked for in a workbook when none is named, per part. */
const PREFERRED_SHEETS: Record<ImportPart, readonly string[]> = {
  history: ['收支', '流量', '历史', 'flow', 'history'],
  flows: ['预算', '收支', '流量', 'flow', 'budget'],
  banks: ['银行', 'bank'],
  quotes: ['报价', '利率', 'quote', 'rate'],
  accounts: ['账户', 'account'],
  holdings: ['持仓', '存单', '台账', 'holding'],
};

/** One import: the existing scenario (or none), the tables, the unit for undeclared columns and scenario settings. */
export interface ImportRequest {
  /** The existing scenario's JSON; absent: a new scenario. */
  readonly base?: unknown;
  readonly tables: Partial<Record<ImportPart, TableSource>>;
  /** Unit of amount columns that declare none (`--unit`). */
  readonly unit?: AmountUnit;
  readonly settings?: ScenarioSettings;
}

/** What was read from each table. */
export interface TableSummary {
  readonly part: ImportPart;
  readonly file: string;
  readonly sheet?: string;
  readonly encoding?: string;
  readonly records: number;
}

/** A successful import: the scenario JSON to write, what changed, what was read. */
export interface ImportOutcome {
  readonly scenario: Record<string, unknown>;
  readonly changes: readonly ImportChange[];
  readonly tables: readonly TableSummary[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Builds or updates a scenario from CSV and XLSX tables as finance systems export them, and checks the result
 * with core's `validateScenario`. Nothing is half-done: any issue in any table, or a result that does not
 * validate, returns every issue and no scenario.
 * @param request - base scenario, tables, unit, settings
 * @returns the scenario JSON, the changes (counts) and the tables read; or every issue, with notes either way
 */
export async function importScenario(request: ImportRequest): Promise<ImportResult<ImportOutcome>> {
  const issues: ImportIssue[] = [];
  const notes: ImportIssue[] = [];
  const tables: TableSummary[] = [];
  if (request.base !== undefined && !isObject(request.base)) {
    return { ok: false, issues: [importIssue({ file: 'scenario' }, 'invalid_cell', 'scenarioPart', typeof request.base)], notes };
  }
  const base = request.base as Json | undefined;
  const fundTypes = Array.isArray(base?.fundTypes) ? (base.fundTypes as string[]) : [];
  const baseBanks: KnownBank[] = Array.isArray(base?.banks) ? (base.banks as Json[]).filter(isObject).map((b) => ({ id: String(b.id), name: String(b.name) })) : [];

  const raw: Partial<Record<ImportPart, RawTable>> = {};
  for (const part of IMPORT_PARTS) {
    const source = request.tables[part];
    if (!source) continue;
    const table = await readTable(source, PREFERRED_SHEETS[part]);
    if (table.ok) raw[part] = table.value;
    else issues.push(...table.issues);
  }
  const take = <T>(part: ImportPart, result: ImportResult<T> | undefined, size: (t: T) => number): T | undefined => {
    if (!result) return undefined;
    notes.push(...result.notes);
    if (!result.ok) {
      issues.push(...result.issues);
      return undefined;
    }
    const t = raw[part]!;
    tables.push({ part, file: t.file, ...(t.sheet !== undefined ? { sheet: t.sheet } : {}), ...(t.encoding !== undefined ? { encoding: t.encoding } : {}), records: size(result.value) });
    return result.value;
  };
  const context = { ...(request.unit ? { unit: request.unit } : {}), fundTypes };
  const history = take<FlowRecord[]>('history', raw.history && readFlowRecords(raw.history, context), (r) => r.length);
  const flows = take<FlowRecord[]>('flows', raw.flows && readFlowRecords(raw.flows, context), (r) => r.length);
  const asOf = request.settings?.asOf ?? (typeof base?.asOf === 'string' ? (base.asOf as IsoDate) : asOfFromHistory(history ?? []));
  if (asOf && !request.settings?.asOf && typeof base?.asOf !== 'string') notes.push(importIssue({ file: 'scenario', column: 'asOf' }, 'default_taken', 'day', undefined, { limit: asOf }));
  const bankContext: BankReadContext = { ...context, banks: baseBanks, ...(asOf ? { defaultEffectiveFrom: asOf } : {}) };
  const banks = take<BankRecord[]>('banks', raw.banks && readBanks(raw.banks, bankContext), (r) => r.length);
  const knownBanks = banks ? banks.map((b) => ({ id: b.id, name: b.name })) : baseBanks;
  const afterBanks: BankReadContext = { ...bankContext, banks: knownBanks };
  const quotes = take<Map<string, QuoteRecord[]>>('quotes', raw.quotes && readQuotes(raw.quotes, afterBanks), (r) => [...r.values()].reduce((n, q) => n + q.length, 0));
  const accounts = take<AccountRecord[]>('accounts', raw.accounts && readAccounts(raw.accounts, afterBanks), (r) => r.length);
  const holdings = take<HoldingRecord[]>('holdings', raw.holdings && readHoldings(raw.holdings, afterBanks), (r) => r.length);
  if (issues.length) return { ok: false, issues, notes };

  const merged = mergeScenario(base, { ...(history ? { history } : {}), ...(flows ? { flows } : {}), ...(banks ? { banks } : {}), ...(quotes ? { quotes } : {}), ...(accounts ? { accounts } : {}), ...(holdings ? { holdings } : {}) }, { ...request.settings, ...(asOf && !base ? { asOf } : {}) });
  notes.push(...merged.notes);
  if (!merged.ok) return { ok: false, issues: merged.issues, notes };
  const checked = validateScenario(merged.value.scenario);
  if (!checked.ok) {
    const problems = checked.issues.map((i) => importIssue({ file: 'scenario', column: formatPath(i.path) }, 'scenario_invalid', 'scenarioPart', i.received, { limit: i.message, rule: i.rule }));
    return { ok: false, issues: problems, notes };
  }
  const missing = monthsWithoutFlows(checked.value);
  if (missing > 0) notes.push(importIssue({ file: 'scenario', column: 'flows' }, 'flows_incomplete', 'scenarioPart', String(checked.value.horizonMonths - missing), { limit: String(checked.value.horizonMonths) }));
  return { ok: true, value: { scenario: merged.value.scenario, changes: merged.value.changes, tables }, notes };
}

/** Months of the horizon in which some fund type has no expected flow: evaluate and optimize need them all (indexFlows). */
function monthsWithoutFlows(scenario: Scenario): number {
  const have = new Set(scenario.flows.map((f) => `${f.month}/${f.fundType}`));
  let missing = 0;
  for (let k = 0; k < scenario.horizonMonths; k++) {
    const month = addMonthsToKey(scenario.startMonth, k);
    if (scenario.fundTypes.some((f) => !have.has(`${month}/${f}`))) missing += 1;
  }
  return missing;
}
