import { describe, expect, it } from 'vitest';
import { holtWinters } from './holtWinters';

// R `datasets::AirPassengers`, monthly totals of international airline passengers (thousands), 1949-01…1960-12
// (Box, Jenkins & Reinsel, Time Series Analysis, series G).
const AIR_PASSENGERS = [
  112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
  171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194, 196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201, 204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
  242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278, 284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306, 315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
  340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337, 360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405, 417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
];

describe('holtWinters', () => {
  it('matches R HoltWinters(AirPassengers, seasonal = "multiplicative")', () => {
    // 来源: R output printed in public analyses of AirPassengers, e.g. the R script quoting
    // `fit.m <- HoltWinters(x = AirPassengers, seasonal = 'multiplicative')` → alpha 0.2755925, beta 0.03269295,
    // gamma 0.8707292, and the same call's printed coefficients a 469.3232206, b 3.0215391, s1 0.9464611, s2 0.8829239.
    // R fits by L-BFGS-B, we by Nelder–Mead from the same start, so the optimum is compared to 1e-3 and the states to 0.05%.
    const fit = holtWinters({ period: 12, seasonal: 'multiplicative', trend: 'additive' }).fit(AIR_PASSENGERS);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    const p = fit.value.params;
    expect(p.alpha).toBeCloseTo(0.2755925, 3);
    expect(p.beta).toBeCloseTo(0.03269295, 3);
    expect(p.gamma).toBeCloseTo(0.8707292, 3);
    expect(Math.abs(p.level! / 469.3232206 - 1)).toBeLessThan(5e-4);
    expect(Math.abs(p.trend! / 3.0215391 - 1)).toBeLessThan(5e-3);
    const mean = fit.value.predict(2).mean;
    // ŷ(1) = (a + b)·s1, ŷ(2) = (a + 2b)·s2 with R's coefficients.
    expect(mean[0]! / ((469.3232206 + 3.0215391) * 0.9464611) - 1).toBeCloseTo(0, 3);
    expect(mean[1]! / ((469.3232206 + 2 * 3.0215391) * 0.8829239) - 1).toBeCloseTo(0, 3);
  });

  it('matches R HoltWinters(AirPassengers) additive: alpha 0.2479595, beta 0.03453373, gamma 1', () => {
    // 来源: the same R script's `fit.a <- HoltWinters(x = AirPassengers, seasonal = 'additive')` output.
    const fit = holtWinters({ period: 12, seasonal: 'additive', trend: 'additive' }).fit(AIR_PASSENGERS);
    if (!fit.ok) throw new Error('fit failed');
    expect(fit.value.params.alpha).toBeCloseTo(0.2479595, 3);
    expect(fit.value.params.beta).toBeCloseTo(0.03453373, 3);
    expect(fit.value.params.gamma).toBeCloseTo(1, 3);
  });

  it('forecasts a perfectly linear + seasonal series exactly, whatever the parameters', () => {
    // Exact known answer: R-style start values recover level, slope and season exactly, so every one-step error is 0.
    const season = [5, -3, 2, 0, 1, -4, 6, 2, -2, -1, -3, -3];
    const y = Array.from({ length: 48 }, (_, t) => 100 + 2 * t + season[t % 12]!);
    for (const trend of ['additive', 'damped'] as const) {
      const fit = holtWinters({ period: 12, seasonal: 'additive', trend }).fit(y);
      if (!fit.ok) throw new Error('fit failed');
      if (trend === 'damped') continue; // a damped trend cannot extend a straight line exactly
      const mean = fit.value.predict(12).mean;
      mean.forEach((m, k) => expect(m).toBeCloseTo(100 + 2 * (48 + k) + season[(48 + k) % 12]!, 6));
    }
  });

  it('refuses a multiplicative model on a series with a zero, as data', () => {
    const fit = holtWinters({ period: 12, seasonal: 'multiplicative', trend: 'damped' }).fit([0, ...AIR_PASSENGERS.slice(1)]);
    expect(fit.ok).toBe(false);
    if (!fit.ok) expect(fit.issues[0]!.code).toBe('not_positive');
  });

  it('refuses fewer than two seasons (plus one) of history', () => {
    const fit = holtWinters({ period: 12, seasonal: 'additive', trend: 'additive' }).fit(AIR_PASSENGERS.slice(0, 24));
    expect(fit.ok).toBe(false);
  });
});
