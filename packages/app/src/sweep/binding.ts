import type { OptimizeResult } from '@fundladder/optimizer';

/**
 * The rules whose rows can bind a plan, in the order a sweep reports them: the reserve (docs/optimizer.md §5.2), the
 * three caps of [004] (§5.4–5.6), the bond share (§5.7), and the safety floors on each fund type's cash (§16), which are
 * bounds on the cash columns rather than rows.
 */
export const BINDABLE_RULES = ['liquidityReserve', 'trancheShareCap', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'maxBondShare', 'liquidAtEnd', 'safetyFloor'] as const;
export type BindableRule = (typeof BINDABLE_RULES)[number];

/** One rule binding at a point: how many of its rows bind, and the interest one more 万元 of room would add (about). */
export interface BindingRule {
  readonly rule: BindableRule;
  /** Rows (or cash months, for `safetyFloor`) that bind. */
  readonly count: number;
  /**
   * Σ |shadow price| over those rows: 万元 of interest per 万元 of room, from the first round's LP (no lot rounding;
   * duals are not unique here, so "about", docs/solver-notes.md §6). Absent for `safetyFloor` (bounds carry no row dual).
   */
  readonly valuePerWan?: number;
}

/** A shadow price smaller than this is 0 (the LP's tolerance; bindingFacts uses the same). */
const DUAL_EPSILON = 1e-9;
/** A cash column within this of its floor (万元: one fen) is at the floor. */
const FLOOR_EPSILON_WAN = 1e-6;

const BINDABLE: ReadonlySet<string> = new Set<string>(BINDABLE_RULES);

function addBinding(count: Map<BindableRule, { count: number; value: number }>, rule: BindableRule, value: number): void {
  const c = count.get(rule) ?? { count: 0, value: 0 };
  c.count++;
  c.value += value;
  count.set(rule, c);
}

/**
 * Which rules bind the plan at one point: the rows of each rule in {@link BINDABLE_RULES} with a non-zero shadow
 * price in the first round's LP (`relaxed`, as `bindingFacts` reads them), and the fund types' cash months that sit at
 * their safety floor (a floor above 0 that the cash column does not exceed). No plan, or no duals (a MIP, jsls): none.
 *
 * @example bindingRules(result).map((b) => b.rule) //=> ['liquidityReserve', 'fundTimeDepositShareCap', 'safetyFloor']
 */
export function bindingRules(result: OptimizeResult): BindingRule[] {
  if (result.status !== 'optimal' || result.relaxed.report.dual !== 'feasiblePoint') return [];
  const { model, report } = result.relaxed;
  const count = new Map<BindableRule, { count: number; value: number }>();
  // Plain loops over the model's rows and columns (thousands): run once a point, callbacks here would lose their
  // optimized code at each full garbage collection between a sweep's points (docs/sweep.md §6).
  for (let i = 0; i < model.rows.length; i++) {
    const row = model.rows[i]!;
    const dual = report.rowDuals[i] ?? 0;
    if (BINDABLE.has(row.rule) && Math.abs(dual) > DUAL_EPSILON) addBinding(count, row.rule as BindableRule, Math.abs(dual));
  }
  for (let j = 0; j < model.variables.length; j++) {
    const v = model.variables[j]!;
    if (v.lower > 0 && v.name.startsWith('cash[') && (report.columnValues[j] ?? 0) <= v.lower + FLOOR_EPSILON_WAN) addBinding(count, 'safetyFloor', 0);
  }
  return BINDABLE_RULES.filter((r) => count.has(r)).map((rule) => {
    const c = count.get(rule)!;
    return rule === 'safetyFloor' ? { rule, count: c.count } : { rule, count: c.count, valuePerWan: c.value };
  });
}

/** Where the set of binding rules changes between two neighbouring points of the grid. */
export interface BindingChange {
  /** The parameter that changes between the two points (the other, if any, is the same at both). */
  readonly parameter: string;
  readonly fromIndex: number;
  readonly toIndex: number;
  readonly fromValue: string;
  readonly toValue: string;
  /** Rules binding at `toIndex` but not at `fromIndex`, and the reverse. */
  readonly starts: readonly BindableRule[];
  readonly stops: readonly BindableRule[];
}

/**
 * Walks each varied parameter's line of the grid (the other parameter held at each of its values) and lists every
 * step at which a rule starts or stops binding. Points without a plan are skipped over: the step runs from the last
 * point with a plan to the next one.
 *
 * @param axes - the varied parameters in grid order, each with its number of values (row-major grid, first outermost)
 * @param rulesAt - the binding rules at each point by index (undefined: no plan)
 * @example bindingChanges([{ name: 'reserveMonths', values: ['1','2','3'] }], [['safetyFloor'], ['safetyFloor'], ['liquidityReserve','safetyFloor']])
 * //=> [{ parameter: 'reserveMonths', fromIndex: 1, toIndex: 2, fromValue: '2', toValue: '3', starts: ['liquidityReserve'], stops: [] }]
 */
export function bindingChanges(axes: readonly { readonly name: string; readonly values: readonly string[] }[], rulesAt: readonly (readonly BindableRule[] | undefined)[]): BindingChange[] {
  const sizes = axes.map((a) => a.values.length);
  const stride = (d: number) => sizes.slice(d + 1).reduce((n, s) => n * s, 1);
  const total = sizes.reduce((n, s) => n * s, 1);
  const changes: BindingChange[] = [];
  axes.forEach((axis, d) => {
    const step = stride(d);
    // The first point of each line along axis d: every index whose coordinate d is 0.
    for (let start = 0; start < total; start++) {
      if (Math.floor(start / step) % sizes[d]! !== 0) continue;
      let previous: number | undefined;
      for (let k = 0; k < sizes[d]!; k++) {
        const index = start + k * step;
        const rules = rulesAt[index];
        if (!rules) continue;
        if (previous !== undefined) {
          const before = new Set(rulesAt[previous]!);
          const now = new Set(rules);
          const starts = BINDABLE_RULES.filter((r) => now.has(r) && !before.has(r));
          const stops = BINDABLE_RULES.filter((r) => before.has(r) && !now.has(r));
          if (starts.length || stops.length) changes.push({ parameter: axis.name, fromIndex: previous, toIndex: index, fromValue: axis.values[Math.floor(previous / step) % sizes[d]!]!, toValue: axis.values[k]!, starts, stops });
        }
        previous = index;
      }
    }
  });
  return changes;
}
