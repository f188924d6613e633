import type { Decimal } from '../money/decimal';
import type { IsoDate } from '../dates/isoDate';
import type { MonthKey } from '../dates/monthKey';
import type { DayBasis } from '../dates/dayCount';
import type { FundType, PlaceableKind, ProductKind } from '../schemas/enums';
import type { DomainIssue } from '../issues';

/** A deposit or bond held: from the scenario's holdings or placed by the plan. */
export interface Position {
  readonly id: string;
  readonly origin: 'existing' | 'plan';
  /** Index in plan.placements (plan positions only). */
  readonly placementIndex?: number;
  readonly fundType: FundType;
  readonly product: PlaceableKind;
  readonly bankId: string | undefined;
  readonly principal: Decimal;
  readonly annualRate: Decimal;
  readonly startDate: IsoDate;
  readonly maturityDate: IsoDate;
  readonly termMonths: number;
  readonly couponFrequency: number;
  readonly basis: DayBasis;
}

/** One interest payment the fund received, to the fen. */
export interface InterestPosting {
  readonly date: IsoDate;
  readonly product: ProductKind;
  readonly bankId: string | undefined;
  readonly fundType: FundType;
  readonly amount: Decimal;
  /** Position id, or the account id for demand/agreed interest. */
  readonly sourceId: string;
  readonly formula: string;
}

/** Money by fund type over one month. */
export interface FundTypeMonth {
  readonly openingCash: Decimal;
  readonly inflow: Decimal;
  readonly outflow: Decimal;
  readonly placed: Decimal;
  readonly matured: Decimal;
  readonly interest: Decimal;
  readonly closingCash: Decimal;
  /** Cash + call and agreed deposits at month end. */
  readonly closingLiquid: Decimal;
  /** Everything the fund type owns at month end (cash + all positions at principal). */
  readonly closingTotal: Decimal;
}

/** A holding line at month end: what sits where. `bankId` null for bonds. */
export interface HoldingLine {
  readonly bankId: string | null;
  readonly product: PlaceableKind;
  readonly amount: Decimal;
}

/** One month of the ledger. Every amount is yuan to the fen. */
export interface LedgerMonth {
  readonly month: MonthKey;
  /** Cash in all accounts (settlement and 周转金 accounts) at the start of the month. */
  readonly openingCash: Decimal;
  /** Everything owned at the start (cash + positions at principal). */
  readonly openingTotal: Decimal;
  readonly inflows: Decimal;
  readonly outflows: Decimal;
  /** New placements made this month. */
  readonly placed: Decimal;
  /** Principal returned by maturities this month. */
  readonly matured: Decimal;
  /** Interest received in cash this month. */
  readonly interestReceived: Decimal;
  readonly closingCash: Decimal;
  /** Call and agreed deposits at month end (liquid within days). */
  readonly closingCallAndAgreed: Decimal;
  /** Time deposits and large CDs at month end. */
  readonly closingTimeDeposits: Decimal;
  readonly closingBonds: Decimal;
  /** Cash + call and agreed deposits: what counts toward the reserve. */
  readonly closingLiquid: Decimal;
  readonly closingTotal: Decimal;
  /** The reserve the policy asks for at this month's end. */
  readonly reserveRequired: Decimal;
  /** Demand 积数 (balance-days) of the month, summed over fund types (for KPIs). */
  readonly demandBalanceDays: Decimal;
  readonly interest: readonly InterestPosting[];
  readonly byFundType: Readonly<Partial<Record<FundType, FundTypeMonth>>>;
  readonly holdings: readonly HoldingLine[];
  /** Outstanding time deposits + CDs per bank at month end (for caps). */
  readonly timeDepositsByBank: ReadonlyMap<string, Decimal>;
  /** New time deposits + CDs per bank this month (the tranche). */
  readonly trancheByBank: ReadonlyMap<string, Decimal>;
}

/** Everything the ledger found. */
export interface LedgerReport {
  readonly months: readonly LedgerMonth[];
  /** Every rule the plan breaks, in month order; never stops at the first. */
  readonly issues: readonly DomainIssue[];
  /** Facts worth reporting that are not rule breaks (statutory-rate gaps, stale holdings). */
  readonly findings: readonly DomainIssue[];
  readonly totals: LedgerTotals;
  /** Positions still held at the horizon end. */
  readonly openPositions: readonly Position[];
  /** Positions that ended inside the horizon, with what they paid. */
  readonly closedPositions: ReadonlyArray<{ position: Position; interest: Decimal; endDate: IsoDate }>;
}

export interface LedgerTotals {
  readonly openingTotal: Decimal;
  readonly closingTotal: Decimal;
  readonly inflows: Decimal;
  readonly outflows: Decimal;
  /** Interest received in cash inside the horizon (realised, I1 of the 增殖率 KPI). */
  readonly interestReceived: Decimal;
  /** Interest accrued but not yet paid at the horizon end (positions and demand since the last settlement). */
  readonly accruedAtEnd: Decimal;
  /** Interest existing holdings had accrued before the horizon start (part of what they pay later). */
  readonly accruedAtStart: Decimal;
  /** Interest earned inside the horizon: received + accrued at end − accrued at start. */
  readonly interestEarned: Decimal;
  /** Interest the positions held at the end will pay over their whole term (I2 of the 增殖率 KPI). */
  readonly realisableOnOpenPositions: Decimal;
  readonly interestByProduct: ReadonlyMap<ProductKind, Decimal>;
  readonly interestByBank: ReadonlyMap<string, Decimal>;
  readonly interestByFundType: ReadonlyMap<FundType, Decimal>;
}
