import { type Decimal, ZERO, sum } from '../money/decimal';
import { LEDGER_ROUNDING, type RoundingRule } from '../money/rounding';
import { type IsoDate, addDays, compareDates, dateParts, isLeapYear, isoDateOf } from '../dates/isoDate';
import type { DomainIssue } from '../issues';
import type { AccountKind, FundType, Vintage } from '../schemas/enums';
import type { Scenario } from '../schemas/scenario';
import { type StatutoryRateRule, defaultVintage, statutoryDemandRate } from '../rules/statutoryDemandRate';
import { rateChangesWithin, rateOn } from '../interest/rateOn';
import { interestPeriodDays } from './interestPeriodDays';
import { interestOnBalanceDays } from './interestOnBalanceDays';
import { claimedDemandRate } from './claimedDemandRate';
import { statutoryReference } from './statutoryReference';

/** One line of a bank's interest statement (计息清单), as read from the bank's file: amounts in yuan, rates as fractions. */
export interface StatementLine {
  /** The scenario's account id. */
  readonly account: string;
  /** The first day counted (起息日). */
  readonly firstDay: IsoDate;
  /** The last day counted (结息日/止息日): both ends are in the period ({@link interestPeriodDays}). */
  readonly lastDay: IsoDate;
  /** The balance held every day of the period, when the bank prints a balance instead of (or beside) the 积数. */
  readonly balance?: Decimal;
  /** 积数: the sum of end-of-day balances over the period (yuan-days). */
  readonly balanceDays?: Decimal;
  /** The rate the bank printed on the line. */
  readonly annualRate?: Decimal;
  /** The interest the bank paid for the period. */
  readonly interestPaid: Decimal;
}

/** A part of a line's period at one rate. `lastDay` is counted. */
export interface AuditSegment {
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  readonly balanceDays: Decimal;
  readonly contractRate: Decimal;
  /** The higher of the contract rate and the confirmed statutory floors. */
  readonly claimedRate: Decimal;
  readonly claimedRule: string;
  readonly yearDays: 360 | 365 | 366;
}

/** Something about a line besides the difference, as facts (worded by the application layer's catalogue). */
export type AuditNote =
  /** The rate printed on the statement is not the contract rate in force. */
  | { readonly kind: 'statedRateDiffers'; readonly statedRate: Decimal; readonly contractRate: Decimal }
  /** The bank's own arithmetic: 积数 × its printed rate / the year does not give what it paid. */
  | { readonly kind: 'bankArithmetic'; readonly statedInterest: Decimal; readonly interestPaid: Decimal }
  /** Balance × days is not the 积数 printed beside it; the 积数 was used unless the period had to be split. */
  | { readonly kind: 'balanceDaysDiffer'; readonly printed: Decimal; readonly fromBalance: Decimal; readonly used: 'printed' | 'fromBalance' }
  /** The contract rate is below the statutory floor (the claim is the floor). */
  | { readonly kind: 'contractBelowStatutory'; readonly contractRate: Decimal; readonly statutoryRate: Decimal; readonly rule: string }
  /** An unconfirmed statutory rule would give more; shown, not claimed. */
  | { readonly kind: 'unconfirmedRuleAbove'; readonly rule: string; readonly annualRate: Decimal; readonly interest: Decimal };

/** One statement line recomputed. Money in yuan to the fen; `difference` > 0 means the bank owes the fund. */
export interface AuditedLine {
  readonly index: number;
  readonly account: string;
  readonly bankId: string;
  readonly fundType: FundType;
  readonly accountKind: AccountKind;
  readonly vintage?: Vintage;
  readonly firstDay: IsoDate;
  readonly lastDay: IsoDate;
  readonly days: number;
  readonly balanceDays: Decimal;
  readonly statedRate?: Decimal;
  /** Which table the statutory rules were read against (docs/domain.md §2.2). */
  readonly reading: 'benchmark' | 'listed';
  /** The statutory rule that governs among all that apply (confirmed or not). */
  readonly statutory: StatutoryRateRule;
  /** The rule the claim rests on: `contractRate`, or the statutory rule where it is higher. */
  readonly rule: string;
  readonly segments: readonly AuditSegment[];
  /** The claimed interest as written on paper: `积数 × rate / 360 [+ …]`. */
  readonly formula: string;
  /** At the contract rate(s), rounded once. */
  readonly contractInterest: Decimal;
  /** At the claimed rate(s), rounded once: what the bank owes for the period. */
  readonly owedInterest: Decimal;
  readonly interestPaid: Decimal;
  /** owed − paid: the amount owed to the fund (negative: paid too much). */
  readonly difference: Decimal;
  /** contract − paid: the part that is a breach of the contract itself. */
  readonly contractDifference: Decimal;
  readonly outcome: 'match' | 'underpaid' | 'overpaid';
  readonly notes: readonly AuditNote[];
}

