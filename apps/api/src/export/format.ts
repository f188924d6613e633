import { type Decimal, Decimal as Dec, formatPercent, formatYuan, yuanToWan } from '@fundladder/core';
import { wanText } from '@fundladder/app';

/** The number format of every money cell of the workbook: yuan with thousands separators, to the fen. */
export const MONEY_FORMAT = '#,##0.00';
/** The number format of a rate cell, in percent: two places at least, four at most (1.415 stays 1.415). */
export const RATE_PERCENT_FORMAT = '0.00##';
/** The number format of a probability or a share cell. */
export const SHARE_FORMAT = '0.0%';

/**
 * A money cell's value: the Decimal's exact text to the fen, as a number. The one place where money becomes a float,
 * at the cell, so that a spreadsheet can sum it; the text has at most 15 significant digits below 10¹³ yuan, which a
 * double holds exactly to the fen.
 * @param yuan - ledger money (yuan; already to the fen on the wire, rounded half up here if finer)
 * @returns the number a cell holds
 * @example moneyCellValue(dec('33706384.16')) //=> 33706384.16
 * @see docs/exports.md §2
 */
export function moneyCellValue(yuan: Decimal): number {
  return Number(yuan.toFixed(2, Dec.ROUND_HALF_UP));
}

/**
 * A rate as a percent cell's value: the fraction times 100, exactly, as a number (0.01415 → 1.415).
 * @example rateCellValue(dec('0.0065')) //=> 0.65
 */
export function rateCellValue(annualRate: Decimal): number {
  return Number(annualRate.times(100).toFixed());
}

/**
 * Yuan as 万元 text with thousands separators and two places, without the unit (the app layer's `wanText`, the CLI's
 * form): every 万元 figure in the report goes through this, and the tests compare against it.
 * @example wan(dec('33706384.16')) //=> '3,370.64'
 */
export const wan = (yuan: Decimal): string => wanText(yuan);

/** Yuan with thousands separators and two places: `1,234,567.80`. */
export const yuan = (amount: Decimal): string => formatYuan(amount);

/**
 * A probability (a share of paths, a float from the stress test) as a percent with one place.
 * @example pct(0.005) //=> '0.5%'
 * @example pct(undefined) //=> '—'
 */
export function pct(share: number | undefined): string {
  return share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}

/**
 * An exact share or rate (a Decimal fraction) as a percent with `places` places, half up.
 * @example pctExact(dec('0.0125')) //=> '1.25%'
 */
export function pctExact(share: Decimal | undefined, places = 2): string {
  return share === undefined ? '—' : formatPercent(share, places);
}

/**
 * A share as the rules write it, exact and unpadded: 0.2 → `20%`, 0.125 → `12.5%` (the catalogue's form for caps).
 * @example shareText(dec('0.125')) //=> '12.5%'
 */
export function shareText(share: Decimal): string {
  return `${share.times(100).toFixed()}%`;
}

/**
 * 万元 as a chart's number: the chart's coordinates are floats whatever we do, so the conversion is named and happens
 * at the chart's data only, from the Decimal's text to the fen of a 万元.
 * @example chartWan(dec('33706384.16')) //=> 3370.64
 */
export function chartWan(amount: Decimal): number {
  return Number(yuanToWan(amount).toFixed(2, Dec.ROUND_HALF_UP));
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML (element content or a quoted attribute): `& < > " '` escaped. Every string the report puts into its
 * HTML goes through this, figures included.
 * @example escapeHtml('<b>"工行" & 建行</b>') //=> '&lt;b&gt;&quot;工行&quot; &amp; 建行&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/**
 * Text as a CSS string literal (for `content:` in the page's margin boxes): quoted, every character outside letters,
 * digits, CJK and a few safe marks written as a CSS escape, so that no quote, backslash, newline or `</style>` can end
 * the string or the style element.
 * @example cssString('R-1 "x"') //=> '"R-1 \\22 x\\22 "'
 */
export function cssString(text: string): string {
  const safe = /[A-Za-z0-9 .,:_+\-\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
  const escaped = [...text].map((ch) => (safe.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `)).join('');
  return `"${escaped}"`;
}
