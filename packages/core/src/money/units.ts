import { Decimal } from './decimal';

/** 万元 in yuan. */
export const YUAN_PER_WAN = new Decimal(10_000);
/** 亿元 in yuan. */
export const YUAN_PER_YI = new Decimal(100_000_000);

/** Yuan → 万元 (exact). @example yuanToWan(dec('123456')).toString() //=> '12.3456' */
export function yuanToWan(yuan: Decimal): Decimal {
  return yuan.div(YUAN_PER_WAN);
}
/** 万元 → yuan (exact). */
export function wanToYuan(amountWan: Decimal): Decimal {
  return amountWan.times(YUAN_PER_WAN);
}
/** Yuan → 亿元 (exact). */
export function yuanToYi(yuan: Decimal): Decimal {
  return yuan.div(YUAN_PER_YI);
}

/** Formats yuan with thousands separators and 2 places: `1,234,567.80`. Display only. */
export function formatYuan(yuan: Decimal): string {
  const [intPart, frac] = yuan.toFixed(2, Decimal.ROUND_HALF_UP).split('.');
  const sign = intPart!.startsWith('-') ? '-' : '';
  const digits = intPart!.replace('-', '');
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** Formats yuan as 万元 with 2 places: `12,345.68万`. Display only. */
export function formatWan(yuan: Decimal): string {
  return `${formatYuan(yuanToWan(yuan))}万`;
}

/** Formats a rate fraction as a percentage with `places` places: 0.0135 → `1.35%`. */
export function formatPercent(rate: Decimal, places = 2): string {
  return `${rate.times(100).toFixed(places, Decimal.ROUND_HALF_UP)}%`;
}
