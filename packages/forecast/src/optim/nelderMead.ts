/** Options for {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Box bounds per coordinate; points are projected into the box. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Initial step per coordinate (default 10% of the box width). */
  readonly step?: readonly number[];
  /** Stop when the simplex's objective spread falls below this (relative to |f| + 1e-12). Default 1e-10. */
  readonly tolerance?: number;
  /** Maximum objective evaluations. Default 2000. */
  readonly maxEvaluations?: number;
}

/** What {@link nelderMead} found. */
export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  /** 'converged' when the tolerance was met, 'maxEvaluations' when the budget ran out. */
  readonly termination: 'converged' | 'maxEvaluations';
}

/**
 * Derivative-free minimisation by the Nelder–Mead simplex (reflection 1, expansion 2, contraction ½,
 * shrink ½), inside a box by projecting every trial point. Used to fit smoothing parameters by SSE.
 *
 * @param objective - function to minimise
 * @param start - starting point (projected into the box)
 * @param options - bounds, step, tolerance and budget
 * @returns the best point, its value, the evaluations used and why it stopped
 * @example nelderMead(([x]) => (x! - 0.3) ** 2, [0.9], { lower: [0], upper: [1] }).x[0] //=> ≈0.3
 * @see Nelder & Mead, "A simplex method for function minimization", Computer Journal 7 (1965); Lagarias et al., SIAM J. Optim. 9 (1998) for the coefficients.
 */
export function nelderMead(objective: (x: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions): NelderMeadResult {
  const dim = start.length;
  const tolerance = options.tolerance ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const project = (x: number[]): number[] => x.map((v, i) => Math.min(options.upper[i]!, Math.max(options.lower[i]!, v)));
  let evaluations = 0;
  const evaluate = (x: number[]): { x: number[]; f: number } => {
    evaluations++;
    const f = objective(x);
    return { x, f: Number.isFinite(f) ? f : Number.POSITIVE_INFINITY };
  };
  const x0 = project([...start]);
  const simplex = [evaluate(x0)];
  for (let i = 0; i < dim; i++) {
    const width = options.upper[i]! - options.lower[i]!;
    const step = options.step?.[i] ?? 0.1 * width;
    const vertex = [...x0];
    vertex[i] = vertex[i]! + step > options.upper[i]! ? vertex[i]! - step : vertex[i]! + step;
    simplex.push(evaluate(project(vertex)));
  }
  const combine = (a: readonly number[], b: readonly number[], t: number): number[] => project(a.map((v, i) => v + t * (b[i]! - v)));
  while (evaluations < maxEvaluations) {
    simplex.sort((p, q) => p.f - q.f);
    const best = simplex[0]!;
    const worst = simplex[dim]!;
    if (Math.abs(worst.f - best.f) <= tolerance * (Math.abs(best.f) + 1e-12)) {
      return { x: best.x, value: best.f, evaluations, termination: 'converged' };
    }
    const centroid = new Array<number>(dim).fill(0);
    for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) centroid[j] = centroid[j]! + simplex[i]!.x[j]! / dim;
    const reflected = evaluate(combine(centroid, worst.x, -1));
    if (reflected.f < best.f) {
      const expanded = evaluate(combine(centroid, worst.x, -2));
      simplex[dim] = expanded.f < reflected.f ? expanded : reflected;
      continue;
    }
    if (reflected.f < simplex[dim - 1]!.f) {
      simplex[dim] = reflected;
      continue;
    }
    const outside = reflected.f < worst.f;
    const contracted = evaluate(combine(centroid, outside ? reflected.x : worst.x, 0.5));
    if (contracted.f < (outside ? reflected.f : worst.f)) {
      simplex[dim] = contracted;
      continue;
    }
    for (let i = 1; i <= dim; i++) simplex[i] = evaluate(combine(best.x, simplex[i]!.x, 0.5));
  }
  simplex.sort((p, q) => p.f - q.f);
  return { x: simplex[0]!.x, value: simplex[0]!.f, evaluations, termination: 'maxEvaluations' };
}
