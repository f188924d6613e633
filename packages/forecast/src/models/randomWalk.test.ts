import { mulberry32 } from '@fundladder/core';
import { describe, expect, it } from 'vitest';
import { randomWalk } from './randomWalk';
import { SIGMA_FLOOR_SHARE, randomWalkBands, randomWalkSpread } from './randomWalkBands';

// Worked example, y = 10, 12, 13, 17 (T = 4), by hand as R's forecast::rwf computes it
// (robjhyndman/forecast R/naive.R `rw_model` + `forecast.rw_model`; FPP3 §5.5):
//   changes d = 2, 1, 4
//   naive: σ² = mean d² = (4 + 1 + 16)/3 = 7, σ = 2.64575; ŷ = 17
//     80% (z 1.28155): h=1 17 ± 1.28155·2.64575 = 17 ± 3.39067 → [13.60933, 20.39067]
//                      h=2 17 ± 1.28155·2.64575·√2 = 17 ± 4.79513 → [12.20487, 21.79513]
//     95% (z 1.95996): h=1 17 ± 5.18558 → [11.81442, 22.18558]
//   drift: b = 7/3 = 2.33333; σ² = Σ(d − b)²/(3 − 1) = (0.11111 + 1.77778 + 2.77778)/2 = 2.33333, σ = 1.52753
//     h=1: ŷ = 19.33333, se = σ·√(1·(1 + 1/3)) = 1.76383; 95% ± 3.45705 → [15.87628, 22.79038]
//     h=2: ŷ = 21.66667, se = σ·√(2·(1 + 2/3)) = 2.78887; 80% ± 3.57408 → [18.09259, 25.24074]
//   With the Student-t quantile instead (σ̂ has 3 d.f. naive, 2 with drift; NIST/SEMATECH §1.3.6.7.2: t₃,.975 = 3.182,
//   t₂,.975 = 4.303): naive h=1 95% 17 ± 3.18245·2.64575 = 17 ± 8.41998; drift h=1 95% 19.33333 ± 4.30265·1.76383 = ± 7.58914.
const y = [10, 12, 13, 17];

