import { Decimal } from '@fundladder/core';

/** Amount units of Chinese finance reports: 元, 万元 (10,000 yuan), 亿元 (100,000,000 yuan). */
export const AMOUNT_UNITS = ['yuan', 'wan', 'yi'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

/** Yuan per unit, exact (docs/domain.md: 万元 = 10,000 yuan, 亿元 = 100,000,000 yuan). */
export const YUAN_PER_UNIT: Record<AmountUnit, Decimal> = { yuan: new Decimal(1), wan: new Decimal(10_000), yi: new Decimal(100_000_000) };

/** Chinese names of the units, for messages. */
export const UNIT_NAMES_ZH: Record<AmountUnit, string> = { yuan: '元', wan: '万元', yi: '亿元' };

/**
 * Folds what people type into one form for matching: full-width to half-width (NFKC: `（` → `(`, `１` → `1`),
 * lower case, no spaces.
 * @example normalizeText(' 收入（万元） ') //=> '收入(万元)'
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const UNIT_WORDS: Record<string, AmountUnit> = {
  元: 'yuan', 人民币元: 'yuan', yuan: 'yuan', cny: 'yuan', rmb: 'yuan',
  万元: 'wan', 万: 'wan', 人民币万元: 'wan', wan: 'wan', '10kyuan': 'wan', '10k': 'wan', '10,000yuan': 'wan', '10000yuan': 'wan', tenthousandyuan: 'wan',
  亿元: 'yi', 亿: 'yi', 人民币亿元: 'yi', yi: 'yi', '100myuan': 'yi', '100m': 'yi', '100millionyuan': 'yi', '100,000,000yuan': 'yi',
};

/**
 * Reads an amount unit as people write it (`万元`, `单位：万元`, `wan`, `10k yuan`, `亿`).
 * @example parseUnit('单位：万元') //=> 'wan'
 * @example parseUnit('yuan') //=> 'yuan'
 * @example parseUnit('%') //=> undefined
 */
export function parseUnit(text: string): AmountUnit | undefined {
  const key = normalizeText(text).replace(/^(金额)?单位[:：]?/, '').replace(/^unit[:：]?/, '');
  return UNIT_WORDS[key];
}

const PERCENT_WORDS = new Set(['%', '％', 'percent', 'pct', '%/年', '年%', '年化%', '%p.a.', '%pa', '百分比']);

/** What a header says about its column: the name without the unit, and the unit it declares, if any. */
export interface HeaderParts {
  /** The header as written (for messages). */
  readonly text: string;
  /** The name without a declared unit, normalized ({@link normalizeText}). */
  readonly name: string;
  /** The name without a declared unit, as written (full-width folded, case kept). */
  readonly label: string;
  readonly unit?: AmountUnit;
  /** True when the header declares rates in percent (`利率（%）`, `rate (%)`). */
  readonly percent?: boolean;
}

/**
 * Splits a header into its name and the unit it declares: `收入（万元）`, `收入(万元)`, `收入/万元`, `收入万元`,
 * `inflow (wan)`, `inflowWan`, `利率（%）`, `利率%`. A bracketed text that is no unit stays in the name.
 * @example splitHeader('收入（万元）') //=> { text: '收入（万元）', name: '收入', unit: 'wan' }
 * @example splitHeader('inflowWan') //=> { text: 'inflowWan', name: 'inflow', unit: 'wan' }
 * @example splitHeader('年利率(%)') //=> { text: '年利率(%)', name: '年利率', percent: true }
 */
export function splitHeader(text: string): HeaderParts {
  const folded = text.normalize('NFKC').trim();
  const bracket = /^(.*?)\s*[([【]([^()[\]【】]*)[)\]】]\s*$/.exec(folded);
  if (bracket) {
    const inner = bracket[2]!;
    const unit = parseUnit(inner);
    if (unit) return named(text, bracket[1]!, { unit });
    if (PERCENT_WORDS.has(normalizeText(inner)) || /^(年)?利率\s*[:：]?\s*%$/.test(inner)) return named(text, bracket[1]!, { percent: true });
  }
  if (/[%％]$/.test(folded)) return named(text, folded.replace(/[/_\s-]*[%％]$/, ''), { percent: true });
  const camel = /^([a-z][A-Za-z0-9]*?)(Yuan|Wan|Yi)$/.exec(folded);
  if (camel) return named(text, camel[1]!, { unit: camel[2]!.toLowerCase() as AmountUnit });
  const suffix = /^(.+?)\s*(?:[/_-]|\s)\s*(元|万元|亿元|yuan|wan|yi)$/i.exec(folded) ?? /^(.*[^万亿元])(万元|亿元)$/.exec(folded);
  if (suffix) return named(text, suffix[1]!, { unit: parseUnit(suffix[2]!)! });
  return named(text, folded, {});
}

function named(text: string, base: string, declared: { unit?: AmountUnit; percent?: boolean }): HeaderParts {
  return { text, name: normalizeText(base), label: base.normalize('NFKC').trim(), ...declared };
}

/**
 * Finds an amount-unit note above a table's header, as Chinese reports print it: `单位：万元`, `金额单位：亿元`.
 * @example unitNote('编制单位：某县社保局    单位：万元') //=> 'wan'
 * @example unitNote('2025年社会保险基金收支表') //=> undefined
 */
export function unitNote(text: string): AmountUnit | undefined {
  const folded = text.normalize('NFKC');
  const zh = /(?:^|[^编制])(?:金额)?单位\s*[:：]\s*(人民币)?(亿元|万元|元)/.exec(folded);
  if (zh) return parseUnit(zh[2]!);
  const en = /\bunit\s*[:：]\s*(yuan|wan|yi|10k yuan|100m yuan)\b/i.exec(folded);
  return en ? parseUnit(en[1]!) : undefined;
}
