// 利息复核 rules, each checked on a worked example computed by hand in the comment (来源: docs/domain.md §2.1 statutory
// floors, §2.2 contract rates, §4.1 quarterly settlement on the 20th, §5.1 F1/F2/F5, §5.2 rate changes, §5.3 E1,
// §6.1 the 2015 benchmark).
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { isoDate } from '../dates/isoDate';
import { type ScenarioInput, scenarioSchema } from '../schemas/scenario';
import { statutoryDemandRate } from '../rules/statutoryDemandRate';
import { BENCHMARK_2015 } from '../schemas/scenario';
import { interestPeriodDays } from './interestPeriodDays';
import { interestOnBalanceDays } from './interestOnBalanceDays';
import { claimedDemandRate } from './claimedDemandRate';
import { statutoryReference } from './statutoryReference';
import { type StatementLine, auditInterestStatement } from './auditInterestStatement';

const benchmark = scenarioSchema.shape.statutory.parse(undefined).benchmark;

/** One bank (BOC-like: segmented, 30/360 unless told) and one account per case; the statutory block at its defaults (benchmark reading). */
function scenario(accounts: ScenarioInput['accounts'], bank: Partial<ScenarioInput['banks'][number]> = {}, statutory?: ScenarioInput['statutory']) {
  return scenarioSchema.parse({
    schemaVersion: 1,
    name: 'audit',
    asOf: '2025-06-30',
    startMonth: '2025-07',
    horizonMonths: 1,
    fundTypes: [...new Set(accounts.map((a) => a.fundType))],
    banks: [{ id: 'boc', name: '中国银行示例县支行', type: 'stateOwned', localGeneralDeposits: '10000000000', status: 'eligible', quotes: [{ product: 'timeDeposit', termMonths: 3, annualRate: '0.0065', effectiveFrom: '2025-05-20' }], ...bank }],
    accounts,
    ...(statutory ? { statutory } : {}),
  });
}
const account = (id: string, fundType: string, kind: string, rates: Array<[string, string]>) => ({ id, kind, fundType, bankId: 'boc', openingBalance: '0', contractRates: rates.map(([effectiveFrom, annualRate]) => ({ effectiveFrom, annualRate })) }) as ScenarioInput['accounts'][number];
const line = (l: Omit<StatementLine, 'firstDay' | 'lastDay'> & { firstDay?: string; lastDay?: string }): StatementLine => ({ ...l, firstDay: isoDate(l.firstDay ?? '2025-03-21'), lastDay: isoDate(l.lastDay ?? '2025-06-20') });

describe('interestPeriodDays: both the first and the settlement day are counted', () => {
  it('21 March to 20 June is 92 days (E1: 11 + 30 + 31 + 20)', () => {
    expect(interestPeriodDays(isoDate('2025-03-21'), isoDate('2025-06-20'))).toBe(92);
    expect(interestPeriodDays(isoDate('2025-06-20'), isoDate('2025-06-20'))).toBe(1);
  });
});

describe('interestOnBalanceDays (F2)', () => {
  it('E1: 1,022,000,000 × 1.10% / 360 = 31,227.777…', () => {
    const r = interestOnBalanceDays({ balanceDays: dec('1022000000'), annualRate: dec('0.011'), yearDays: 360 });
    expect(r.interest.toFixed(6)).toBe('31227.777778');
    expect(r.formula).toBe('1022000000 × 1.10% / 360');
  });
});

