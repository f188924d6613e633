import { ACCOUNT_KINDS, BANK_TYPES, PRODUCT_KINDS, VINTAGES, type AccountKind, type ProductKind, type Vintage } from '@fundladder/core';
import { normalizeText } from './units';

type BankType = (typeof BANK_TYPES)[number];

function lookup<T extends string>(ids: readonly T[], words: Record<string, T>): (text: string) => T | undefined {
  const table = new Map<string, T>(Object.entries(words).map(([w, id]) => [normalizeText(w), id]));
  for (const id of ids) table.set(id.toLowerCase(), id);
  return (text) => table.get(normalizeText(text));
}

/**
 * A product as rate sheets name it (活期, 协定存款, 7天通知存款, 定期, 大额存单, 记账式国债) or its id.
 * @example parseProduct('七天通知存款') //=> 'callDeposit7d'
 */
export const parseProduct = lookup<ProductKind>(PRODUCT_KINDS, {
  活期: 'demandDeposit', 活期存款: 'demandDeposit', 单位活期: 'demandDeposit',
  协定: 'agreedDeposit', 协定存款: 'agreedDeposit', 单位协定存款: 'agreedDeposit',
  '1天通知': 'callDeposit1d', 一天通知: 'callDeposit1d', '1天通知存款': 'callDeposit1d', 一天通知存款: 'callDeposit1d', 通知存款1天: 'callDeposit1d', '通知存款(1天)': 'callDeposit1d',
  '7天通知': 'callDeposit7d', 七天通知: 'callDeposit7d', '7天通知存款': 'callDeposit7d', 七天通知存款: 'callDeposit7d', 通知存款7天: 'callDeposit7d', '通知存款(7天)': 'callDeposit7d',
  定期: 'timeDeposit', 定期存款: 'timeDeposit', 整存整取: 'timeDeposit', 单位定期: 'timeDeposit',
  大额存单: 'largeCd', 单位大额存单: 'largeCd', cd: 'largeCd',
  国债: 'govBond', 记账式国债: 'govBond',
});

/**
 * A bank type (国有, 股份制, 城商行, 农商行, 邮储, 政策性, 外资, 其他) or its id.
 * @example parseBankType('农村商业银行') //=> 'ruralCommercial'
 */
export const parseBankType = lookup<BankType>(BANK_TYPES, {
  国有: 'stateOwned', 国有大型: 'stateOwned', 国有银行: 'stateOwned', 国有商业银行: 'stateOwned', 国有大型商业银行: 'stateOwned', 大型商业银行: 'stateOwned', 大型银行: 'stateOwned',
  股份制: 'jointStock', 股份制银行: 'jointStock', 股份制商业银行: 'jointStock', 全国性股份制商业银行: 'jointStock',
  城商行: 'cityCommercial', 城市商业银行: 'cityCommercial',
  农商行: 'ruralCommercial', 农村商业银行: 'ruralCommercial', 农信社: 'ruralCommercial', 农村信用社: 'ruralCommercial', 农村合作银行: 'ruralCommercial', 农合行: 'ruralCommercial', 村镇银行: 'ruralCommercial',
  邮储: 'postalSavings', 邮储银行: 'postalSavings', 邮政储蓄银行: 'postalSavings',
  政策性: 'policy', 政策性银行: 'policy',
  外资: 'foreign', 外资银行: 'foreign',
  其他: 'other',
});

/** @example parseBankStatus('暂停') //=> 'suspended' */
export const parseBankStatus = lookup<'eligible' | 'suspended'>(['eligible', 'suspended'], {
  正常: 'eligible', 合格: 'eligible', 可存放: 'eligible', 入围: 'eligible', 是: 'eligible',
  暂停: 'suspended', 停止: 'suspended', 暂停新增: 'suspended', 暂停存放: 'suspended', 否: 'suspended',
});

/** @example parseAccountKind('财政专户') //=> 'fiscalSpecial' */
export const parseAccountKind = lookup<AccountKind>(ACCOUNT_KINDS, {
  收入户: 'revenue', 收入账户: 'revenue', 收入: 'revenue',
  支出户: 'expenditure', 支出账户: 'expenditure', 支出: 'expenditure',
  财政专户: 'fiscalSpecial', 社保基金财政专户: 'fiscalSpecial', 专户: 'fiscalSpecial',
});

/** @example parseVintage('结转') //=> 'carriedOver' */
export const parseVintage = lookup<Vintage>(VINTAGES, { 当年: 'currentYear', 当年筹集: 'currentYear', 结转: 'carriedOver', 上年结转: 'carriedOver', 财政专户: 'fiscalSpecial', 沉淀: 'fiscalSpecial' });

/** @example parseBondKind('记账式') //=> 'bookEntry' */
export const parseBondKind = lookup<'bookEntry' | 'savings'>(['bookEntry', 'savings'], { 记账式: 'bookEntry', 记账式国债: 'bookEntry', 储蓄: 'savings', 储蓄国债: 'savings', 凭证式: 'savings' });

/** @example parseBoolean('是') //=> true */
export const parseBoolean = (text: string): boolean | undefined => {
  const key = normalizeText(text);
  if (['是', 'y', 'yes', 'true', '1', '√', '✓'].includes(key)) return true;
  if (['否', 'n', 'no', 'false', '0', ''].includes(key)) return false;
  return undefined;
};

