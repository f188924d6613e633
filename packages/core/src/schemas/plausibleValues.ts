import { Decimal } from '../money/decimal';
import type { DomainIssue } from '../issues';
import type { ProductKind } from './enums';
import type { Scenario } from './scenario';
import type { Plan } from './plan';
import { BENCHMARK_2015 } from './scenario';

/**
 * Rates whose money can leave any day (活期, 协定, 通知) read as implausible above 3% a year. The self-regulation
 * ceilings hold a demand rate to the benchmark + 20 bp (0.55%) and agreed and call deposits to + 10–20 bp (agreed
 * 1.25% / 1.35%) (docs/domain.md §6.3 [R22][R23]); the big banks have listed 0.05% for demand since 2025-05-20
 * (§6.2 [R16][R17]). So 3% leaves a wide margin and still flags 0.05 (5%) typed for 0.05% (0.0005). Above 20%
 * every rate is refused outright (`MAX_PLAUSIBLE_ANNUAL_RATE`, rule `rateAsFraction`).
 */
export const LIQUID_RATE_WARN_ABOVE = '0.03';

/**
 * Rates with a term (定期, 大额存单, 国债, 记账利率) read as implausible above 10% a year: the 2015 benchmarks run to
 * 2.75% (3 years, docs/domain.md §6.1 [R14][R15]), listed rates to 1.30% (5 years, §6.2), and the highest yearly
 * crediting rate seen, 8.31% for 2016 (§2.3, unconfirmed), stays below it.
 */
export const TERM_RATE_WARN_ABOVE = '0.10';

/**
 * An amount of 10¹⁵ yuan (1,000 万亿) or more is more than all deposits in China (of the order of 3 × 10¹⁴ yuan in
 * 2024, PBOC financial statistics, from memory [U]): the figure was almost surely typed in 分 or with extra digits.
 */
export const AMOUNT_WARN_FROM_YUAN = '1000000000000000';

type RateBand = 'liquid' | 'term';

/** Which band each product's rate is held to (a table, so the checks below never branch on a product). */
const BAND_OF_PRODUCT: Record<ProductKind, RateBand> = {
  demandDeposit: 'liquid',
  agreedDeposit: 'liquid',
  callDeposit1d: 'liquid',
  callDeposit7d: 'liquid',
  timeDeposit: 'term',
  largeCd: 'term',
  govBond: 'term',
};

/** The benchmark table's entries by band (the same table as {@link BENCHMARK_2015}). */
const BAND_OF_BENCHMARK: Record<keyof typeof BENCHMARK_2015, RateBand> = {
  demand: 'liquid', agreed: 'liquid', call1d: 'liquid', call7d: 'liquid',
  time3m: 'term', time6m: 'term', time1y: 'term', time2y: 'term', time3y: 'term', installment1y: 'term', installment3y: 'term',
};

const WARN_ABOVE: Record<RateBand, Decimal> = { liquid: new Decimal(LIQUID_RATE_WARN_ABOVE), term: new Decimal(TERM_RATE_WARN_ABOVE) };
const BAND_WORDS: Record<RateBand, string> = { liquid: 'a demand, agreed or call-deposit rate', term: 'a term rate' };
const percent = (rate: Decimal) => `${rate.times(100).toString()}%`;

/**
 * A warning when a rate lies above its band: it reads like a percent typed as a fraction (0.05 for 0.05%),
 * with the value it would be as a percent as the suggestion.
 * @example implausibleRate(['accounts', 0, 'contractRates', 0, 'annualRate'], dec('0.05'), 'liquid')?.suggestion //=> '0.0005'
 */
export function implausibleRate(path: ReadonlyArray<string | number>, rate: Decimal, band: RateBand): DomainIssue | undefined {
  const limit = WARN_ABOVE[band];
  if (!rate.gt(limit)) return undefined;
  const meant = rate.div(100);
  return {
    code: 'implausible_rate',
    path,
    rule: 'plausibleRate',
    severity: 'warning',
    message: `${BAND_WORDS[band]} of ${rate.toString()} is ${percent(rate)} a year, above the plausible ${percent(limit)}: rates are fractions; did you mean ${meant.toString()} (${percent(meant)})?`,
    received: rate.toString(),
    limit: limit.toString(),
    suggestion: meant.toString(),
  };
}

