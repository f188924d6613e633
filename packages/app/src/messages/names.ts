import { type Decimal, type FundType, FUND_TYPE_NAMES_ZH, formatWan } from '@fundladder/core';

/** The languages of the message catalogue. */
export type Lang = 'zh' | 'en';

/** Fund types and banks by name, not id (the scenario's bank names; the statutory fund-type names in Chinese). */
export interface Names {
  bank(id: string | undefined): string;
  fundType(id: string): string;
}

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
  };
}

/** Names that are the ids themselves (for callers without a scenario at hand). */
export const ID_NAMES: Names = { bank: (id) => id ?? 'bond', fundType: (id) => id };

/** Yuan as 万元 with thousands separators and two places, without the unit: 12,345,678.9 → "1,234.57". */
export const wanText = (d: Decimal): string => formatWan(d).replace('万', '');
