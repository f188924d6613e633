// The liquidity gap per time bucket as bank ALM tools set it out (docs/web.md §3; ../shared stack notes, "liquidity gap
// ladder"): this month, the next quarter and the next year, each from the month after the latest recorded actual. Each
// bucket sums the ledger's flows (money in: inflows, maturities, interest; money out: payouts, new placements) and sets
// the liquid money against the reserve floor, at the bucket's end and at its tightest month. The ledger's liquid money is
// moved by what the actuals already changed: the cumulative net variance (actual minus expected) of the recorded months.
// All sums are in fen.
import { type YuanText, fenOf, yuanTextOf } from '../../format/money';

/** The ledger's month as the API sends it (`evaluation.months`), as far as the gap needs it. */
export interface GapMonth {
  readonly month: string;
  readonly inflows: string;
  readonly outflows: string;
  readonly placed: string;
  readonly matured: string;
  readonly interestReceived: string;
  readonly closingLiquid: string;
  readonly reserveRequired: string;
}

export type BucketKey = 'thisMonth' | 'nextQuarter' | 'nextYear';
const LENGTH: Record<BucketKey, number> = { thisMonth: 1, nextQuarter: 3, nextYear: 12 };

export interface GapBucket {
  readonly key: BucketKey;
  readonly from: string;
  readonly to: string;
  /** Months the ledger has in the bucket (fewer than its length at the horizon's end). */
  readonly months: number;
  readonly moneyIn: YuanText;
  readonly moneyOut: YuanText;
  /** In − out over the bucket. */
  readonly gap: YuanText;
  /** Liquid money at the bucket's end (the ledger's, moved by the recorded variance) and the reserve floor then. */
  readonly liquid: YuanText;
  readonly reserve: YuanText;
  readonly headroom: YuanText;
  /** The month in the bucket where liquid money is nearest to (or furthest below) the floor, and by how much. */
  readonly tightest: { readonly month: string; readonly headroom: YuanText };
  readonly belowReserve: boolean;
}

/**
 * The three buckets from `fromMonth`.
 * @param months - the ledger's months, in order
 * @param fromMonth - the first month of "this month" (the month after the latest recorded actual)
 * @param shift - the cumulative net variance of the recorded months, yuan (actual − expected; negative: less money than planned)
 * @returns the buckets the ledger reaches (none when `fromMonth` is not a ledger month)
 * @example gapBuckets(months, '2026-02', '-1000000.00')[0] //=> { key: 'thisMonth', from: '2026-02', to: '2026-02', gap: '…', liquid: '…', … }
 */
export function gapBuckets(months: readonly GapMonth[], fromMonth: string, shift: string): GapBucket[] {
  const start = months.findIndex((m) => m.month === fromMonth);
  if (start < 0) return [];
  const moved = fenOf(shift);
  return (Object.keys(LENGTH) as BucketKey[]).map((key) => {
    const span = months.slice(start, start + LENGTH[key]);
    let moneyIn = 0n;
    let moneyOut = 0n;
    let tightest: { month: string; headroom: bigint } | undefined;
    for (const m of span) {
      moneyIn += fenOf(m.inflows) + fenOf(m.matured) + fenOf(m.interestReceived);
      moneyOut += fenOf(m.outflows) + fenOf(m.placed);
      const headroom = fenOf(m.closingLiquid) + moved - fenOf(m.reserveRequired);
      if (!tightest || headroom < tightest.headroom) tightest = { month: m.month, headroom };
    }
    const end = span.at(-1)!;
    const liquid = fenOf(end.closingLiquid) + moved;
    const reserve = fenOf(end.reserveRequired);
    return {
      key,
      from: span[0]!.month,
      to: end.month,
      months: span.length,
      moneyIn: yuanTextOf(moneyIn),
      moneyOut: yuanTextOf(moneyOut),
      gap: yuanTextOf(moneyIn - moneyOut),
      liquid: yuanTextOf(liquid),
      reserve: yuanTextOf(reserve),
      headroom: yuanTextOf(liquid - reserve),
      tightest: { month: tightest!.month, headroom: yuanTextOf(tightest!.headroom) },
      belowReserve: tightest!.headroom < 0n,
    };
  });
}

/**
 * The cumulative net variance of the recorded months before `fromMonth`: Σ (inflow variance − outflow variance), over the
 * rows the scenario forecasts (a month it does not forecast has no variance and moves nothing).
 * @example netVariance([{ month: '2026-01', inflow: { variance: '-10.00' }, outflow: { variance: '5.00' } }], '2026-02') //=> '-15.00'
 */
export function netVariance(rows: readonly { month: string; inflow: { variance: string | null }; outflow: { variance: string | null } }[], fromMonth: string): YuanText {
  let fen = 0n;
  for (const r of rows) {
    if (r.month >= fromMonth) continue;
    if (r.inflow.variance !== null) fen += fenOf(r.inflow.variance);
    if (r.outflow.variance !== null) fen -= fenOf(r.outflow.variance);
  }
  return yuanTextOf(fen);
}
