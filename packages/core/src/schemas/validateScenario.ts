import type { DomainIssue, Result } from '../issues';
import { type Scenario, scenarioSchema } from './scenario';
import { parseInput } from './zodIssues';
import { TERM_DEPOSIT_KINDS } from './enums';
import { monthOrdinal } from '../dates/monthKey';
import { money } from '../rules/types';
import { checkTender } from '../tender/checkTender';

function duplicates<T>(items: readonly T[], key: (t: T) => string, path: string, rule: string): DomainIssue[] {
  const seen = new Map<string, number>();
  const out: DomainIssue[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) {
      out.push({ code: 'duplicate', path: [path, i], rule, message: `duplicate of ${path}[${first}]`, received: k });
    } else seen.set(k, i);
  });
  return out;
}

/**
 * Cross-reference checks that a schema cannot express: ids unique, every bank and fund type named
 * exists, one settlement account per fund type, term deposits name a bank, no savings bonds.
 */
export function checkScenarioReferences(s: Scenario): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const bankIds = new Set(s.banks.map((b) => b.id));
  const fundTypes = new Set(s.fundTypes);
  issues.push(...duplicates(s.banks, (b) => b.id, 'banks', 'uniqueId'));
  issues.push(...duplicates(s.accounts, (a) => a.id, 'accounts', 'uniqueId'));
  issues.push(...duplicates(s.holdings, (h) => h.id, 'holdings', 'uniqueId'));
  issues.push(...duplicates(s.fundTypes, (f) => f, 'fundTypes', 'uniqueId'));

  s.accounts.forEach((a, i) => {
    if (!bankIds.has(a.bankId)) issues.push({ code: 'unknown_reference', path: ['accounts', i, 'bankId'], rule: 'knownBank', message: 'no bank with this id in banks', received: a.bankId });
    if (!fundTypes.has(a.fundType)) issues.push({ code: 'unknown_reference', path: ['accounts', i, 'fundType'], rule: 'knownFundType', message: 'fund type not listed in fundTypes', received: a.fundType });
    if (a.agreed && a.agreed.baseAmount.lt(s.products.agreedDeposit.minimumBase)) {
      issues.push({ code: 'below_minimum', path: ['accounts', i, 'agreed', 'baseAmount'], rule: 'agreedDepositMinimumBase', message: 'the agreed-deposit base is below the minimum', received: money(a.agreed.baseAmount), limit: money(s.products.agreedDeposit.minimumBase) });
    }
  });
  for (const ft of s.fundTypes) {
    const flagged = s.accounts.map((a, i) => ({ a, i })).filter(({ a }) => a.fundType === ft && a.settlement);
    if (flagged.length > 1) {
      for (const { i } of flagged.slice(1)) issues.push({ code: 'duplicate', path: ['accounts', i, 'settlement'], rule: 'oneSettlementAccount', message: `fund type ${ft} has more than one settlement account`, received: 'true', fundType: ft });
    }
    if (!s.accounts.some((a) => a.fundType === ft)) {
      issues.push({ code: 'missing', path: ['accounts'], rule: 'accountPerFundType', message: `fund type ${ft} has no account`, received: ft, fundType: ft });
    }
  }
  s.holdings.forEach((h, i) => {
    if (!fundTypes.has(h.fundType)) issues.push({ code: 'unknown_reference', path: ['holdings', i, 'fundType'], rule: 'knownFundType', message: 'fund type not listed in fundTypes', received: h.fundType });
    if (h.product === 'govBond') {
      if (h.bondKind === 'savings') issues.push({ code: 'forbidden', path: ['holdings', i, 'bondKind'], rule: 'noSavingsBonds', message: 'institutions may not hold savings bonds (储蓄国债), only book-entry bonds [R44]', received: 'savings' });
    } else if (!h.bankId) {
      issues.push({ code: 'missing', path: ['holdings', i, 'bankId'], rule: 'depositAtBank', message: 'a deposit must name its bank', received: 'nothing' });
    } else if (!bankIds.has(h.bankId)) {
      issues.push({ code: 'unknown_reference', path: ['holdings', i, 'bankId'], rule: 'knownBank', message: 'no bank with this id in banks', received: h.bankId });
    }
  });
  s.banks.forEach((b, i) => {
    b.quotes.forEach((q, j) => {
      if ((TERM_DEPOSIT_KINDS.includes(q.product) || q.product === 'govBond') && q.termMonths === undefined) {
        issues.push({ code: 'missing', path: ['banks', i, 'quotes', j, 'termMonths'], rule: 'quoteTerm', message: `a ${q.product} quote needs its term`, received: 'nothing' });
      }
    });
  });
  for (const key of ['history', 'flows'] as const) {
    s[key].forEach((f, i) => {
      if (!fundTypes.has(f.fundType)) issues.push({ code: 'unknown_reference', path: [key, i, 'fundType'], rule: 'knownFundType', message: 'fund type not listed in fundTypes', received: f.fundType });
    });
    issues.push(...duplicates(s[key], (f) => `${f.month}/${f.fundType}`, key, 'oneRowPerMonthAndFund'));
  }
  const start = monthOrdinal(s.startMonth);
  s.flows.forEach((f, i) => {
    const o = monthOrdinal(f.month);
    if (o < start || o >= start + s.horizonMonths) {
      issues.push({ code: 'out_of_range', path: ['flows', i, 'month'], rule: 'flowInHorizon', message: 'flow month outside startMonth + horizonMonths', received: f.month });
    }
  });
  issues.push(...checkTender(s));
  return issues;
}

/**
 * Parses and checks a scenario file's JSON. Never throws: returns the scenario, or every issue with
 * its JSON path, rule and the value received. An unknown key anywhere is an error that names the nearest
 * known key (a misspelt `reserv` would otherwise be dropped and the 2-month default apply silently).
 * @example validateScenario({}).ok //=> false
 */
export function validateScenario(json: unknown): Result<Scenario> {
  const parsed = parseInput(scenarioSchema, json);
  if (!parsed.ok) return parsed;
  const issues = checkScenarioReferences(parsed.value);
  return issues.length ? { ok: false, issues } : parsed;
}