describe('randomWalk (R rwf intervals)', () => {
  it('naive, normal quantile: the worked example to 4 decimals', () => {
    const fit = randomWalk({ drift: false, quantile: 'normal' }).fit(y);
    if (!fit.ok) throw new Error('fit');
    const p = fit.value.predict(2, { levels: [80, 95] });
    expect(p.mean).toEqual([17, 17]);
    expect(p.bands[80]!.lo[0]!).toBeCloseTo(13.60933, 4);
    expect(p.bands[80]!.hi[0]!).toBeCloseTo(20.39067, 4);
    expect(p.bands[80]!.lo[1]!).toBeCloseTo(12.20487, 4);
    expect(p.bands[80]!.hi[1]!).toBeCloseTo(21.79513, 4);
    expect(p.bands[95]!.lo[0]!).toBeCloseTo(11.81442, 4);
    expect(p.bands[95]!.hi[0]!).toBeCloseTo(22.18558, 4);
    expect(fit.value.params.sigma).toBeCloseTo(Math.sqrt(7), 12);
  });

  it('drift, normal quantile: the worked example to 4 decimals', () => {
    const fit = randomWalk({ drift: true, quantile: 'normal' }).fit(y);
    if (!fit.ok) throw new Error('fit');
    const p = fit.value.predict(2, { levels: [80, 95] });
    expect(p.mean[0]!).toBeCloseTo(19.33333, 4);
    expect(p.mean[1]!).toBeCloseTo(21.66667, 4);
    expect(p.bands[95]!.lo[0]!).toBeCloseTo(15.87628, 4);
    expect(p.bands[95]!.hi[0]!).toBeCloseTo(22.79038, 4);
    expect(p.bands[80]!.lo[1]!).toBeCloseTo(18.09259, 4);
    expect(p.bands[80]!.hi[1]!).toBeCloseTo(25.24074, 4);
    expect(fit.value.params.degreesOfFreedom).toBe(2);
    expect(fit.value.trend).toBe(true);
  });

  it('Student t by default: wider than R\'s normal band by t/z (3.182/1.960 naive, 4.303/1.960 drift)', () => {
    const naive = randomWalk({ drift: false }).fit(y);
    const drift = randomWalk({ drift: true }).fit(y);
    if (!naive.ok || !drift.ok) throw new Error('fit');
    const n = naive.value.predict(1, { levels: [95] }).bands[95]!;
    const d = drift.value.predict(1, { levels: [95] }).bands[95]!;
    expect(n.hi[0]! - 17).toBeCloseTo(8.41998, 3);
    expect(d.hi[0]! - 19.33333).toBeCloseTo(7.58914, 3);
  });

  it('the bands widen with every step and are nested', () => {
    const fit = randomWalk({ drift: true }).fit([100, 108, 119, 125, 140, 151]);
    if (!fit.ok) throw new Error('fit');
    const p = fit.value.predict(6, { levels: [50, 80, 95] });
    for (let k = 1; k < 6; k++) {
      for (const level of [50, 80, 95]) expect(p.bands[level]!.hi[k]! - p.bands[level]!.lo[k]!).toBeGreaterThan(p.bands[level]!.hi[k - 1]! - p.bands[level]!.lo[k - 1]!);
    }
    for (let k = 0; k < 6; k++) {
      expect(p.bands[95]!.lo[k]!).toBeLessThan(p.bands[80]!.lo[k]!);
      expect(p.bands[80]!.lo[k]!).toBeLessThan(p.bands[50]!.lo[k]!);
      expect(p.bands[50]!.hi[k]!).toBeLessThan(p.bands[80]!.hi[k]!);
    }
  });

  it('never zero width: identical changes are floored at 1% of the last level (100, 100, 100 → σ 1; 100, 110, 120 with drift → σ 1.2)', () => {
    const flat = randomWalkSpread([100, 100, 100], false);
    expect(flat).toMatchObject({ estimate: 0, sigma: 100 * SIGMA_FLOOR_SHARE, floored: true, degreesOfFreedom: 2 });
    const line = randomWalkSpread([100, 110, 120], true);
    expect(line.estimate).toBeCloseTo(0, 12);
    expect(line).toMatchObject({ drift: 10, floored: true, degreesOfFreedom: 1 });
    expect(line.sigma).toBeCloseTo(1.2, 12);
    const { bands } = randomWalkBands([120], [100, 100, 120], { drift: false, levels: [95], nonNegative: true });
    expect(bands[95]!.hi[0]! - bands[95]!.lo[0]!).toBeGreaterThan(0);
    // a spread above the floor is left alone
    expect(randomWalkSpread(y, false).floored).toBe(false);
  });

  it('refuses one value (naive) and two (drift) with too_short, and does not mutate its input', () => {
    expect(randomWalk({ drift: false }).fit([5]).ok).toBe(false);
    const r = randomWalk({ drift: true }).fit([5, 6]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'too_short', received: '2', limit: '3' });
    const copy = [...y];
    randomWalk({ drift: true }).fit(copy);
    expect(copy).toEqual(y);
  });

  // Under its own assumptions (independent normal changes) the t band is exact: (y[T+h] − ŷ)/σ̂_h is Student t with
  // σ̂'s degrees of freedom. R's normal band is not when σ is estimated from few changes: with T = 5 (3 d.f. for the
  // drift), P(|t₃| ≤ 1.96) = 0.855, so its "95%" band covers about 85.5%. Seeded simulation, 4,000 series, started
  // at a level (100) where the 1% floor cannot bind (σ = 20): a floor that binds only widens.
  it('covers its level when the series is a random walk with drift (t), where the normal band under-covers', () => {
    const rng = mulberry32(20261127);
    const normal = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const runs = 4000;
    const hits = { t80: 0, t95: 0, z95: 0 };
    let pairs = 0;
    for (let r = 0; r < runs; r++) {
      const series = [100];
      for (let t = 1; t < 8; t++) series.push(series[t - 1]! + 30 + 20 * normal());
      const history = series.slice(0, 5);
      const tFit = randomWalk({ drift: true }).fit(history);
      const zFit = randomWalk({ drift: true, quantile: 'normal' }).fit(history);
      if (!tFit.ok || !zFit.ok) throw new Error('fit');
      const t = tFit.value.predict(3, { levels: [80, 95], nonNegative: false }).bands;
      const z = zFit.value.predict(3, { levels: [95], nonNegative: false }).bands;
      for (let k = 0; k < 3; k++) {
        const actual = series[5 + k]!;
        pairs++;
        if (actual >= t[80]!.lo[k]! && actual <= t[80]!.hi[k]!) hits.t80++;
        if (actual >= t[95]!.lo[k]! && actual <= t[95]!.hi[k]!) hits.t95++;
        if (actual >= z[95]!.lo[k]! && actual <= z[95]!.hi[k]!) hits.z95++;
      }
    }
    // 3 binomial standard errors of 4,000 independent draws: 1.0 points at 95%, 1.9 at 80% (pairs of one series share σ̂, so allow a little more)
    expect(hits.t95 / pairs).toBeGreaterThan(0.935);
    expect(hits.t95 / pairs).toBeLessThan(0.965);
    expect(hits.t80 / pairs).toBeGreaterThan(0.775);
    expect(hits.t80 / pairs).toBeLessThan(0.825);
    expect(hits.z95 / pairs).toBeLessThan(0.88);
  });
});
