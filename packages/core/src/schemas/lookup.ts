import type { Decimal } from '../money/decimal';
import { inForceOn } from '../interest/rateOn';
import type { IsoDate } from '../dates/isoDate';
import type { Account, Bank, Scenario } from './scenario';
import type { FundType, ProductKind } from './enums';

/** Indexes a validated scenario for lookups the ledger and rules make many times. */
export interface ScenarioLookup {
  readonly scenario: Scenario;
  readonly banks: ReadonlyMap<string, Bank>;
  /** The account that receives a fund type's flows and funds its placements. */
  readonly settlementAccount: ReadonlyMap<FundType, Account>;
}

/**
 * The settlement account of each fund type: the one flagged `settlement`, else its 财政专户
 * (fiscal special account: it makes the time deposits [R2][R13]), else its first account.
 */
export function indexScenario(scenario: Scenario): ScenarioLookup {
  const banks = new Map(scenario.banks.map((b) => [b.id, b] as const));
  const settlementAccount = new Map<FundType, Account>();
  for (const ft of scenario.fundTypes) {
    const mine = scenario.accounts.filter((a) => a.fundType === ft);
    const chosen = mine.find((a) => a.settlement) ?? mine.find((a) => a.kind === 'fiscalSpecial') ?? mine[0];
    if (chosen) settlementAccount.set(ft, chosen);
  }
  return { scenario, banks, settlementAccount };
}

/**
 * A bank's quote for a product and term in force on `date` (the latest quote effective on or before it).
 * Quotes for products without a term (demand, agreed, call) match any term.
 */
export function quotedRate(bank: Bank, product: ProductKind, termMonths: number | undefined, date: IsoDate): Decimal | undefined {
  return inForceOn(bank.quotes.filter((q) => q.product === product && (q.termMonths === undefined || termMonths === undefined || q.termMonths === termMonths)), date)?.annualRate;
}

/** The book-entry bond yield for a term in force on `date`, with its coupon frequency. */
export function bondYieldOn(scenario: Scenario, termMonths: number, date: IsoDate): { annualRate: Decimal; couponFrequency: number } | undefined {
  const best = inForceOn(scenario.bondYields.filter((y) => y.termMonths === termMonths), date);
  return best ? { annualRate: best.annualRate, couponFrequency: best.couponFrequency } : undefined;
}

/** The terms a product is offered at, from the scenario's product parameters. */
export function offeredTerms(scenario: Scenario, product: ProductKind): readonly number[] | undefined {
  switch (product) {
    case 'timeDeposit':
      return scenario.products.timeDeposit.termsMonths;
    case 'largeCd':
      return scenario.products.largeCd.termsMonths;
    case 'govBond':
      return scenario.products.govBond.termsMonths;
    default:
      return undefined;
  }
}

/**
 * The day of month on which a month's inflows post: `timing.inflowDay`, else `timing.flowDay`.
 *
 * @example inflowDayOf({ timing: { flowDay: 1, placementDay: 1, inflowDay: 20 } }) //=> 20
 */
export function inflowDayOf(scenario: Pick<Scenario, 'timing'>): number {
  return scenario.timing.inflowDay ?? scenario.timing.flowDay;
}

/**
 * The day of month on which a month's payouts post: `timing.outflowDay`, else `timing.flowDay`.
 *
 * @example outflowDayOf({ timing: { flowDay: 1, placementDay: 1 } }) //=> 1
 */
export function outflowDayOf(scenario: Pick<Scenario, 'timing'>): number {
  return scenario.timing.outflowDay ?? scenario.timing.flowDay;
}
