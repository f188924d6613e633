import { z } from 'zod';
import type { Evaluation, Scenario } from '@fundladder/core';
import { domainIssue, exact, intMap, money, stringMap } from '../wire/codecs';

/** One month of the ledger as the tables show it (yuan; the CLI prints 万元). */
export const ledgerMonthRow = z.strictObject({
  month: z.string(),
  openingTotal: money,
  inflows: money,
  outflows: money,
  placed: money,
  matured: money,
  interestReceived: money,
  closingLiquid: money,
  reserveRequired: money,
  closingTimeDeposits: money,
  closingBonds: money,
  closingTotal: money,
});

export const ledgerTotals = z.strictObject({
  openingTotal: money,
  closingTotal: money,
  inflows: money,
  outflows: money,
  interestReceived: money,
  accruedAtEnd: money,
  accruedAtStart: money,
  interestEarned: money,
  realisableOnOpenPositions: money,
  interestByProduct: stringMap(money),
  interestByBank: stringMap(money),
  interestByFundType: stringMap(money),
});

export const ledgerKpis = z.strictObject({
  annualYieldRate: exact.optional(),
  settlementDays: exact.optional(),
  averageDemandYield: exact.optional(),
  timeDepositShare: exact.optional(),
  tierShare: intMap(exact),
  rateUplift: z.strictObject({ relative: exact.optional(), basisPoints: exact }).optional(),
  monthsPayable: exact.optional(),
  bankCapUsage: z.array(z.strictObject({ bankId: z.string(), tranche: exact.optional(), localDeposits: exact.optional(), fundShare: exact.optional() })),
});

/** A plan's placement as plans are written (text already: amounts and rates as decimal strings). */
export const placement = z.strictObject({
  id: z.string().optional(),
  month: z.string(),
  product: z.string(),
  termMonths: z.number(),
  bankId: z.string().optional(),
  fundType: z.string().optional(),
  amount: z.string(),
  annualRate: z.string().optional(),
  couponFrequency: z.int().optional(),
  note: z.string().optional(),
});

/** The scenario a result belongs to, with its banks' names (results show banks by name, not id). */
export const scenarioRef = z.strictObject({ name: z.string(), startMonth: z.string(), horizonMonths: z.int(), bankNames: stringMap(z.string()) });

/** {@link scenarioRef} of a scenario. */
export function scenarioRefOf(scenario: Scenario): z.output<typeof scenarioRef> {
  return { name: scenario.name, startMonth: scenario.startMonth, horizonMonths: scenario.horizonMonths, bankNames: new Map(scenario.banks.map((b) => [b.id, b.name])) };
}

/**
 * What a plan does in the exact ledger, as every front end shows it: the scenario and plan, the months, the totals,
 * the KPIs, every rule the plan breaks and the findings (docs/ledger.md). Every figure comes from the ledger.
 */
export const evaluationSummary = z.strictObject({
  scenario: scenarioRef,
  plan: z.string(),
  interest: money,
  months: z.array(ledgerMonthRow),
  totals: ledgerTotals,
  kpis: ledgerKpis,
  issues: z.array(domainIssue),
  findings: z.array(domainIssue),
});
export type EvaluationSummary = z.output<typeof evaluationSummary>;



/** The summary of a ledger evaluation (drops positions and postings; keeps every figure a report shows). */
export function summarizeEvaluation(scenario: Scenario, ev: Evaluation): EvaluationSummary {
  const { report, kpis } = ev;
  const opt = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

  return {
    scenario: scenarioRefOf(scenario),
    plan: ev.plan.name,
    interest: report.totals.interestEarned,
    months: report.months.map((m) => ({ month: m.month, openingTotal: m.openingTotal, inflows: m.inflows, outflows: m.outflows, placed: m.placed, matured: m.matured, interestReceived: m.interestReceived, closingLiquid: m.closingLiquid, reserveRequired: m.reserveRequired, closingTimeDeposits: m.closingTimeDeposits, closingBonds: m.closingBonds, closingTotal: m.closingTotal })),
    totals: { ...report.totals, interestByProduct: new Map(report.totals.interestByProduct), interestByBank: new Map(report.totals.interestByBank), interestByFundType: new Map(report.totals.interestByFundType) },
    kpis: {
      ...opt('annualYieldRate', kpis.annualYieldRate),
      ...opt('settlementDays', kpis.settlementDays),
      ...opt('averageDemandYield', kpis.averageDemandYield),
      ...opt('timeDepositShare', kpis.timeDepositShare),
      tierShare: new Map(kpis.tierShare),
      ...(kpis.rateUplift ? { rateUplift: { ...opt('relative', kpis.rateUplift.relative), basisPoints: kpis.rateUplift.basisPoints } } : {}),
      ...opt('monthsPayable', kpis.monthsPayable),
      bankCapUsage: kpis.bankCapUsage.map((u) => ({ bankId: u.bankId, ...opt('tranche', u.tranche), ...opt('localDeposits', u.localDeposits), ...opt('fundShare', u.fundShare) })),
    },
    issues: [...report.issues],
    findings: [...report.findings],
  };
}
