import type { DomainIssue, Result } from '@fundladder/core';
import type { FlowSeries } from '../input/flowTable';

/** Everything the cohort model needs. No field has a default: a missing one is an issue. */
export interface CohortInput {
  /** Contributors and retirees at the last observed period (persons). */
  readonly contributors: number;
  readonly retirees: number;
  /** Average monthly contribution base per contributor, yuan. */
  readonly avgContributionBase: number;
  /** Contribution rate, fraction (0.16 = 16%). */
  readonly contributionRate: number;
  /** Share of contributions due that is collected, fraction. */
  readonly collectionRate: number;
  /** Average monthly pension per retiree, yuan. */
  readonly avgPension: number;
  /** Persons per period (month or year): contributors in and out, new retirees, deaths of retirees. */
  readonly entrants: number;
  readonly exits: number;
  readonly newRetirements: number;
  readonly deaths: number;
  /** Yearly raise of the contribution base, applied each January (fraction). */
  readonly baseGrowth: number;
  /** Yearly pension raise, paid from July and back-dated to January (fraction). */
  readonly pensionRaise: number;
}

/**
 * The cohort projection. Each period: contributors += entrants − exits; retirees += newRetirements −
 * deaths. Inflow = contributors × base × rate × collection rate; outflow = retirees × pension.
 * Monthly: the base rises by `baseGrowth` in January; the pension rises by `pensionRaise` in July and
 * July also pays the arrears for January–June as a lump, 6 × retirees × (new − old pension) (the July
 * headcount stands in for each earlier month's). Annual: both raises apply to the whole year, and
 * amounts are 12 × the monthly ones.
 *
 * @param input - the cohort state and assumptions
 * @param periods - the periods to project, 'YYYY-MM' or 'YYYY', after the state's period
 * @returns inflow and outflow per period, yuan
 * @example projectCohort(input, ['2025-07']).outflow[0] // retirees × raised pension + 6 months of arrears
 * @see docs/domain.md §10.1 (raise back-dated to Jan 1, arrears as a lump; seasonality); docs/forecast.md "Models".
 */
export function projectCohort(input: CohortInput, periods: readonly string[]): { inflow: number[]; outflow: number[] } {
  let contributors = input.contributors;
  let retirees = input.retirees;
  let base = input.avgContributionBase;
  let pension = input.avgPension;
  const inflow: number[] = [];
  const outflow: number[] = [];
  for (const label of periods) {
    const annual = /^\d{4}$/.test(label);
    const month = annual ? 0 : Number(label.slice(5, 7));
    contributors += input.entrants - input.exits;
    retirees += input.newRetirements - input.deaths;
    if (annual || month === 1) base *= 1 + input.baseGrowth;
    let arrears = 0;
    if (annual) pension *= 1 + input.pensionRaise;
    else if (month === 7) {
      const raised = pension * (1 + input.pensionRaise);
      arrears = 6 * retirees * (raised - pension);
      pension = raised;
    }
    const months = annual ? 12 : 1;
    inflow.push(contributors * base * input.contributionRate * input.collectionRate * months);
    outflow.push(retirees * pension * months + arrears);
  }
  return { inflow, outflow };
}

const STATE_FIELDS = ['contributors', 'retirees', 'avgContributionBase', 'contributionRate', 'collectionRate', 'avgPension'] as const;
const FLOW_FIELDS = ['entrants', 'exits', 'newRetirements', 'deaths'] as const;

/**
 * Reads a {@link CohortInput} from a series' cohort columns: the state from the last period; the
 * people flows as the mean over the last season; base growth and pension raise as the change of the
 * average base and pension over the last season (last / a season earlier − 1). Any missing value is
 * an issue naming the fund type and the column: the caller falls back to the time-series models.
 *
 * @param series - one fund type's flows with cohort columns
 * @param period - season length (12 monthly, 1 annual)
 * @returns the input, or issues `cohort_input_missing`
 * @example cohortInputFromSeries(seriesWithoutCohort, 12).ok //=> false
 * @see docs/forecast.md "Models" (a missing column is named and the time-series choice kept; never a silent default)
 */
export function cohortInputFromSeries(series: FlowSeries, period: number): Result<CohortInput> {
  const rows = series.cohort;
  const n = rows.length;
  const last = rows[n - 1] ?? {};
  const issues: DomainIssue[] = [];
  const missing = (field: string, detail: string): void => {
    issues.push({ code: 'cohort_input_missing', path: [series.fundType, 'cohort', field], rule: 'cohortInputsComplete', message: `cohort model for ${series.fundType}: ${field} ${detail}; falling back to the time-series models`, fundType: series.fundType, limit: field });
  };
  for (const field of STATE_FIELDS) if (last[field] === undefined) missing(field, `missing in the last period ${n ? '' : '(no rows)'}`.trim());
  const flows: Record<string, number> = {};
  for (const field of FLOW_FIELDS) {
    const values = rows.slice(Math.max(0, n - period)).map((r) => r[field]);
    if (values.length === 0 || values.some((v) => v === undefined)) missing(field, `missing in one of the last ${period} period(s)`);
    else flows[field] = values.reduce((a: number, b) => a + b!, 0) / values.length;
  }
  const growth = (field: 'avgContributionBase' | 'avgPension'): number | undefined => {
    const now = rows[n - 1]?.[field];
    const before = rows[n - 1 - period]?.[field];
    if (now === undefined || before === undefined || before === 0) {
      missing(field, `needed a season apart (periods ${n - period} and ${n}) to measure its yearly change`);
      return undefined;
    }
    return now / before - 1;
  };
  const baseGrowth = growth('avgContributionBase');
  const pensionRaise = growth('avgPension');
  if (issues.length) {
    // One report per column is enough.
    const seen = new Set<string>();
    return { ok: false, issues: issues.filter((i) => (seen.has(i.limit!) ? false : (seen.add(i.limit!), true))) };
  }
  return {
    ok: true,
    value: {
      contributors: last.contributors!,
      retirees: last.retirees!,
      avgContributionBase: last.avgContributionBase!,
      contributionRate: last.contributionRate!,
      collectionRate: last.collectionRate!,
      avgPension: last.avgPension!,
      entrants: flows.entrants!,
      exits: flows.exits!,
      newRetirements: flows.newRetirements!,
      deaths: flows.deaths!,
      baseGrowth: baseGrowth!,
      pensionRaise: pensionRaise!,
    },
  };
}