/** A whole statement recomputed. */
export interface StatementAudit {
  readonly lines: readonly AuditedLine[];
  readonly totals: {
    readonly interestPaid: Decimal;
    readonly owedInterest: Decimal;
    /** Σ difference: net amount owed to the fund. */
    readonly difference: Decimal;
    /** Σ of the positive differences: what the bank under-paid. */
    readonly underpaid: Decimal;
    /** Σ of the negative differences, as a positive amount: what the bank over-paid. */
    readonly overpaid: Decimal;
  };
  /** The rounding rule's name (applied once per line and figure). */
  readonly rounding: string;
}

const issue = (index: number, field: string, code: string, rule: string, message: string, extra: Partial<DomainIssue> = {}): DomainIssue => ({ code, path: ['statement', index, field], rule, message, ...extra });

function yearDaysOf(basis: Scenario['banks'][number]['conventions']['dayBasis'], day: IsoDate): 360 | 365 | 366 {
  if (basis === 'thirty360') return 360;
  if (basis === 'actual365') return 365;
  return isLeapYear(dateParts(day).year) ? 366 : 365;
}

/** Cut points inside [firstDay, end): the contract's rate changes (segmented banks) and, for actual/actual, each 1 January. */
function cutsWithin(firstDay: IsoDate, end: IsoDate, changes: readonly IsoDate[], basis: string): IsoDate[] {
  const cuts = new Set<string>(changes);
  if (basis === 'actualActual') for (let y = dateParts(firstDay).year + 1; y <= dateParts(end).year; y++) if (compareDates(isoDateOf(y, 1, 1), end) < 0) cuts.add(isoDateOf(y, 1, 1));
  return [...cuts].map((c) => c as IsoDate).sort(compareDates);
}

/**
 * Recomputes a bank's demand-interest statement (利息复核) line by line: for each line, the 积数 (printed, or balance ×
 * days), the contract rate in force (split at a rate change for a bank that segments, the settlement day's rate for one
 * that does not, docs/domain.md §5.2), the statutory floors for the account's fund type, kind and vintage read on the
 * scenario's `statutory.reading` (§2.1, §2.2) as on the settlement day, and the interest owed at the higher of the two, rounded once to the fen
 * with {@link LEDGER_ROUNDING} (§5.1 F5). Every difference from what the bank paid is listed with the rule applied.
 *
 * Lines that cannot be recomputed are issues naming the line's field (an account the scenario does not have, no
 * contract rate in force, a rate change inside a period given only as a 积数); the other lines are still audited.
 *
 * @param scenario - the validated scenario: accounts (kind, fund type, vintage, contract rates), banks (conventions,
 *   quotes for the `listed` reading) and the statutory block
 * @param lines - the statement's lines
 * @param rounding - the posting rounding (default `LEDGER_ROUNDING`: to the 厘, then half up to the 分)
 * @returns the audited lines and totals, and the issues of the lines left out
 * @example auditInterestStatement(s, [{ account: 'wi-fiscal', firstDay: '2025-03-21', lastDay: '2025-06-20', balance: dec(100000000), interestPaid: dec('88472.22') }]).audit.lines[0].difference.toFixed(2) //=> '972.22' (one day at 0.35%)
 * @see docs/domain.md §2.1, §2.2, §4.1, §5.1 F1, F2, F5, §5.2
 */
