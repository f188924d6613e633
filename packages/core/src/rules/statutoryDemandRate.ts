import type { Decimal } from '../money/decimal';
import type { AccountKind, FundType, Vintage } from '../schemas/enums';
import type { Benchmark } from '../schemas/scenario';

/** One statutory rate that applies to a balance, with where it comes from. */
export interface StatutoryRateRule {
  /** The rule's name, e.g. `pensionDemandAtThreeMonth`. */
  readonly rule: string;
  readonly annualRate: Decimal;
  readonly source: string;
  /** False where docs/domain.md §2.1 marks the rule unconfirmed. */
  readonly confirmed: boolean;
}

/** The medical fund's vintage when an account does not say: money in the 财政专户 is settled there. */
export function defaultVintage(accountKind: AccountKind): Vintage {
  return accountKind === 'fiscalSpecial' ? 'fiscalSpecial' : 'currentYear';
}

/** The rule for the fund type's money, wherever it sits (docs/domain.md §2.1). */
function fundTypeRule(fundType: FundType, vintage: Vintage, reference: Benchmark): StatutoryRateRule {
  switch (fundType) {
    case 'employeePension':
      return { rule: 'pensionDemandAtThreeMonth', annualRate: reference.time3m, source: '银发〔1997〕567号 [R3]', confirmed: true };
    case 'publicSectorPension':
      return { rule: 'pensionDemandAtThreeMonth', annualRate: reference.time3m, source: '银发〔1997〕567号 [R3], read as covering all basic pension funds (U)', confirmed: false };
    case 'residentPension':
      return { rule: 'residentPensionOneYear', annualRate: reference.time1y, source: '[000] only (U)', confirmed: false };
    case 'employeeMedical':
    case 'residentMedical': {
      const confirmed = fundType === 'employeeMedical';
      const note = confirmed ? '' : ', applied to the resident medical fund by analogy (U)';
      if (vintage === 'fiscalSpecial') return { rule: 'medicalFiscalSpecialThreeYearInstallment', annualRate: reference.installment3y, source: `国发〔1998〕44号 [R6]${note}`, confirmed };
      if (vintage === 'carriedOver') return { rule: 'medicalCarriedOverThreeMonth', annualRate: reference.time3m, source: `国发〔1998〕44号 [R6]${note}`, confirmed };
      return { rule: 'medicalCurrentYearDemand', annualRate: reference.demand, source: `国发〔1998〕44号 [R6]${note}`, confirmed };
    }
    case 'unemployment':
      return { rule: 'unitDemand', annualRate: reference.demand, source: 'no specific rule found (U): unit demand rate', confirmed: false };
    case 'workInjury':
    case 'maternity':
      return { rule: 'unitDepositRules', annualRate: reference.demand, source: '银货政〔1999〕131号 [R5]', confirmed: true };
  }
}

/**
 * The statutory rate a bank should pay on a fund's demand balance, given the fund type, the account
 * kind and (for medical money) the vintage. Every rule that applies is returned; the one that
 * governs is the highest, since each is a preference the fund is entitled to ("not lower than").
 *
 * Rules (docs/domain.md §2.1): employee pension at the 3-month rate [R3]; resident pension at the 1-year
 * rate ([000], U); medical by vintage [R6]; work injury and maternity at unit-deposit rules [R5];
 * and, for 收入户 and 支出户 of every fund, the 3-month 整存整取 benchmark (社会保险基金财务制度 as
 * quoted in [000], U).
 *
 * `reference` is the table the rules point at: the frozen 2015 benchmark by default, or a bank's
 * listed rates (docs/domain.md §2.2 explains why the two readings differ).
 *
 * @example statutoryDemandRate({ fundType: 'employeePension', accountKind: 'fiscalSpecial', reference: BENCHMARK }).governing.annualRate.toString() //=> '0.011'
 */
export function statutoryDemandRate(input: {
  fundType: FundType;
  accountKind: AccountKind;
  vintage?: Vintage;
  reference: Benchmark;
}): { governing: StatutoryRateRule; applicable: StatutoryRateRule[] } {
  const vintage = input.vintage ?? defaultVintage(input.accountKind);
  const applicable = [fundTypeRule(input.fundType, vintage, input.reference)];
  if (input.accountKind === 'revenue' || input.accountKind === 'expenditure') {
    applicable.push({ rule: 'agencyAccountsThreeMonthBenchmark', annualRate: input.reference.time3m, source: '社会保险基金财务制度, as quoted in [000] (U: clause not seen)', confirmed: false });
  }
  const governing = applicable.reduce((a, b) => (b.annualRate.gt(a.annualRate) ? b : a));
  return { governing, applicable };
}

/**
 * The 记账利率 (crediting rate) credited to public-sector and employee pension individual accounts in
 * a year (国发〔2015〕2号 [R7]). The series is unconfirmed (docs/domain.md §2.3), so it is an input.
 * @returns undefined when the table has no rate for that year
 */
export function creditingRateFor(year: number, table: ReadonlyArray<{ year: number; annualRate: Decimal }>): Decimal | undefined {
  return table.find((r) => r.year === year)?.annualRate;
}
