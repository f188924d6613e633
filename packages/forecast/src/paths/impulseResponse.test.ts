import { describe, expect, it } from 'vitest';
import { holtWinters } from '../models/holtWinters';
import { linearTrendSeasonal } from '../models/linearTrendSeasonal';
import { seasonalNaive } from '../models/seasonalNaive';
import { syntheticFundFlows } from '../synthetic';
import { impulseResponse } from './impulseResponse';

const y = syntheticFundFlows({ seed: 4, months: 48 }).outflow;

function fit(model: ReturnType<typeof seasonalNaive>) {
  const r = model.fit(y);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('impulseResponse', () => {
  it('seasonal naive: a surprise comes back one and two seasons later and nowhere else', () => {
    const rows = impulseResponse([fit(seasonalNaive(12))], y, 30, 1000);
    expect(rows[0]!.map((v) => Math.round(v * 1e9) / 1e9)).toEqual(Array.from({ length: 30 }, (_, k) => (k === 0 || k === 12 || k === 24 ? 1 : 0)));
    expect(rows[5]![17]).toBeCloseTo(1, 9);
    expect(rows[5]![4]).toBe(0);
  });

  it('ETS(A,A) in Holt–Winters form: c_j = α(1 + jβ) + γ(1 − α)·[j mod 12 = 0], the error-correction weights of Hyndman et al. (2008) Table 6.2 with their β = αβ and γ = γ(1 − α)', () => {
    const model = fit(holtWinters({ period: 12, seasonal: 'additive', trend: 'additive' }));
    const { alpha, beta, gamma } = model.params as { alpha: number; beta: number; gamma: number };
    const rows = impulseResponse([model], y, 26, 1e3);
    for (let j = 1; j < 26; j++) expect(rows[0]![j]!, `j = ${j}`).toBeCloseTo(alpha * (1 + j * beta) + (j % 12 === 0 ? gamma * (1 - alpha) : 0), 6);
  });

  it('a regression line is not stateful: its errors are independent, the matrix is the identity (refitting it would be the forecaster learning, not the series moving)', () => {
    const rows = impulseResponse([fit(linearTrendSeasonal(12))], y, 13, 1000);
    rows.forEach((row, i) => row.forEach((v, k) => expect(v).toBe(i === k ? 1 : 0)));
  });

  it('a combination moves by the mean of its members', () => {
    const ets = fit(holtWinters({ period: 12, seasonal: 'additive', trend: 'damped' }));
    const line = fit(linearTrendSeasonal(12));
    const both = impulseResponse([ets, line], y, 13, 1e3);
    const alone = impulseResponse([ets], y, 13, 1e3);
    for (let k = 1; k < 13; k++) expect(both[0]![k]).toBeCloseTo(alone[0]![k]! / 2, 9);
  });
});