export function auditInterestStatement(scenario: Scenario, lines: readonly StatementLine[], rounding: RoundingRule = LEDGER_ROUNDING): { audit: StatementAudit; issues: DomainIssue[] } {
  const issues: DomainIssue[] = [];
  const audited: AuditedLine[] = [];
  lines.forEach((line, index) => {
    const result = auditLine(scenario, line, index, rounding);
    if ('issues' in result) issues.push(...result.issues);
    else audited.push(result.line);
  });
  const differences = audited.map((l) => l.difference);
  return {
    audit: {
      lines: audited,
      totals: {
        interestPaid: sum(audited.map((l) => l.interestPaid)),
        owedInterest: sum(audited.map((l) => l.owedInterest)),
        difference: sum(differences),
        underpaid: sum(differences.filter((d) => d.gt(0))),
        overpaid: sum(differences.filter((d) => d.lt(0))).abs(),
      },
      rounding: rounding.name,
    },
    issues,
  };
}

function auditLine(scenario: Scenario, line: StatementLine, index: number, rounding: RoundingRule): { line: AuditedLine } | { issues: DomainIssue[] } {
  const account = scenario.accounts.find((a) => a.id === line.account);
  if (!account) {
    return { issues: [issue(index, 'account', 'unknown_reference', 'knownAccount', `the scenario has no account ${line.account}; known: ${scenario.accounts.map((a) => a.id).join(', ')}`, { received: line.account, limit: scenario.accounts.map((a) => a.id).join(', ') })] };
  }
  const days = interestPeriodDays(line.firstDay, line.lastDay);
  if (days < 1) return { issues: [issue(index, 'lastDay', 'out_of_range', 'interestPeriodOrder', `the last day ${line.lastDay} is before the first day ${line.firstDay}`, { received: line.lastDay, limit: line.firstDay })] };
  if (line.balance === undefined && line.balanceDays === undefined) return { issues: [issue(index, 'balanceDays', 'missing', 'balanceOrBalanceDays', 'a line needs the balance or the 积数 (balance-days)')] };
  const bank = scenario.banks.find((b) => b.id === account.bankId)!;
  const { dayBasis, rateChangeMethod } = bank.conventions;
  const end = addDays(line.lastDay, 1);
  const changes = rateChangeMethod === 'segmented' ? rateChangesWithin(account.contractRates, line.firstDay, end) : [];
  const cuts = cutsWithin(line.firstDay, end, changes, dayBasis);
  const notes: AuditNote[] = [];
  const fromBalance = line.balance?.times(days);
  let spans: Array<{ firstDay: IsoDate; lastDay: IsoDate; balanceDays: Decimal }>;
  if (cuts.length === 0) {
    const printed = line.balanceDays ?? fromBalance!;
    if (line.balanceDays && fromBalance && !fromBalance.eq(line.balanceDays)) notes.push({ kind: 'balanceDaysDiffer', printed: line.balanceDays, fromBalance, used: 'printed' });
    spans = [{ firstDay: line.firstDay, lastDay: line.lastDay, balanceDays: printed }];
  } else if (line.balance === undefined) {
    const why = changes.length ? `the contract rate changes on ${changes.join(', ')} and the bank splits the period there (segmented)` : 'the period crosses a year end and the bank counts actual/actual';
    return { issues: [issue(index, 'balance', 'needs_balance', changes.length ? 'segmentedNeedsBalance' : 'actualActualNeedsBalance', `${why}: a 积数 for the whole period cannot be split; give the daily balance, or one line per part`, { received: line.balanceDays!.toFixed(), limit: cuts.join(', ') })] };
  } else {
    if (line.balanceDays && !fromBalance!.eq(line.balanceDays)) notes.push({ kind: 'balanceDaysDiffer', printed: line.balanceDays, fromBalance: fromBalance!, used: 'fromBalance' });
    const bounds = [line.firstDay, ...cuts, end];
    spans = bounds.slice(0, -1).map((from, k) => ({ firstDay: from, lastDay: addDays(bounds[k + 1]!, -1), balanceDays: line.balance!.times(interestPeriodDays(from, addDays(bounds[k + 1]!, -1))) }));
  }
  const vintage = account.vintage ?? defaultVintage(account.kind);
  const statutory = statutoryDemandRate({ fundType: account.fundType, accountKind: account.kind, vintage, reference: statutoryReference(scenario, account.bankId, line.lastDay) });
  const segments: AuditSegment[] = [];
  for (const span of spans) {
    const contractRate = rateOn(account.contractRates, rateChangeMethod === 'segmented' ? span.firstDay : line.lastDay);
    if (contractRate === undefined) {
      return { issues: [issue(index, 'firstDay', 'missing_rate', 'statementRateInForce', `account ${account.id} has no contract rate in force on ${span.firstDay}`, { received: span.firstDay, subject: account.id, bankId: account.bankId, fundType: account.fundType })] };
    }
    const claimed = claimedDemandRate({ contractRate, statutory: statutory.applicable });
    segments.push({ ...span, contractRate, claimedRate: claimed.annualRate, claimedRule: claimed.rule, yearDays: yearDaysOf(dayBasis, span.firstDay) });
  }
  const at = (rate: (s: AuditSegment) => Decimal) => rounding.apply(sum(segments.map((s) => interestOnBalanceDays({ balanceDays: s.balanceDays, annualRate: rate(s), yearDays: s.yearDays }).interest)));
  const contractInterest = at((s) => s.contractRate);
  const owedInterest = at((s) => s.claimedRate);
  const difference = owedInterest.minus(line.interestPaid);
  const statutoryRule = statutory.governing;
  const byStatute = segments.find((s) => s.claimedRule !== 'contractRate');
  if (byStatute) notes.push({ kind: 'contractBelowStatutory', contractRate: byStatute.contractRate, statutoryRate: byStatute.claimedRate, rule: byStatute.claimedRule });
  // Above the claim in any part of the period (a contract rate that drops below an unconfirmed floor mid-period).
  const unconfirmed = segments.map((s) => claimedDemandRate({ contractRate: s.claimedRate, statutory: statutory.applicable }).unconfirmed).find((u) => u !== undefined);
  if (unconfirmed) {
    const interest = at((s) => (unconfirmed.annualRate.gt(s.claimedRate) ? unconfirmed.annualRate : s.claimedRate));
    notes.push({ kind: 'unconfirmedRuleAbove', rule: unconfirmed.rule, annualRate: unconfirmed.annualRate, interest });
  }
  if (line.annualRate !== undefined) {
    if (segments.some((s) => !s.contractRate.eq(line.annualRate!))) notes.push({ kind: 'statedRateDiffers', statedRate: line.annualRate, contractRate: segments[0]!.contractRate });
    const stated = rounding.apply(sum(segments.map((s) => interestOnBalanceDays({ balanceDays: s.balanceDays, annualRate: line.annualRate!, yearDays: s.yearDays }).interest)));
    if (!stated.eq(line.interestPaid)) notes.push({ kind: 'bankArithmetic', statedInterest: stated, interestPaid: line.interestPaid });
  }
  return {
    line: {
      index,
      account: account.id,
      bankId: account.bankId,
      fundType: account.fundType,
      accountKind: account.kind,
      ...(account.vintage ? { vintage: account.vintage } : {}),
      firstDay: line.firstDay,
      lastDay: line.lastDay,
      days,
      balanceDays: sum(segments.map((s) => s.balanceDays)),
      ...(line.annualRate !== undefined ? { statedRate: line.annualRate } : {}),
      reading: scenario.statutory.reading,
      statutory: statutoryRule,
      rule: byStatute ? byStatute.claimedRule : 'contractRate',
      segments,
      formula: segments.map((s) => interestOnBalanceDays({ balanceDays: s.balanceDays, annualRate: s.claimedRate, yearDays: s.yearDays }).formula).join(' + '),
      contractInterest,
      owedInterest,
      interestPaid: line.interestPaid,
      difference,
      contractDifference: contractInterest.minus(line.interestPaid),
      outcome: difference.isZero() ? 'match' : difference.gt(ZERO) ? 'underpaid' : 'overpaid',
      notes,
    },
  };
}
