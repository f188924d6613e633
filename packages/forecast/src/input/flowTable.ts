/** Cohort columns a flows CSV may carry (all per period; money in yuan, rates as fractions). */
export const COHORT_FIELDS = [
  'contributors',
  'avgContributionBase',
  'contributionRate',
  'collectionRate',
  'retirees',
  'avgPension',
  'entrants',
  'exits',
  'newRetirements',
  'deaths',
] as const;
export type CohortField = (typeof COHORT_FIELDS)[number];

/** One row of flows as read, before the checks. */
export interface FlowRow {
  /** 'YYYY-MM' or 'YYYY'. */
  readonly period: string;
  readonly fundType: string;
  /** Yuan, as floats for the models (the Decimal input is converted once, here at the boundary). */
  readonly inflow: number;
  readonly outflow: number;
  readonly cohort: Partial<Record<CohortField, number>>;
  /** Where the row came from, for issues: `['line', 7]` or `['history', 3]`. */
  readonly path: ReadonlyArray<string | number>;
}

/** The flows of one fund type over the table's periods. */
export interface FlowSeries {
  readonly fundType: string;
  readonly inflow: number[];
  readonly outflow: number[];
  /** Cohort columns per period (undefined entries where a row had none). */
  readonly cohort: Partial<Record<CohortField, number>>[];
}

/** Checked flows: one contiguous run of periods shared by every fund type. */
export interface FlowTable {
  readonly frequency: 'monthly' | 'annual';
  /** Season length: 12 monthly, 1 annual. */
  readonly period: number;
  /** The periods, oldest first, contiguous. */
  readonly periods: string[];
  readonly series: FlowSeries[];
}
