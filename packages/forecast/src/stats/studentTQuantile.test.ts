import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normalQuantile';
import { studentTQuantile } from './studentTQuantile';

// 来源: NIST/SEMATECH e-Handbook of Statistical Methods §1.3.6.7.2, "Critical values of the Student's t
// distribution" (upper-tail α = 0.10, 0.05, 0.025), as reproduced at
// https://pdfcoffee.com/student-t-distribution-table-pdf-free.html and
// https://hugoquene.github.io/QMS-EN/app-criticaltvalues.html; the 0.75 column from the table
// "Student's t Distribution" (JASA 1959) at https://issuhub.com/view/index?id=4581&pageIndex=242.
// The tables print three decimals, so agreement is checked to ±0.0005.
const TABLE: ReadonlyArray<[degreesOfFreedom: number, p: number, t: number]> = [
  [1, 0.75, 1.0],
  [1, 0.9, 3.078],
  [1, 0.975, 12.706],
  [2, 0.975, 4.303],
  [4, 0.975, 2.776],
  [7, 0.975, 2.365],
  [8, 0.9, 1.397],
  [9, 0.75, 0.703],
  [9, 0.9, 1.383],
  [9, 0.95, 1.833],
  [9, 0.975, 2.262],
  [13, 0.975, 2.16],
  [20, 0.9, 1.325],
  [30, 0.975, 2.042],
  [100, 0.975, 1.984],
];

describe('studentTQuantile', () => {
  it.each(TABLE)('t(ν=%i, p=%f) matches the published table value %f', (degreesOfFreedom, p, t) => {
    expect(Math.abs(studentTQuantile(p, degreesOfFreedom) - t)).toBeLessThanOrEqual(0.0005);
  });

  it('has the closed forms of ν = 1 (Cauchy: tan(π(p − ½))) and ν = 2 ((2p−1)/√(2p(1−p)))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
    }
  });

  it('is antisymmetric around p = ½, decreasing in ν and tends to the normal quantile', () => {
    expect(studentTQuantile(0.5, 5)).toBe(0);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 12);
    for (let nu = 1; nu < 60; nu++) expect(studentTQuantile(0.975, nu + 1)).toBeLessThan(studentTQuantile(0.975, nu));
    expect(studentTQuantile(0.975, 10_000)).toBeCloseTo(normalQuantile(0.975), 3);
  });

  it('refuses p outside (0, 1) and non-integer degrees of freedom', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 2.5)).toThrow(RangeError);
  });
});
