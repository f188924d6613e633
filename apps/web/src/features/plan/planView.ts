// What the Plan screen shows, derived from an optimize result by pure functions (tested beside this file): the safety
// verdict, the next quarter's placements grouped the way a fund manager books them, and cap alerts. The components only
// render these.
import type { CapUse, OptimizeResult, Rollover, RolloverReason, Stress } from '../../api/results';
import { sumYuan, type YuanText } from '../../format/money';

/** How the plan stands against its safety target. */
export type VerdictMark = 'safe' | 'unsafe' | 'meanOnly';

export interface Verdict {
  readonly mark: VerdictMark;
  readonly confidence: number;
  /** The largest plan-caused gap probability the confidence allows: 1 − confidence. */
  readonly target: number;
  readonly stress: Stress;
  readonly planningPaths: number;
  /** Fund types with a gap on some check path, the plan-caused ones first, then by structural share. */
  readonly fundTypes: Stress['byFundType'];
}

/**
 * The verdict, stated before any interest: the plan is safe when the share of check paths on which it causes a payout
 * gap is within 1 − confidence (the CLI's rule, apps/cli/src/render/optimize.ts `printVerdict`); a plan made at
 * confidence 0 follows the mean flows and protects nothing. Undefined when the result has no out-of-sample check.
 * @example verdictOf({ safety: { confidence: 0.99 }, stress: { planCausedShortProbability: 0.01, … } }).mark //=> 'safe'
 */
export function verdictOf(result: Pick<OptimizeResult, 'safety' | 'stress'>): Verdict | undefined {
  const stress = result.stress;
  if (!stress) return undefined;
  const confidence = result.safety.confidence;
  const target = 1 - confidence;
  const planCaused = stress.planCausedShortProbability;
  const mark: VerdictMark = confidence === 0 ? 'meanOnly' : planCaused !== undefined && planCaused <= target + 1e-12 ? 'safe' : 'unsafe';
  const fundTypes = [...stress.byFundType].sort((a, b) => b.planCausedShortProbability - a.planCausedShortProbability || b.structuralShortProbability - a.structuralShortProbability);
  return { mark, confidence, target, stress, planningPaths: result.safety.planningPaths ?? 0, fundTypes };
}

/** One line of the next quarter's to-do list: the placements of a month at one bank, product and term, together. */
export interface PlacementRow {
  readonly key: string;
  readonly month: string;
  readonly bankId: string | undefined;
  readonly product: string;
  readonly termMonths: number;
  readonly annualRate: string;
  /** The exact sum of the grouped placements (yuan). */
  readonly amount: YuanText;
  readonly maturesIn: string;
  /** The fund types whose money goes in (each pays from its own money). */
  readonly fundTypes: readonly string[];
  /** Why the bank and term: the first placement's reason (the group shares bank, term and month). */
  readonly reason: RolloverReason;
}

/**
 * The next quarter's placements grouped by month, bank, product and term (as the CLI's to-do list groups them), the
 * amounts added exactly, in the order they first appear (by month, as the result lists them).
 * @example groupPlacements({ placements: [a 100.00 to ccb 3m, b 50.00 to ccb 3m] })[0].amount //=> '150.00'
 */
export function groupPlacements(rollover: Pick<Rollover, 'placements'>): PlacementRow[] {
  const groups = new Map<string, { first: Rollover['placements'][number]; amounts: string[]; fundTypes: string[] }>();
  for (const p of rollover.placements) {
    const key = `${p.month}|${p.bankId ?? ''}|${p.product}|${p.termMonths}|${p.annualRate}`;
    const g = groups.get(key);
    if (g) {
      g.amounts.push(p.amount);
      if (p.fundType && !g.fundTypes.includes(p.fundType)) g.fundTypes.push(p.fundType);
    } else groups.set(key, { first: p, amounts: [p.amount], fundTypes: p.fundType ? [p.fundType] : [] });
  }
  return [...groups].map(([key, { first, amounts, fundTypes }]) => ({
    key,
    month: first.month,
    bankId: first.bankId,
    product: first.product,
    termMonths: first.termMonths,
    annualRate: first.annualRate,
    amount: sumYuan(amounts),
    maturesIn: first.maturesIn,
    fundTypes,
    reason: first.reason,
  }));
}

/** The caps a bank's use is measured against (docs/domain.md §8.1). */
export const CAPS = [
  { key: 'tranche', rule: 'trancheShareCap' },
  { key: 'localDeposits', rule: 'bankLocalDepositCap' },
  { key: 'fundShare', rule: 'fundTimeDepositShareCap' },
] as const;

/** Use at or above this share of a cap warns. */
export const CAP_WARN = 0.8;
/** Use at or above the cap itself is the alarm. */
export const CAP_ALARM = 1;

/**
 * The banks whose use of some cap reaches the alarm (100%) or, short of it, the warning (80%), by id, in the result's
 * order. Uses are exact fractions on the wire; they are compared exactly (as decimal text, not floats).
 * @example capAlerts([{ bankId: 'icbc', tranche: '1' }, { bankId: 'rural', fundShare: '0.85' }]) //=> { alarm: ['icbc'], warn: ['rural'] }
 */
export function capAlerts(uses: readonly CapUse[]): { alarm: string[]; warn: string[] } {
  const alarm: string[] = [];
  const warn: string[] = [];
  for (const u of uses) {
    const values = CAPS.map((c) => u[c.key]).filter((v): v is string => v !== undefined);
    if (values.some((v) => compareDecimal(v, '1') >= 0)) alarm.push(u.bankId);
    else if (values.some((v) => compareDecimal(v, '0.8') >= 0)) warn.push(u.bankId);
  }
  return { alarm, warn };
}

/**
 * Compares two decimal strings exactly: −1, 0 or 1.
 * @example compareDecimal('0.80', '0.8') //=> 0
 */
export function compareDecimal(a: string, b: string): number {
  const scale = (t: string) => (t.split('.')[1] ?? '').length;
  const places = Math.max(scale(a), scale(b));
  const whole = (t: string) => {
    const [int, frac = ''] = t.split('.');
    return BigInt(`${int}${frac.padEnd(places, '0')}`);
  };
  const x = whole(a);
  const y = whole(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