describe('claimedDemandRate: the higher of the contract and the confirmed statutory floors', () => {
  const pension = statutoryDemandRate({ fundType: 'employeePension', accountKind: 'fiscalSpecial', reference: benchmark });
  it('pension money at 0.65% by contract is owed the 3-month benchmark 1.10% (银发〔1997〕567号 [R3])', () => {
    const c = claimedDemandRate({ contractRate: dec('0.0065'), statutory: pension.applicable });
    expect([c.annualRate.toString(), c.rule, c.unconfirmed]).toEqual(['0.011', 'pensionDemandAtThreeMonth', undefined]);
  });
  it('a contract above the floor governs: 1.35% > 1.10%', () => {
    expect(claimedDemandRate({ contractRate: dec('0.0135'), statutory: pension.applicable }).rule).toBe('contractRate');
  });
  it('an unconfirmed floor is shown, not claimed: an unemployment 支出户 at 0.35% (unit demand, U) has the agency-account 1.10% (U) above it', () => {
    const rules = statutoryDemandRate({ fundType: 'unemployment', accountKind: 'expenditure', reference: benchmark });
    const c = claimedDemandRate({ contractRate: dec('0.0035'), statutory: rules.applicable });
    expect([c.annualRate.toString(), c.rule, c.unconfirmed?.rule, c.unconfirmed?.annualRate.toString()]).toEqual(['0.0035', 'contractRate', 'agencyAccountsThreeMonthBenchmark', '0.011']);
  });
});

describe('statutoryReference: benchmark or listed (docs/domain.md §2.2)', () => {
  it('reads the 3-month rate as the 2015 benchmark 1.10% by default, as the bank’s listed 0.65% on request', () => {
    const accounts = [account('ep', 'employeePension', 'fiscalSpecial', [['2025-01-01', '0.0065']])];
    expect(statutoryReference(scenario(accounts), 'boc', isoDate('2025-06-20')).time3m.toString()).toBe(BENCHMARK_2015.time3m);
    expect(statutoryReference(scenario(accounts, {}, { reading: 'listed' }), 'boc', isoDate('2025-06-20')).time3m.toString()).toBe('0.0065');
  });
});

