import type { IsoDate } from '../../dates/isoDate';
import type { DomainIssue } from '../../issues';
import type { Benchmark, Scenario } from '../../schemas/scenario';
import { rateOn } from '../../interest/rateOn';
import { quotedRate } from '../../schemas/lookup';
import { statutoryDemandRate } from '../../rules/statutoryDemandRate';
import { formatRate } from '../../interest/formatRate';

/** The reference table a statutory rule points at: the 2015 benchmark, or the bank's listed rates (docs/domain.md §2.2). */
function referenceFor(scenario: Scenario, bankId: string, date: IsoDate): Benchmark {
  const b = scenario.statutory.benchmark;
  if (scenario.statutory.reading === 'benchmark') return b;
  const bank = scenario.banks.find((x) => x.id === bankId);
  if (!bank) return b;
  const listed = (product: 'demandDeposit' | 'timeDeposit', term?: number) => quotedRate(bank, product, term, date);
  return { ...b, demand: listed('demandDeposit') ?? b.demand, time3m: listed('timeDeposit', 3) ?? b.time3m, time6m: listed('timeDeposit', 6) ?? b.time6m, time1y: listed('timeDeposit', 12) ?? b.time1y, time2y: listed('timeDeposit', 24) ?? b.time2y, time3y: listed('timeDeposit', 36) ?? b.time3y };
}

/**
 * For each account, compares the contract rate in force at the start with the statutory rate the
 * fund is entitled to. A gap is a finding to report (docs/domain.md §2.2), not a rule the plan breaks.
 */
export function contractRateFindings(scenario: Scenario, onDate: IsoDate): DomainIssue[] {
  const out: DomainIssue[] = [];
  scenario.accounts.forEach((a, i) => {
    const contract = rateOn(a.contractRates, onDate);
    if (contract === undefined) {
      out.push({ code: 'missing_rate', path: ['scenario', 'accounts', i, 'contractRates'], rule: 'contractRateInForce', message: `account ${a.id} has no contract rate in force on ${onDate}; its demand interest is zero until one starts`, received: 'nothing', bankId: a.bankId, fundType: a.fundType });
      return;
    }
    const { governing } = statutoryDemandRate({ fundType: a.fundType, accountKind: a.kind, ...(a.vintage ? { vintage: a.vintage } : {}), reference: referenceFor(scenario, a.bankId, onDate) });
    if (contract.lt(governing.annualRate)) {
      const gapBp = governing.annualRate.minus(contract).times(10_000);
      out.push({ code: 'below_statutory_rate', path: ['scenario', 'accounts', i, 'contractRates'], rule: governing.rule, message: `account ${a.id} at ${a.bankId} earns ${formatRate(contract)}, ${gapBp.toFixed(0)} bp below the statutory ${formatRate(governing.annualRate)} (${governing.source}${governing.confirmed ? '' : '; unconfirmed'})`, received: contract.toString(), limit: governing.annualRate.toString(), bankId: a.bankId, fundType: a.fundType, subject: a.id });
    }
  });
  return out;
}