/** Every amount of money of 10¹⁵ yuan or more in a parsed value (a scenario or a plan), found by walking it. */
function implausibleAmounts(value: unknown, path: Array<string | number>, out: DomainIssue[], rates: ReadonlySet<string>): void {
  if (value instanceof Decimal) {
    const key = path.at(-1);
    if (typeof key === 'string' && rates.has(key)) return;
    if (value.gte(AMOUNT_WARN_FROM_YUAN)) {
      out.push({ code: 'implausible_amount', path: [...path], rule: 'plausibleAmount', severity: 'warning', message: `${value.toFixed(2)} yuan is 10¹⁵ yuan or more, more than all deposits in China: was it typed in 分 or with extra digits?`, received: value.toFixed(2), limit: AMOUNT_WARN_FROM_YUAN });
    }
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => implausibleAmounts(item, [...path, i], out, rates));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) implausibleAmounts(item, [...path, key], out, rates);
}

/** Fields that hold rates or shares, never money. */
const NOT_MONEY = new Set(['annualRate', 'minQuoteRate', 'trancheShare', 'bankLocalDepositShare', 'fundTimeDepositShare', 'maxBondShare', ...Object.keys(BENCHMARK_2015)]);

/**
 * Values a scenario accepts but that are probably typed wrong, as warnings (severity `warning`; they never fail
 * a command): a rate above its band ({@link LIQUID_RATE_WARN_ABOVE} for demand, agreed and call deposits,
 * {@link TERM_RATE_WARN_ABOVE} for term deposits, CDs, bonds and crediting rates), and any amount of
 * {@link AMOUNT_WARN_FROM_YUAN} yuan or more.
 *
 * @param scenario - a validated scenario
 * @returns the warnings, with the JSON path of each value
 * @example scenarioWarnings(withDemandRate('0.05'))[0].message //=> 'a demand, agreed or call-deposit rate of 0.05 is 5% a year, above the plausible 3%: rates are fractions; did you mean 0.0005 (0.05%)?'
 */
export function scenarioWarnings(scenario: Scenario): DomainIssue[] {
  const out: DomainIssue[] = [];
  const rate = (path: ReadonlyArray<string | number>, value: Decimal, band: RateBand) => {
    const issue = implausibleRate(path, value, band);
    if (issue) out.push(issue);
  };
  scenario.banks.forEach((b, i) => b.quotes.forEach((q, j) => rate(['banks', i, 'quotes', j, 'annualRate'], q.annualRate, BAND_OF_PRODUCT[q.product])));
  scenario.accounts.forEach((a, i) => {
    a.contractRates.forEach((r, j) => rate(['accounts', i, 'contractRates', j, 'annualRate'], r.annualRate, 'liquid'));
    a.agreed?.agreedRates.forEach((r, j) => rate(['accounts', i, 'agreed', 'agreedRates', j, 'annualRate'], r.annualRate, 'liquid'));
  });
  scenario.holdings.forEach((h, i) => rate(['holdings', i, 'annualRate'], h.annualRate, BAND_OF_PRODUCT[h.product]));
  scenario.bondYields.forEach((y, i) => rate(['bondYields', i, 'annualRate'], y.annualRate, 'term'));
  for (const [key, band] of Object.entries(BAND_OF_BENCHMARK)) rate(['statutory', 'benchmark', key], scenario.statutory.benchmark[key as keyof typeof BAND_OF_BENCHMARK], band);
  scenario.statutory.creditingRates.forEach((c, i) => rate(['statutory', 'creditingRates', i, 'annualRate'], c.annualRate, 'term'));
  if (scenario.policy.minQuoteRate) rate(['policy', 'minQuoteRate'], scenario.policy.minQuoteRate, 'term');
  implausibleAmounts(scenario, [], out, NOT_MONEY);
  return out;
}

/**
 * {@link scenarioWarnings} for a plan: each placement's own rate (by its product's band) and amount.
 * @example planWarnings({ schemaVersion: 1, name: 'x', placements: [{ …, amount: dec('2000000000000000.00') }] })[0].rule //=> 'plausibleAmount'
 */
export function planWarnings(plan: Plan): DomainIssue[] {
  const out: DomainIssue[] = [];
  plan.placements.forEach((p, i) => {
    const issue = p.annualRate ? implausibleRate(['placements', i, 'annualRate'], p.annualRate, BAND_OF_PRODUCT[p.product]) : undefined;
    if (issue) out.push(issue);
  });
  implausibleAmounts(plan, [], out, NOT_MONEY);
  return out;
}
