/**
 * Solves A·x = b by Gaussian elimination with partial pivoting (small dense systems: the normal
 * equations of a trend-plus-month-effects regression have 13 unknowns).
 *
 * @param matrix - square matrix A, row-major; not mutated
 * @param rhs - right-hand side b; not mutated
 * @returns x, or `undefined` when A is singular (a pivot below 1e-12 of the largest entry)
 * @example solveLinearSystem([[2, 0], [0, 4]], [2, 8]) //=> [1, 2]
 * @see Golub & Van Loan, Matrix Computations (4th ed.), §3.4.
 */
export function solveLinearSystem(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | undefined {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  const scale = Math.max(1e-300, ...matrix.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12 * scale) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const pivotRow = a[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = a[r]!;
      const factor = row[col]! / pivotRow[col]!;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) row[c] = row[c]! - factor * pivotRow[c]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r]!;
    let acc = row[n]!;
    for (let c = r + 1; c < n; c++) acc -= row[c]! * x[c]!;
    x[r] = acc / row[r]!;
  }
  return x;
}