describe('auditInterestStatement: planted under-payments are found to the fen', () => {
  it('one day short on 1亿 of work-injury demand money at 0.35%: 972.22 owed', () => {
    // 1亿 = 100,000,000 held 2025-03-21…06-20 = 92 days; unit-deposit rules (银货政〔1999〕131号 [R5]) give the unit
    // demand rate, 0.35% on the benchmark, and the contract says 0.35%.
    // Owed: 100,000,000 × 92 × 0.35% / 360 = 32,200,000 / 360 = 89,444.444… → 89,444.44.
    // The bank counted 91 days: 100,000,000 × 91 × 0.35% / 360 = 31,850,000 / 360 = 88,472.222… → 88,472.22.
    // Difference 89,444.44 − 88,472.22 = 972.22 = one day's interest (350,000 / 360 = 972.222…).
    const s = scenario([account('wi-fiscal', 'workInjury', 'fiscalSpecial', [['2025-01-01', '0.0035']])]);
    const { audit, issues } = auditInterestStatement(s, [line({ account: 'wi-fiscal', balance: dec('100000000'), interestPaid: dec('88472.22') })]);
    expect(issues).toEqual([]);
    const l = audit.lines[0]!;
    expect([l.days, l.balanceDays.toFixed(), l.owedInterest.toFixed(2), l.difference.toFixed(2), l.outcome, l.rule, l.statutory.rule]).toEqual([92, '9200000000', '89444.44', '972.22', 'underpaid', 'contractRate', 'unitDepositRules']);
    expect(l.formula).toBe('9200000000 × 0.35% / 360');
    expect(audit.totals.underpaid.toFixed(2)).toBe('972.22');
  });

  it('one day short on 1亿 of employee-pension money at 1.10%: 3,055.55 owed (two postings each rounded to the fen)', () => {
    // Owed: 100,000,000 × 92 × 1.10% / 360 = 101,200,000 / 360 = 281,111.111… → 281,111.11.
    // Paid for 91 days: 100,100,000 / 360 = 278,055.555… → 278,055.56. Difference 3,055.55 (one day alone is 3,055.56:
    // the two rounded postings differ by a fen from the rounded day).
    const s = scenario([account('ep-fiscal', 'employeePension', 'fiscalSpecial', [['2025-01-01', '0.011']])]);
    const { audit } = auditInterestStatement(s, [line({ account: 'ep-fiscal', balanceDays: dec('9200000000'), annualRate: dec('0.011'), interestPaid: dec('278055.56') })]);
    const l = audit.lines[0]!;
    expect([l.owedInterest.toFixed(2), l.difference.toFixed(2), l.contractDifference.toFixed(2)]).toEqual(['281111.11', '3055.55', '3055.55']);
    // The bank's own rate and 积数 do not give what it paid either: 9,200,000,000 × 1.10% / 360 = 281,111.11 ≠ 278,055.56.
    expect(l.notes).toEqual([{ kind: 'bankArithmetic', statedInterest: dec('281111.11'), interestPaid: dec('278055.56') }]);
  });

  it('a contract below the statutory floor: paid right by the contract, still 12,775.00 short of the law (E1 积数)', () => {
    // E1's 积数 1,022,000,000 on a pension 财政专户 contracted at 0.65%. By the contract: × 0.65% / 360 = 18,452.777… →
    // 18,452.78, which the bank paid. The floor is the 3-month benchmark 1.10% [R3]: × 1.10% / 360 = 31,227.78.
    // Owed to the fund: 31,227.78 − 18,452.78 = 12,775.00, none of it a breach of the contract.
    const s = scenario([account('ep-fiscal', 'employeePension', 'fiscalSpecial', [['2025-01-01', '0.0065']])]);
    const { audit } = auditInterestStatement(s, [line({ account: 'ep-fiscal', balanceDays: dec('1022000000'), annualRate: dec('0.0065'), interestPaid: dec('18452.78') })]);
    const l = audit.lines[0]!;
    expect([l.contractInterest.toFixed(2), l.owedInterest.toFixed(2), l.difference.toFixed(2), l.contractDifference.toFixed(2), l.rule]).toEqual(['18452.78', '31227.78', '12775.00', '0.00', 'pensionDemandAtThreeMonth']);
    expect(l.notes).toEqual([{ kind: 'contractBelowStatutory', contractRate: dec('0.0065'), statutoryRate: dec('0.011'), rule: 'pensionDemandAtThreeMonth' }]);
  });

  it('under the listed reading the same line is paid in full (the floor is the bank’s own 3-month rate, 0.65%)', () => {
    const s = scenario([account('ep-fiscal', 'employeePension', 'fiscalSpecial', [['2025-01-01', '0.0065']])], {}, { reading: 'listed' });
    const l = auditInterestStatement(s, [line({ account: 'ep-fiscal', balanceDays: dec('1022000000'), interestPaid: dec('18452.78') })]).audit.lines[0]!;
    expect([l.outcome, l.difference.toFixed(2), l.reading]).toEqual(['match', '0.00', 'listed']);
  });

  it('a rate cut inside the period: split at the change by a segmenting bank, the settlement day’s rate for the other', () => {
    // Unemployment money (no confirmed rule: the contract governs), 10,000,000 held 2025-03-21…06-20, contract 0.35%
    // until 2025-05-19 and 0.05% from 2025-05-20.
    // Segmented (BOC [R33]): 03-21…05-19 = 11 + 30 + 19 = 60 days, 05-20…06-20 = 12 + 20 = 32 days:
    //   10,000,000 × 60 × 0.35% / 360 = 5,833.333… ; 10,000,000 × 32 × 0.05% / 360 = 444.444… ; sum 6,277.777… → 6,277.78.
    // Settlement-date rate (CIB [R34]): 10,000,000 × 92 × 0.05% / 360 = 1,277.777… → 1,277.78.
    const rates: Array<[string, string]> = [['2025-01-01', '0.0035'], ['2025-05-20', '0.0005']];
    const segmented = scenario([account('un-fiscal', 'unemployment', 'fiscalSpecial', rates)]);
    const a = auditInterestStatement(segmented, [line({ account: 'un-fiscal', balance: dec('10000000'), interestPaid: dec('1277.78') })]).audit.lines[0]!;
    expect(a.segments.map((s) => [s.firstDay, s.lastDay, s.balanceDays.toFixed(), s.contractRate.toString()])).toEqual([['2025-03-21', '2025-05-19', '600000000', '0.0035'], ['2025-05-20', '2025-06-20', '320000000', '0.0005']]);
    expect([a.owedInterest.toFixed(2), a.difference.toFixed(2)]).toEqual(['6277.78', '5000.00']);
    // The unit demand rate (0.35%, unconfirmed for unemployment) is above the 0.05% part: shown, not claimed.
    // At 0.35% throughout: 10,000,000 × 92 × 0.35% / 360 = 8,944.444… → 8,944.44.
    expect(a.notes.find((n) => n.kind === 'unconfirmedRuleAbove')).toEqual({ kind: 'unconfirmedRuleAbove', rule: 'unitDemand', annualRate: dec('0.0035'), interest: dec('8944.44') });
    const settlementDate = scenario([account('un-fiscal', 'unemployment', 'fiscalSpecial', rates)], { conventions: { dayBasis: 'thirty360', rateChangeMethod: 'settlementDateRate' } });
    const b = auditInterestStatement(settlementDate, [line({ account: 'un-fiscal', balance: dec('10000000'), interestPaid: dec('1277.78') })]).audit.lines[0]!;
    expect([b.owedInterest.toFixed(2), b.outcome]).toEqual(['1277.78', 'match']);
  });

  it('an overpayment is listed too, as a negative difference', () => {
    // 10,000,000 × 92 × 0.35% / 360 = 8,944.44 owed on work-injury money; the bank paid 9,000.00: over by 55.56.
    const s = scenario([account('wi', 'workInjury', 'fiscalSpecial', [['2025-01-01', '0.0035']])]);
    const { audit } = auditInterestStatement(s, [line({ account: 'wi', balance: dec('10000000'), interestPaid: dec('9000.00') })]);
    expect([audit.lines[0]!.outcome, audit.lines[0]!.difference.toFixed(2), audit.totals.overpaid.toFixed(2), audit.totals.underpaid.toFixed(2)]).toEqual(['overpaid', '-55.56', '55.56', '0.00']);
  });
});