const CN_NUMBERS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十二: 12, 十八: 18 };

/**
 * A term as rate sheets write it: `3个月`, `三个月`, `6M`, `1年`, `一年`, `2Y`, `半年`. A bare number is a number of
 * months only in a column declared in months (`期限（月）`, `termMonths`), of years in one declared in years.
 * @param text - the cell
 * @param bareUnit - what a bare number means in this column, if declared
 * @returns months, or undefined
 * @example parseTerm('三年') //=> 36
 * @example parseTerm('12', 'months') //=> 12
 * @example parseTerm('12') //=> undefined
 */
export function parseTerm(text: string, bareUnit?: 'months' | 'years'): number | undefined {
  const key = normalizeText(text);
  if (key === '半年') return 6;
  const m = /^(\d+|[一两二三四五六七八九十]+)(个月|月|m|months?|年|y|years?|yr)?$/.exec(key);
  if (!m) return undefined;
  const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : CN_NUMBERS[m[1]!];
  if (count === undefined || count <= 0) return undefined;
  const unit = m[2] === undefined ? bareUnit : /^(年|y|years?|yr)$/.test(m[2]) ? 'years' : 'months';
  if (unit === undefined) return undefined;
  return unit === 'years' ? count * 12 : count;
}

/**
 * What a quote column of a wide rate sheet holds: `活期`, `协定存款`, `7天通知` (no term), `3个月`, `1年` (定期 of that
 * term), `定期1年`, `大额存单3年`, `timeDeposit12`.
 * @example quoteColumn('大额存单3年') //=> { product: 'largeCd', termMonths: 36 }
 * @example quoteColumn('1年') //=> { product: 'timeDeposit', termMonths: 12 }
 */
export function quoteColumn(header: string): { product: ProductKind; termMonths?: number } | undefined {
  const key = normalizeText(header).replace(/利率$/, '');
  const alone = parseProduct(key);
  if (alone && alone !== 'timeDeposit' && alone !== 'largeCd' && alone !== 'govBond') return { product: alone };
  const term = parseTerm(key);
  if (term !== undefined) return { product: 'timeDeposit', termMonths: term };
  const m = /^(.*?)[-_.(]?(\d+|[一两二三四五六七八九十]+)(个月|月|m|年|y)?\)?$/.exec(key);
  if (!m) return undefined;
  const product = parseProduct(m[1]!);
  const months = parseTerm(m[2]! + (m[3] ?? ''), 'months');
  if (!product || months === undefined || product === 'demandDeposit' || product === 'agreedDeposit') return undefined;
  return { product, termMonths: months };
}

const KNOWN_BANKS: ReadonlyArray<{ pattern: RegExp; id: string; type: BankType }> = [
  { pattern: /国家开发银行/, id: 'cdb', type: 'policy' },
  { pattern: /农业发展银行/, id: 'adbc', type: 'policy' },
  { pattern: /进出口银行/, id: 'eximbank', type: 'policy' },
  { pattern: /工商银行|^工行/, id: 'icbc', type: 'stateOwned' },
  { pattern: /农业银行|^农行/, id: 'abc', type: 'stateOwned' },
  { pattern: /^中国银行|^中行/, id: 'boc', type: 'stateOwned' },
  { pattern: /建设银行|^建行/, id: 'ccb', type: 'stateOwned' },
  { pattern: /交通银行|^交行/, id: 'bocom', type: 'stateOwned' },
  { pattern: /邮政储蓄|邮储/, id: 'psbc', type: 'postalSavings' },
  { pattern: /招商银行|^招行/, id: 'cmb', type: 'jointStock' },
  { pattern: /浦东发展|浦发/, id: 'spdb', type: 'jointStock' },
  { pattern: /中信银行/, id: 'citic', type: 'jointStock' },
  { pattern: /光大银行/, id: 'ceb', type: 'jointStock' },
  { pattern: /华夏银行/, id: 'hxb', type: 'jointStock' },
  { pattern: /民生银行/, id: 'cmbc', type: 'jointStock' },
  { pattern: /广发银行/, id: 'cgb', type: 'jointStock' },
  { pattern: /兴业银行/, id: 'cib', type: 'jointStock' },
  { pattern: /平安银行/, id: 'pab', type: 'jointStock' },
  { pattern: /浙商银行/, id: 'czb', type: 'jointStock' },
  { pattern: /渤海银行/, id: 'cbhb', type: 'jointStock' },
  { pattern: /恒丰银行/, id: 'egb', type: 'jointStock' },
  { pattern: /农村商业银行|农商银行|农商行|农村信用|农村合作银行|村镇银行/, id: 'rcb', type: 'ruralCommercial' },
];

/**
 * What a bank's name says about it: the national banks and the rural banks are known by name; a city bank is not
 * (its type must be given). The id is a short ASCII one for the scenario (`icbc`), when the name is known.
 * @example bankFromName('中国工商银行示例县支行') //=> { id: 'icbc', type: 'stateOwned' }
 * @example bankFromName('示例市商业银行') //=> undefined
 */
export function bankFromName(name: string): { id: string; type: BankType } | undefined {
  const text = name.normalize('NFKC').replace(/\s+/g, '');
  const hit = KNOWN_BANKS.find((b) => b.pattern.test(text));
  return hit ? { id: hit.id, type: hit.type } : undefined;
}
