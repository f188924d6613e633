// What a reader types as money or a rate, read exactly: 万元 or 亿元 with thousands separators become whole fen (BigInt),
// a percentage becomes the fraction the scenario keeps ("0.95" % → "0.0095"). Never through a float, never rounded: a
// figure finer than a fen is refused, so what is saved is what was typed.
import { type YuanText, yuanTextOf } from '../../format/money';

/** The units a money field takes: 万元 (the default of most fields), 亿元, or yuan. */
export type MoneyInputUnit = 'wan' | 'yi' | 'yuan';

/** Why a typed figure was refused. */
export type InputProblem = 'empty' | 'notANumber' | 'tooPrecise' | 'negative';

export type ParsedMoney = { ok: true; fen: bigint; yuan: YuanText } | { ok: false; problem: InputProblem; maxPlaces?: number };

/** Fen in one unit, and so the most decimal places a figure in that unit can have (a fen is 0.000001 万元). */
const FEN_PLACES: Record<MoneyInputUnit, number> = { yuan: 2, wan: 6, yi: 10 };

const SUFFIX: readonly [RegExp, MoneyInputUnit][] = [
  [/(亿元|亿)$/, 'yi'],
  [/(万元|万)$/, 'wan'],
  [/元$/, 'yuan'],
];

/** Full-width digits and punctuation (a Chinese input method's) as ASCII; spaces dropped. */
function asciiOf(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[－]/g, '-')
    .replace(/[\s\u00a0\u3000]/g, '');
}

/** `[-]digits[.digits]` with optional thousands separators in threes, or undefined. */
function decimalParts(text: string): { negative: boolean; whole: string; frac: string } | undefined {
  const m = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  return { negative: m[1] === '-', whole: m[2]!.replace(/,/g, ''), frac: m[3] ?? '' };
}

/**
 * A typed amount as whole fen, exactly.
 * @param text - what the reader typed: `1,234.56`, `1234.5 万元`, `9.45亿`, full-width digits too
 * @param unit - the field's unit when the text names none
 * @param options - `allowNegative` (default false)
 * @returns the fen and the yuan text the API takes, or why it was refused (`tooPrecise` with the places allowed)
 * @example parseMoneyInput('1,234.56', 'wan') //=> { ok: true, fen: 1234560000n, yuan: '12345600.00' }
 * @example parseMoneyInput('0.0000001', 'wan') //=> { ok: false, problem: 'tooPrecise', maxPlaces: 6 }
 */
export function parseMoneyInput(text: string, unit: MoneyInputUnit, options: { allowNegative?: boolean } = {}): ParsedMoney {
  let t = asciiOf(text);
  if (t === '') return { ok: false, problem: 'empty' };
  let u = unit;
  for (const [re, named] of SUFFIX) {
    if (re.test(t)) {
      t = t.replace(re, '');
      u = named;
      break;
    }
  }
  const parts = decimalParts(t);
  if (!parts) return { ok: false, problem: 'notANumber' };
  const places = FEN_PLACES[u];
  if (parts.frac.length > places && /[1-9]/.test(parts.frac.slice(places))) return { ok: false, problem: 'tooPrecise', maxPlaces: places };
  const magnitude = BigInt(parts.whole) * 10n ** BigInt(places) + BigInt(parts.frac.slice(0, places).padEnd(places, '0') || '0');
  const fen = parts.negative ? -magnitude : magnitude;
  if (fen < 0n && !options.allowNegative) return { ok: false, problem: 'negative' };
  return { ok: true, fen, yuan: yuanTextOf(fen === 0n ? 0n : fen) };
}

export type ParsedFraction = { ok: true; fraction: string } | { ok: false; problem: InputProblem; maxPlaces?: number };

/**
 * A typed percentage as the exact fraction the scenario keeps: the decimal point moves two places, nothing is rounded.
 * @param text - `0.95`, `0.95%`, `2.6`
 * @param maxPlaces - the most decimals of the percentage (default 4: a hundredth of a basis point)
 * @example parsePercentInput('0.95') //=> { ok: true, fraction: '0.0095' }
 * @example parsePercentInput('20%') //=> { ok: true, fraction: '0.20' }
 */
export function parsePercentInput(text: string, maxPlaces = 4): ParsedFraction {
  const t = asciiOf(text).replace(/[%％]$/, '');
  if (t === '') return { ok: false, problem: 'empty' };
  const parts = decimalParts(t);
  if (!parts) return { ok: false, problem: 'notANumber' };
  if (parts.negative) return { ok: false, problem: 'negative' };
  // Zeros typed at the end are kept ("2.60" → "0.0260", as the scenario writes it); only non-zero digits count as precision.
  const frac = parts.frac;
  if (frac.replace(/0+$/, '').length > maxPlaces) return { ok: false, problem: 'tooPrecise', maxPlaces };
  // percent digits w.f → fraction digits: (w·10^k + f) / 10^(k+2), written with at least two decimals.
  const digits = `${parts.whole}${frac}`.replace(/^0+(?=\d)/, '');
  const scale = frac.length + 2;
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const decimals = padded.slice(padded.length - scale);
  return { ok: true, fraction: `${whole}.${decimals}` };
}

/**
 * A fraction as the percentage a reader types, exactly (the inverse of {@link parsePercentInput}), at least two decimals.
 * @example percentInputOf('0.0095') //=> '0.95'
 * @example percentInputOf('0.0260') //=> '2.60'
 * @example percentInputOf('0.01234') //=> '1.234'
 */
export function percentInputOf(fraction: string): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(fraction);
  if (!m) return fraction;
  const frac = (m[2] ?? '').padEnd(2, '0');
  const whole = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${whole}.${rest.padEnd(2, '0')}`;
}
