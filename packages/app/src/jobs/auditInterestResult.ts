// The interest audit's result as it travels (docs/audit.md): zod and the wire codecs only, so that the web app checks a
// result with these very schemas through `@fundladder/app/wire` without loading the job (auditInterest.ts).
import { z } from 'zod';
import { DAY_BASES } from '@fundladder/core';
import { domainIssue, exact, money } from '../wire/codecs';
import { scenarioRef } from './evaluation';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditNote = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('statedRateDiffers'), statedRate: exact, contractRate: exact }),
  z.strictObject({ kind: z.literal('bankArithmetic'), statedInterest: money, interestPaid: money }),
  z.strictObject({ kind: z.literal('balanceDaysDiffer'), printed: exact, fromBalance: exact, used: z.enum(['printed', 'fromBalance']) }),
  z.strictObject({ kind: z.literal('contractBelowStatutory'), contractRate: exact, statutoryRate: exact, rule: z.string() }),
  z.strictObject({ kind: z.literal('unconfirmedRuleAbove'), rule: z.string(), annualRate: exact, interest: money }),
]);

/** One audited line on the wire (core's `AuditedLine`, with the statement row). */
export const auditedLine = z.strictObject({
  index: z.int(),
  row: z.int().optional(),
  account: z.string(),
  bankId: z.string(),
  fundType: z.string(),
  accountKind: z.string(),
  vintage: z.string().optional(),
  firstDay: day,
  lastDay: day,
  days: z.int(),
  balanceDays: exact,
  statedRate: exact.optional(),
  reading: z.enum(['benchmark', 'listed']),
  statutory: z.strictObject({ rule: z.string(), annualRate: exact, source: z.string(), confirmed: z.boolean() }),
  rule: z.string(),
  segments: z.array(z.strictObject({ firstDay: day, lastDay: day, balanceDays: exact, contractRate: exact, claimedRate: exact, claimedRule: z.string(), yearDays: z.int() })),
  formula: z.string(),
  contractInterest: money,
  owedInterest: money,
  interestPaid: money,
  difference: money,
  contractDifference: money,
  outcome: z.enum(['match', 'underpaid', 'overpaid']),
  notes: z.array(auditNote),
});
export type AuditedLineWire = z.output<typeof auditedLine>;

export const auditInterestResult = z.strictObject({
  kind: z.literal('auditInterest'),
  scenario: scenarioRef,
  /** The file the statement came from, if named. */
  file: z.string().optional(),
  /** The rounding rule applied once per line and figure (`LEDGER_ROUNDING`). */
  rounding: z.string(),
  /** The day basis and rate-change method of each bank on the statement (docs/domain.md §5.2). */
  conventions: z.array(z.strictObject({ bankId: z.string(), dayBasis: z.enum(DAY_BASES), rateChangeMethod: z.enum(['segmented', 'settlementDateRate']) })),
  lines: z.array(auditedLine),
  totals: z.strictObject({ interestPaid: money, owedInterest: money, difference: money, underpaid: money, overpaid: money }),
  /** Lines whose figures differ from the recomputation (outcome not `match`). */
  differences: z.int(),
  warnings: z.array(domainIssue),
});
export type AuditInterestResult = z.output<typeof auditInterestResult>;
