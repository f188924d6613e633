// The maturity ladder (docs/web.md §3): at each month's end, the deposits and bonds outstanding stacked by product and
// term, and beside it what comes back each month by product. Pure functions of GET …/runs/{id}/ladder (the ledger's
// positions), tested beside this file.
import type { MaturityLadder } from '../../api/overviewSchemas';
import { ARIA, type ChartOption } from '../../charts/option';
import { chartNumber, fenOf, type Lang, tableUnit, yuanTextOf } from '../../format/money';
import { unitName } from './liquidityLadderChart';

/** Products in the order they stack (liquid at the bottom, bonds on top) and their hue. */
const PRODUCT_COLORS: Record<string, readonly string[]> = {
  agreedDeposit: ['#9ec5e8'],
  callDeposit1d: ['#7fb3d5'],
  callDeposit7d: ['#5b9bd5'],
  timeDeposit: ['#c6e0b4', '#a9d18e', '#70ad47', '#548235', '#385723', '#274e13'],
  largeCd: ['#f8cbad', '#f4b183', '#ed7d31', '#c55a11'],
  govBond: ['#d9c3e9', '#b4a7d6', '#8e7cc3', '#674ea7'],
};
const ORDER = Object.keys(PRODUCT_COLORS);

/** The product-and-term keys held at any month, in stacking order (product, then term ascending). */
export function ladderKeys(months: MaturityLadder['months'], pick: 'outstanding' | 'maturing'): { product: string; termMonths: number }[] {
  const seen = new Map<string, { product: string; termMonths: number }>();
  for (const m of months) for (const x of m[pick]) if (fenOf(x.amount) !== 0n) seen.set(`${x.product}|${x.termMonths}`, { product: x.product, termMonths: x.termMonths });
  return [...seen.values()].sort((a, b) => ORDER.indexOf(a.product) - ORDER.indexOf(b.product) || a.termMonths - b.termMonths);
}

/**
 * The outstanding ladder's option: one stacked bar per month end, a series per product and term (named by
 * `name(product, term)`), in 万元 (Chinese) or millions (English).
 * @example maturityLadderOption([{ month: '2026-01', outstanding: [{ product: 'timeDeposit', termMonths: 12, amount: '50000000.00' }], maturing: [] }], name, 'zh').series[0].data //=> [5000]
 */
export function maturityLadderOption(months: MaturityLadder['months'], name: (product: string, termMonths: number) => string, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const keys = ladderKeys(months, 'outstanding');
  const shade = new Map<string, number>();
  return {
    aria: ARIA,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${unitName(lang)}` : String(v)) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', name: unitName(lang), axisLabel: { formatter: (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 0 }) } },
    series: keys.map((k) => {
      const palette = PRODUCT_COLORS[k.product] ?? ['#999999'];
      const i = shade.get(k.product) ?? 0;
      shade.set(k.product, i + 1);
      return {
        name: name(k.product, k.termMonths),
        type: 'bar' as const,
        stack: 'outstanding',
        itemStyle: { color: palette[i % palette.length]! },
        data: months.map((m) => {
          const x = m.outstanding.find((o) => o.product === k.product && o.termMonths === k.termMonths);
          return x ? chartNumber(x.amount, unit) : 0;
        }),
      };
    }),
  };
}

/**
 * What comes back each month, by product (all terms together): the maturities by month.
 * @example maturingOption([{ month: '2026-01', outstanding: [], maturing: [{ product: 'timeDeposit', termMonths: 3, amount: '100.00' }, { product: 'timeDeposit', termMonths: 6, amount: '200.00' }] }], (p) => p, 'zh').series[0].data //=> [0.03]
 */
export function maturingOption(months: MaturityLadder['months'], productName: (product: string) => string, lang: Lang): ChartOption {
  const unit = tableUnit(lang);
  const products = [...new Set(ladderKeys(months, 'maturing').map((k) => k.product))];
  return {
    aria: ARIA,
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (typeof v === 'number' ? `${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${unitName(lang)}` : String(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', name: unitName(lang) },
    series: products.map((p) => ({
      name: productName(p),
      type: 'bar' as const,
      stack: 'maturing',
      itemStyle: { color: (PRODUCT_COLORS[p] ?? ['#999999'])[Math.min(2, (PRODUCT_COLORS[p] ?? ['']).length - 1)]! },
      data: months.map((m) => {
        let fen = 0n;
        for (const x of m.maturing) if (x.product === p) fen += fenOf(x.amount);
        return chartNumber(yuanTextOf(fen), unit);
      }),
    })),
  };
}
