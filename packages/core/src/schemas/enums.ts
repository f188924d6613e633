import { z } from 'zod';

/**
 * Fund types a county or city runs (docs/domain.md §1.1). Ids are fixed (docs/glossary.md).
 * `residentMedical` (城乡居民基本医疗保险) has no interest rule of its own (docs/domain.md §1.1); it is treated like
 * `employeeMedical` by vintage only if the scenario says so (see statutoryDemandRate).
 */
export const FUND_TYPES = [
  'employeePension',
  'residentPension',
  'publicSectorPension',
  'employeeMedical',
  'residentMedical',
  'unemployment',
  'workInjury',
  'maternity',
] as const;
export const fundTypeSchema = z.enum(FUND_TYPES);
export type FundType = z.infer<typeof fundTypeSchema>;

/** Chinese names of the fund types, for reports. */
export const FUND_TYPE_NAMES_ZH: Record<FundType, string> = {
  employeePension: '企业职工基本养老保险基金',
  residentPension: '城乡居民基本养老保险基金',
  publicSectorPension: '机关事业单位养老保险基金',
  employeeMedical: '城镇职工基本医疗保险基金',
  residentMedical: '城乡居民基本医疗保险基金',
  unemployment: '失业保险基金',
  workInjury: '工伤保险基金',
  maternity: '生育保险基金',
};

/** Account kinds (docs/domain.md §1.2): 收入户, 支出户, 财政专户. */
export const ACCOUNT_KINDS = ['revenue', 'expenditure', 'fiscalSpecial'] as const;
export const accountKindSchema = z.enum(ACCOUNT_KINDS);
export type AccountKind = z.infer<typeof accountKindSchema>;

/** Vintage of medical-fund money (国发〔1998〕44号 [R6]): this year's, carried over, or settled in the 财政专户. */
export const VINTAGES = ['currentYear', 'carriedOver', 'fiscalSpecial'] as const;
export const vintageSchema = z.enum(VINTAGES);
export type Vintage = z.infer<typeof vintageSchema>;

/** Bank types. */
export const BANK_TYPES = ['stateOwned', 'jointStock', 'cityCommercial', 'ruralCommercial', 'postalSavings', 'policy', 'foreign', 'other'] as const;
export const bankTypeSchema = z.enum(BANK_TYPES);

/** Products a fund may hold (docs/domain.md §3.1, §4). Savings bonds are not among them: institutions may not buy them [R44]. */
export const PRODUCT_KINDS = ['demandDeposit', 'agreedDeposit', 'callDeposit1d', 'callDeposit7d', 'timeDeposit', 'largeCd', 'govBond'] as const;
export const productKindSchema = z.enum(PRODUCT_KINDS);
export type ProductKind = z.infer<typeof productKindSchema>;

/** Products placed with a term and held at a bank until they mature. */
export const TERM_DEPOSIT_KINDS: readonly ProductKind[] = ['timeDeposit', 'largeCd'];
/** Products the plan may place (demand money is what is left over, not a placement). */
export const PLACEABLE_KINDS = ['agreedDeposit', 'callDeposit1d', 'callDeposit7d', 'timeDeposit', 'largeCd', 'govBond'] as const;
export const placeableKindSchema = z.enum(PLACEABLE_KINDS);
export type PlaceableKind = z.infer<typeof placeableKindSchema>;

/** Bond kinds: only book-entry bonds (记账式) are open to institutions. */
export const BOND_KINDS = ['bookEntry', 'savings'] as const;
export const bondKindSchema = z.enum(BOND_KINDS);
export type BondKind = z.infer<typeof bondKindSchema>;
