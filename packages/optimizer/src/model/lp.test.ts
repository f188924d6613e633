// LpBuilder.addRow (model/lp.ts): the rows every model is made of. The repeat check runs against a mark per variable
// reused across rows (docs/optimizer.md, speed, 2026-11-27), so these pin down what it must still do.
import { describe, expect, it } from 'vitest';
import { LpBuilder } from './lp';

function builder(columns: number): LpBuilder {
  const lp = new LpBuilder('maximize');
  for (let j = 0; j < columns; j++) lp.addVariable({ name: `x[${j}]`, lower: 0, upper: Infinity, cost: 1 });
  return lp;
}

describe('LpBuilder.addRow', () => {
  it('keeps the terms in order, drops zero coefficients and does not keep the caller’s array', () => {
    const lp = builder(3);
    const terms: Array<[number, number]> = [[2, 1], [0, 0], [1, -0.5]];
    lp.addRow({ name: 'r', lower: 0, upper: 1, terms, rule: 'test' });
    expect(lp.rows[0]!.terms).toEqual([[2, 1], [1, -0.5]]);
    const plain: Array<[number, number]> = [[0, 1], [1, 2]];
    lp.addRow({ name: 's', lower: 0, upper: 1, terms: plain, rule: 'test' });
    expect(lp.rows[1]!.terms).toEqual(plain);
    expect(lp.rows[1]!.terms).not.toBe(plain);
  });

  it('merges a variable named twice in a row (its coefficients summed, a zero sum dropped), row by row', () => {
    const lp = builder(3);
    lp.addRow({ name: 'r', lower: 0, upper: 1, terms: [[1, 2], [0, 1], [1, 3]], rule: 'test' });
    lp.addRow({ name: 's', lower: 0, upper: 1, terms: [[1, 4], [0, 1]], rule: 'test' });
    lp.addRow({ name: 't', lower: 0, upper: 1, terms: [[2, 1], [2, -1]], rule: 'test' });
    expect(lp.rows.map((row) => row.terms)).toEqual([[[1, 5], [0, 1]], [[1, 4], [0, 1]], []]);
  });

  it('merges repeats of a variable added after the row, and takes terms from any iterable', () => {
    const lp = builder(1);
    lp.addRow({ name: 'r', lower: 0, upper: 1, terms: new Map([[0, 1], [5, 2]]), rule: 'test' });
    lp.addRow({ name: 's', lower: 0, upper: 1, terms: [[5, 2], [0, 1], [5, 1]], rule: 'test' });
    expect(lp.rows.map((row) => row.terms)).toEqual([[[0, 1], [5, 2]], [[5, 3], [0, 1]]]);
  });
});
