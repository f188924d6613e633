/**
 * A linear (or mixed-integer) program as data: variables, named rows and coefficients. Built by
 * `model/variables.ts` (with the objective coefficients) and `model/constraints.ts`; solved by any back-end in
 * `backends/`; every solution is checked against these rows (`verify.ts`) before it is used.
 *
 * Units: money in 万元 (10,000 yuan) so that coefficients stay within about 1e-4..1e6 (JuMP's
 * advice on tolerances); rates are fractions.
 */
export interface LpVariable {
  /** Unique, human-readable: `place[icbc][timeDeposit][12][2026-03]`. */
  readonly name: string;
  readonly lower: number;
  /** `Infinity` for none. */
  readonly upper: number;
  /** Objective coefficient. */
  readonly cost: number;
  /** Integer (binary when bounds are 0..1). */
  readonly integer?: boolean;
  /**
   * Semi-continuous: 0, or between `lower` and `upper` (a finite upper bound is required). Used for
   * minimum lots (a large CD of at least 10,000,000 yuan, or none).
   */
  readonly semiContinuous?: boolean;
}

export interface LpRow {
  /** Unique, human-readable: `reserve[2026-03]`, `bankCapC[icbc][2026-03]`. */
  readonly name: string;
  /** `-Infinity` for none. */
  readonly lower: number;
  /** `Infinity` for none. */
  readonly upper: number;
  /** Sparse coefficients: [variable index, coefficient]; each variable at most once. */
  readonly terms: ReadonlyArray<readonly [number, number]>;
  /** The rule this row encodes (`liquidityReserve`, `trancheShareCap`, …), for explanations. */
  readonly rule: string;
  /** Facts for explanations: month, bank, fund type. */
  readonly meta?: { readonly monthKey?: string; readonly bankId?: string; readonly fundType?: string };
}

export interface LpModel {
  readonly sense: 'maximize' | 'minimize';
  /** Constant added to the objective. */
  readonly offset: number;
  readonly variables: readonly LpVariable[];
  readonly rows: readonly LpRow[];
}

/** Number of non-zero coefficients. */
export function nonZeros(model: LpModel): number {
  let n = 0;
  for (const row of model.rows) n += row.terms.length;
  return n;
}

/** Whether any variable is integer. */
export function isMip(model: LpModel): boolean {
  return model.variables.some((v) => v.integer || v.semiContinuous);
}

/** A mutable builder: add variables and rows by name, get indices back. */
export class LpBuilder {
  readonly variables: LpVariable[] = [];
  readonly rows: LpRow[] = [];
  offset = 0;

  constructor(readonly sense: 'maximize' | 'minimize') {}

  /**
   * Adds a variable and returns its index. Names must be unique (bounds are fixed by name between rounds);
   * that is checked by `test/optimizer/model-names.test.ts` on the real models rather than hashed here on every build.
   */
  addVariable(v: LpVariable): number {
    this.variables.push(v);
    return this.variables.length - 1;
  }

  /** Adds a row, merging repeated variables in `terms` and dropping zero coefficients. */
  addRow(row: Omit<LpRow, 'terms'> & { terms: Iterable<readonly [number, number]> }): number {
    // Most rows repeat no variable: merge through a Map only when one does (cheaper on large models). Indexed loops and
    // a reused mark per variable, not destructuring and a Set per row: on a 22,125-column model these allocations were
    // a good part of the build and of its garbage collection.
    const list = Array.isArray(row.terms) ? (row.terms as ReadonlyArray<readonly [number, number]>) : [...row.terms];
    const mark = this.markFor();
    const stamp = ++this.stamp;
    let repeated = false;
    let zero = false;
    for (let k = 0; k < list.length; k++) {
      const term = list[k]!;
      const j = term[0];
      // An index outside the marks (a variable added after this row, or not a valid index at all) is compared by search.
      const marked = j >= 0 && j < mark.length && (j | 0) === j;
      if (marked && mark[j] === stamp) {
        repeated = true;
        break;
      }
      if (marked) mark[j] = stamp;
      else if (list.some((other, m) => m < k && other[0] === j)) {
        repeated = true;
        break;
      }
      if (term[1] === 0) zero = true;
    }
    let terms: Array<readonly [number, number]>;
    if (repeated) {
      const merged = new Map<number, number>();
      for (const [j, c] of list) merged.set(j, (merged.get(j) ?? 0) + c);
      terms = [...merged].filter(([, c]) => c !== 0);
    } else terms = zero ? list.filter((term) => term[1] !== 0) : list.slice();
    this.rows.push({ name: row.name, lower: row.lower, upper: row.upper, terms, rule: row.rule, ...(row.meta ? { meta: row.meta } : {}) });
    return this.rows.length - 1;
  }

  /** Per variable, the stamp of the last row that named it (rows are checked for repeats against it). */
  private mark = new Int32Array(0);
  private stamp = 0;

  private markFor(): Int32Array {
    if (this.mark.length < this.variables.length) {
      const grown = new Int32Array(Math.max(this.variables.length, 2 * this.mark.length));
      grown.set(this.mark);
      this.mark = grown;
    }
    return this.mark;
  }

  build(): LpModel {
    return { sense: this.sense, offset: this.offset, variables: this.variables, rows: this.rows };
  }
}