describe('auditInterestStatement: lines it cannot recompute are named, the others still audited', () => {
  it('an unknown account, a 积数 that a rate change would have to split, a period that ends before it starts, no balance at all', () => {
    const s = scenario([account('un', 'unemployment', 'fiscalSpecial', [['2025-01-01', '0.0035'], ['2025-05-20', '0.0005']]), account('wi', 'workInjury', 'fiscalSpecial', [['2025-01-01', '0.0035']])]);
    const { audit, issues } = auditInterestStatement(s, [
      line({ account: 'nosuch', balance: dec('1'), interestPaid: dec('0') }),
      line({ account: 'un', balanceDays: dec('920000000'), interestPaid: dec('1277.78') }),
      line({ account: 'wi', lastDay: '2025-03-01', balance: dec('1'), interestPaid: dec('0') }),
      line({ account: 'wi', interestPaid: dec('0') }),
      line({ account: 'wi', balance: dec('10000000'), interestPaid: dec('8944.44') }),
    ]);
    expect(issues.map((i) => [i.path.join('.'), i.code, i.rule])).toEqual([
      ['statement.0.account', 'unknown_reference', 'knownAccount'],
      ['statement.1.balance', 'needs_balance', 'segmentedNeedsBalance'],
      ['statement.2.lastDay', 'out_of_range', 'interestPeriodOrder'],
      ['statement.3.balanceDays', 'missing', 'balanceOrBalanceDays'],
    ]);
    expect(issues[1]!.limit).toBe('2025-05-20');
    expect(audit.lines.map((l) => [l.index, l.outcome])).toEqual([[4, 'match']]);
  });
});
