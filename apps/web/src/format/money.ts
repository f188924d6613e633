// Money as the API sends it (yuan as a decimal string to the fen, docs/app.md §2) shown in 万元/亿元, exactly: the
// string becomes a whole number of fen (BigInt) and is divided with one explicit rounding, never through a float.

/** Yuan as a decimal string, as the API sends money: `"1234.50"`, `"-3.1"`, `"7"`. */
export type YuanText = string & { readonly __brand: 'YuanText' };

const YUAN_TEXT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Whether `text` is money as the API sends it (yuan, at most two decimal places). */
export function isYuanText(text: string): text is YuanText {
  return YUAN_TEXT.test(text);
}

/**
 * Yuan text → whole fen, exactly.
 * @param yuan - yuan with at most two decimal places
 * @returns the amount in fen
 * @example fenOf('1234.5') //=> 123450n
 * @example fenOf('-0.07') //=> -7n
 */
export function fenOf(yuan: string): bigint {
  const m = YUAN_TEXT.exec(yuan);
  if (!m) throw new Error(`not money (yuan to the fen): ${JSON.stringify(yuan)}`);
  const fen = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/**
 * Whole fen → yuan text with two places (the API's form).
 * @example yuanTextOf(-123450n) //=> '-1234.50'
 */
export function yuanTextOf(fen: bigint): YuanText {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}` as YuanText;
}

/**
 * The exact sum of amounts in yuan text.
 * @example sumYuan(['0.10', '0.20']) //=> '0.30'
 */
export function sumYuan(amounts: Iterable<string>): YuanText {
  let fen = 0n;
  for (const a of amounts) fen += fenOf(a);
  return yuanTextOf(fen);
}

/** The units money is shown in: 万元 and 亿元 (Chinese), millions of yuan (English), or yuan. */
export type MoneyUnit = 'yuan' | 'wan' | 'yi' | 'million';

const FEN_PER_UNIT: Record<MoneyUnit, bigint> = { yuan: 100n, wan: 1_000_000n, yi: 10_000_000_000n, million: 100_000_000n };

/**
 * `fen / divisor` to `places` decimal places, rounding half away from zero (decimal.js's ROUND_HALF_UP, the rule
 * core's `formatWan` uses), with thousands separators; a result that rounds to zero carries no minus sign.
 */
function scaledText(fen: bigint, divisor: bigint, places: number): string {
  const negative = fen < 0n;
  const num = (negative ? -fen : fen) * 10n ** BigInt(places);
  let q = num / divisor;
  if ((num % divisor) * 2n >= divisor) q += 1n;
  const digits = q.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
  return `${negative && q !== 0n ? '-' : ''}${whole}${frac}`;
}

/**
 * Yuan text in `unit`, with thousands separators and `places` decimals (default 2), without the unit's name.
 * @param yuan - money as the API sends it
 * @param unit - 'wan' (万元), 'yi' (亿元), 'million' or 'yuan'
 * @returns the number as text, rounded half away from zero; never "-0.00"
 * @example moneyIn('33706384.16', 'wan') //=> '3,370.64'
 * @example moneyIn('945213569.48', 'yi') //=> '9.45'
 * @example moneyIn('-49.99', 'wan') //=> '0.00'
 */
export function moneyIn(yuan: string, unit: MoneyUnit, places = 2): string {
  return scaledText(fenOf(yuan), FEN_PER_UNIT[unit], places);
}

/** Chinese or English. */
export type Lang = 'zh' | 'en';

/**
 * Money with its unit as a reader of `lang` expects it: in Chinese 万元, or 亿元 from 1 亿 on; in English millions of
 * yuan. Two decimals.
 * @example formatMoney('33706384.16', 'zh') //=> '3,370.64 万元'
 * @example formatMoney('945213569.48', 'zh') //=> '9.45 亿元'
 * @example formatMoney('33706384.16', 'en') //=> 'CNY 33.71 m'
 */
export function formatMoney(yuan: string, lang: Lang): string {
  if (lang === 'en') return `CNY ${moneyIn(yuan, 'million')} m`;
  const fen = fenOf(yuan);
  const big = (fen < 0n ? -fen : fen) >= FEN_PER_UNIT.yi;
  return big ? `${scaledText(fen, FEN_PER_UNIT.yi, 2)} 亿元` : `${scaledText(fen, FEN_PER_UNIT.wan, 2)} 万元`;
}

/** The unit a table column of money is in, for its header: 万元 in Chinese, millions in English. */
export function tableUnit(lang: Lang): MoneyUnit {
  return lang === 'zh' ? 'wan' : 'million';
}

/**
 * Yuan text as a plain number of `unit` for a chart's geometry (display only: a chart's bar height may be a float; a
 * figure printed as money goes through {@link moneyIn}).
 * @example chartNumber('33706384.16', 'wan') //=> 3370.638416
 */
export function chartNumber(yuan: string, unit: MoneyUnit): number {
  const fen = fenOf(yuan);
  const d = FEN_PER_UNIT[unit];
  return Number(fen / d) + Number(fen % d) / Number(d);
}

/**
 * An exact decimal fraction (a rate, `"0.0065"`) as a percentage with `places` decimals, rounded half away from zero.
 * @example percentOfFraction('0.0065') //=> '0.65%'
 * @example percentOfFraction('0.01843308749538394') //=> '1.84%'
 */
export function percentOfFraction(fraction: string, places = 2): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(fraction);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(fraction)}`);
  const decimals = (m[3] ?? '').length;
  const units = BigInt(`${m[1]}${m[2]}${m[3] ?? ''}`) * 100n;
  return `${scaledText(units, 10n ** BigInt(decimals), places)}%`;
}

/**
 * A probability (a display-only number from the API, 0 to 1) as a percentage: `0.06` → `6.0%`.
 * @example percentOfProbability(0.005) //=> '0.5%'
 */
export function percentOfProbability(p: number, places = 1): string {
  return `${(p * 100).toFixed(places)}%`;
}

/**
 * An exact decimal (not money: months, a multiple) with `places` decimals, rounded half away from zero.
 * @example decimalIn('8.280045249019266601265546720252806', 1) //=> '8.3'
 */
export function decimalIn(text: string, places: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${JSON.stringify(text)}`);
  const decimals = (m[3] ?? '').length;
  return scaledText(BigInt(`${m[1]}${m[2]}${m[3] ?? ''}`), 10n ** BigInt(decimals), places);
}

/**
 * An approximate amount the API gives as a number of 万元 (the LP's shadow prices and shortfalls, which are "about"
 * figures, not ledger money), with its unit: one decimal of 万元 in Chinese, two of millions in English.
 * @example approxWan(23.141276616069906, 'zh') //=> '23.1 万元'
 * @example approxWan(23.141276616069906, 'en') //=> 'CNY 0.23 m'
 */
export function approxWan(amountWan: number, lang: Lang): string {
  return lang === 'zh' ? `${amountWan.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} 万元` : `CNY ${(amountWan / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} m`;
}
