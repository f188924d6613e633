import { FUND_TYPES, type IsoDate, type MonthKey, addMonthsToKey, daysInMonth, isoDateOf, monthParts, monthsBetween } from '@fundladder/core';
import type { AccountRecord } from './accounts';
import type { BankRecord, QuoteRecord } from './banks';
import type { FlowRecord } from './flows';
import type { HoldingRecord } from './holdings';
import { type ImportIssue, type ImportResult, importIssue } from './importIssue';

/** The parts of a scenario one import brings; each part given replaces that part of the scenario. */
export interface ImportedParts {
  readonly history?: readonly FlowRecord[];
  readonly flows?: readonly FlowRecord[];
  readonly banks?: readonly BankRecord[];
  /** Quotes by bank id: each bank named gets exactly these quotes; other banks keep theirs. */
  readonly quotes?: ReadonlyMap<string, readonly QuoteRecord[]>;
  readonly accounts?: readonly AccountRecord[];
  readonly holdings?: readonly HoldingRecord[];
}

/** Scenario fields an import may set (a new scenario needs them; an existing one keeps its own unless given). */
export interface ScenarioSettings {
  readonly name?: string;
  readonly asOf?: IsoDate;
  readonly horizonMonths?: number;
}

/** What an import changed in one part, counted. */
export interface ImportChange {
  readonly part: 'history' | 'flows' | 'banks' | 'quotes' | 'accounts' | 'holdings' | 'fundTypes' | 'name' | 'asOf' | 'startMonth' | 'horizonMonths';
  readonly before: number | string | null;
  readonly after: number | string;
  /** Names added and removed, when the part is a list of named things. */
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
}

type Json = Record<string, unknown>;
const money = (d: { toFixed(places: number): string }): string => d.toFixed(2);
const fundOrder = (f: string): number => {
  const i = (FUND_TYPES as readonly string[]).indexOf(f);
  return i < 0 ? FUND_TYPES.length : i;
};

function flowsJson(records: readonly FlowRecord[]): Json[] {
  return [...records]
    .sort((a, b) => (a.period === b.period ? fundOrder(a.fundType) - fundOrder(b.fundType) : a.period < b.period ? -1 : 1))
    .map((r) => ({ month: r.period, fundType: r.fundType, inflow: money(r.inflow), outflow: money(r.outflow) }));
}

function quoteJson(q: QuoteRecord): Json {
  return { product: q.product, ...(q.termMonths !== undefined ? { termMonths: q.termMonths } : {}), annualRate: q.annualRate.toFixed(), effectiveFrom: q.effectiveFrom, ...(q.source ? { source: q.source } : {}) };
}

const listOf = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/**
 * The day a scenario's figures are as of, from its history: the last day of the latest month.
 * @example asOfFromHistory([{ period: '2025-11', … }, { period: '2025-12', … }]) //=> '2025-12-31'
 */
export function asOfFromHistory(records: readonly FlowRecord[]): IsoDate | undefined {
  const last = records.map((r) => r.period).filter((p) => p.length === 7).sort().at(-1) as MonthKey | undefined;
  if (!last) return undefined;
  const { year, month } = monthParts(last);
  return isoDateOf(year, month, daysInMonth(year, month));
}

/**
 * Builds a new scenario, or updates an existing one, from imported parts: each part imported replaces that part
 * (history, flows, banks, accounts, holdings; quotes replace only the quotes of the banks they name), the fund
 * types grow by those the parts bring, and everything else is kept as it was. The result is scenario JSON as a
 * file holds it (money as decimal strings to the fen, rates as fractions), to be checked by `validateScenario`.
 * @param base - the existing scenario's JSON, or undefined for a new one
 * @param parts - what was imported
 * @param settings - name, asOf, horizon (a new scenario: asOf defaults to the last day of the history, the horizon to
 *   the months its expected flows cover, else 24)
 * @returns the scenario JSON and what changed, or the parts a new scenario lacks
 */
