import { type Decimal, type FundType, type ProductKind, FUND_TYPE_NAMES_ZH, formatWan } from '@fundladder/core';

/** The languages of the message catalogue. */
export type Lang = 'zh' | 'en';

/** Fund types and banks by name, not id (the scenario's bank names; the statutory fund-type names in Chinese). */
export interface Names {
  bank(id: string | undefined): string;
  fundType(id: string): string;
  product(kind: string): string;
}

/** The products as a fund manager names them. */
const PRODUCT_NAMES: Record<ProductKind, Record<Lang, string>> = {
  demandDeposit: { zh: '活期存款', en: 'demand deposit' },
  agreedDeposit: { zh: '协定存款', en: 'agreed deposit' },
  callDeposit1d: { zh: '1天通知存款', en: '1-day call deposit' },
  callDeposit7d: { zh: '7天通知存款', en: '7-day call deposit' },
  timeDeposit: { zh: '定期存款', en: 'time deposit' },
  largeCd: { zh: '大额存单', en: 'large CD' },
  govBond: { zh: '国债', en: 'government bond' },
};

const FUND_TYPE_NAMES_EN: Record<FundType, string> = {
  employeePension: 'employee pension',
  residentPension: 'resident pension',
  publicSectorPension: 'public-sector pension',
  employeeMedical: 'employee medical',
  residentMedical: 'resident medical',
  unemployment: 'unemployment',
  workInjury: 'work injury',
  maternity: 'maternity',
};

/**
 * Names for the catalogue from the banks' names (id → name, as a result carries them) in `lang`; an unknown id is shown
 * as itself, a bond (no bank) as 国债 / bond.
 * @example namesFor(new Map([['icbc', '工商银行']]), 'zh').bank('icbc') //=> '工商银行'
 */
export function namesFor(banks: ReadonlyMap<string, string>, lang: Lang): Names {
  return {
    bank: (id) => (id === undefined ? (lang === 'zh' ? '国债' : 'bond') : (banks.get(id) ?? id)),
    fundType: (id) => (lang === 'zh' ? FUND_TYPE_NAMES_ZH : FUND_TYPE_NAMES_EN)[id as FundType] ?? id,
    product: (kind) => PRODUCT_NAMES[kind as ProductKind]?.[lang] ?? kind,
  };
}

/** Names that are the ids themselves (for callers without a scenario at hand). */
export const ID_NAMES: Names = { bank: (id) => id ?? 'bond', fundType: (id) => id, product: (kind) => kind };

/** Yuan as 万元 with thousands separators and two places, without the unit: 12,345,678.9 → "1,234.57". */
export const wanText = (d: Decimal): string => formatWan(d).replace('万', '');