export function mergeScenario(base: Json | undefined, parts: ImportedParts, settings: ScenarioSettings = {}): ImportResult<{ scenario: Json; changes: ImportChange[] }> {
  const notes: ImportIssue[] = [];
  const changes: ImportChange[] = [];
  const scenario: Json = base ? { ...base } : { schemaVersion: 1 };
  if (!base) {
    const missing = [!parts.banks?.length ? '银行/banks (--banks)' : undefined, !parts.accounts?.length ? '账户/accounts (--accounts)' : undefined].filter((m): m is string => m !== undefined);
    const asOf = settings.asOf ?? asOfFromHistory(parts.history ?? []);
    if (!asOf) missing.push('asOf (--as-of)');
    if (missing.length) return { ok: false, issues: missing.map((m) => importIssue({ file: 'scenario' }, 'missing_part', 'scenarioPart', undefined, { limit: m })), notes };
  }
  const set = (part: ImportChange['part'], value: string | number) => {
    const before = (scenario[part] as string | number | undefined) ?? null;
    if (before !== value) changes.push({ part, before, after: value });
    scenario[part] = value;
  };
  const asOf = settings.asOf ?? (base ? undefined : asOfFromHistory(parts.history ?? []));
  if (asOf) {
    if (!settings.asOf) notes.push(importIssue({ file: 'scenario', column: 'asOf' }, 'default_taken', 'day', undefined, { limit: asOf }));
    set('asOf', asOf);
    const { year, month } = monthParts(asOf.slice(0, 7) as MonthKey);
    set('startMonth', addMonthsToKey(`${year}-${String(month).padStart(2, '0')}` as MonthKey, 1));
  }
  if (settings.name !== undefined) set('name', settings.name);
  else if (!base) {
    set('name', '导入的情景 Imported scenario');
    notes.push(importIssue({ file: 'scenario', column: 'name' }, 'default_taken', 'text', undefined, { limit: scenario.name as string }));
  }
  if (settings.horizonMonths !== undefined) set('horizonMonths', settings.horizonMonths);
  else if (!base) {
    // A new scenario plans over the months its expected flows cover (a budget), else 24 months.
    const start = scenario.startMonth as MonthKey;
    const last = (parts.flows ?? []).map((f) => f.period).filter((p) => p.length === 7 && p >= start).sort().at(-1) as MonthKey | undefined;
    const horizon = last ? monthsBetween(start, last) + 1 : 24;
    set('horizonMonths', horizon);
    notes.push(importIssue({ file: 'scenario', column: 'horizonMonths' }, 'default_taken', 'number', undefined, { limit: String(horizon) }));
  }
  const count = (part: 'history' | 'flows' | 'banks' | 'accounts' | 'holdings', next: Json[], key?: (j: Json) => string) => {
    const previous = listOf(scenario[part]);
    const ids = (list: Json[]) => new Set(list.map((j) => (key ? key(j) : '')));
    const [was, now] = [ids(previous), ids(next)];
    changes.push({ part, before: base ? previous.length : null, after: next.length, ...(key ? { added: [...now].filter((k) => !was.has(k)), removed: [...was].filter((k) => !now.has(k)) } : {}) });
    scenario[part] = next;
  };
  if (parts.history) count('history', flowsJson(parts.history));
  if (parts.flows) count('flows', flowsJson(parts.flows));
  if (parts.banks) {
    const previous = new Map(listOf(scenario.banks).map((b) => [b.id as string, b]));
    count(
      'banks',
      parts.banks.map((b) => ({
        id: b.id,
        name: b.name,
        type: b.type,
        ...(b.rating ? { rating: b.rating } : {}),
        localGeneralDeposits: money(b.localGeneralDeposits),
        status: b.status,
        ...(b.suspendedReason ? { suspendedReason: b.suspendedReason } : {}),
        ...(previous.get(b.id)?.conventions ? { conventions: previous.get(b.id)!.conventions } : {}),
        quotes: b.quotes ? b.quotes.map(quoteJson) : listOf(previous.get(b.id)?.quotes),
      })),
      (j) => `${j.name as string} ${j.id as string}`,
    );
  }
  if (parts.quotes) {
    const banks = listOf(scenario.banks);
    const before = banks.reduce((n, b) => n + listOf(b.quotes).length, 0);
    scenario.banks = banks.map((b) => (parts.quotes!.has(b.id as string) ? { ...b, quotes: parts.quotes!.get(b.id as string)!.map(quoteJson) } : b));
    const after = listOf(scenario.banks).reduce((n, b) => n + listOf(b.quotes).length, 0);
    changes.push({ part: 'quotes', before, after, added: banks.filter((b) => parts.quotes!.has(b.id as string)).map((b) => `${b.name as string} ${b.id as string}`) });
  }
  if (parts.accounts) {
    count(
      'accounts',
      parts.accounts.map((a) => ({
        id: a.id,
        kind: a.kind,
        fundType: a.fundType,
        bankId: a.bankId,
        openingBalance: money(a.openingBalance),
        ...(a.vintage ? { vintage: a.vintage } : {}),
        contractRates: [{ effectiveFrom: a.effectiveFrom, annualRate: a.contractRate.toFixed() }],
        settlement: a.settlement,
      })),
      (j) => j.id as string,
    );
  }
  if (parts.holdings) {
    count(
      'holdings',
      parts.holdings.map((h) => ({
        id: h.id,
        fundType: h.fundType,
        product: h.product,
        ...(h.bankId ? { bankId: h.bankId } : {}),
        principal: money(h.principal),
        annualRate: h.annualRate.toFixed(),
        startDate: h.startDate,
        termMonths: h.termMonths,
        ...(h.couponFrequency !== undefined ? { couponFrequency: h.couponFrequency } : {}),
        ...(h.bondKind ? { bondKind: h.bondKind } : {}),
      })),
      (j) => j.id as string,
    );
  }
  const previousFunds = Array.isArray(scenario.fundTypes) ? (scenario.fundTypes as string[]) : [];
  const brought = [...(parts.history ?? []), ...(parts.flows ?? []), ...(parts.accounts ?? []), ...(parts.holdings ?? [])].map((r) => r.fundType);
  const fundTypes = [...new Set([...previousFunds, ...brought])].sort((a, b) => fundOrder(a) - fundOrder(b));
  const added = fundTypes.filter((f) => !previousFunds.includes(f));
  if (added.length) changes.push({ part: 'fundTypes', before: base ? previousFunds.length : null, after: fundTypes.length, added, removed: [] });
  scenario.fundTypes = fundTypes;
  return { ok: true, value: { scenario: orderKeys(scenario), changes }, notes };
}

const KEY_ORDER = ['schemaVersion', 'name', 'description', 'asOf', 'startMonth', 'horizonMonths', 'fundTypes', 'banks', 'accounts', 'holdings', 'products', 'bondYields', 'policy', 'statutory', 'timing', 'history', 'flows'];

/** Keys in the order the sample scenario has them, so a diff of an updated file stays small. */
function orderKeys(scenario: Json): Json {
  const out: Json = {};
  for (const key of KEY_ORDER) if (key in scenario) out[key] = scenario[key];
  for (const key of Object.keys(scenario)) if (!(key in out)) out[key] = scenario[key];
  return out;
}
