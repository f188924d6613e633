// One contract for every forecaster (docs/conventions.md §5: contract suites run against every forecaster; statsforecast's `_TS`):
// each candidate model, monthly and annual, on a synthetic county series (docs/domain.md §10.1) and on a too-short one.
import { describe, expect, it } from 'vitest';
import { candidatesFor } from './candidates';
import { forecast } from './forecast';
import { syntheticFundFlows } from './synthetic';

const monthly = syntheticFundFlows({ seed: 3, months: 48 }).outflow;
const annual = Array.from({ length: 12 }, (_, k) => 1e8 * 1.05 ** k * (1 + 0.01 * Math.sin(k)));

for (const [label, period, y] of [['monthly', 12, monthly], ['annual', 1, annual]] as const) {
  const { models, baseline } = candidatesFor(period);
  for (const model of [baseline, ...models]) {
    describe(`${model.name} (${label})`, () => {
      it('fits the series, predicts h steps with nested bands around the mean, and forecast() is fit + predict', () => {
        const fitted = model.fit(y);
        if (!fitted.ok) throw new Error(JSON.stringify(fitted.issues));
        const h = period === 12 ? 18 : 4;
        const p = fitted.value.predict(h, { levels: [80, 95], nonNegative: true });
        expect(p.mean).toHaveLength(h);
        for (let k = 0; k < h; k++) {
          expect(Number.isFinite(p.mean[k]!)).toBe(true);
          expect(p.bands[95]!.lo[k]!).toBeLessThanOrEqual(p.bands[80]!.lo[k]! + 1e-9);
          expect(p.bands[80]!.lo[k]!).toBeLessThanOrEqual(p.mean[k]! + 1e-9);
          expect(p.bands[80]!.hi[k]!).toBeGreaterThanOrEqual(p.mean[k]! - 1e-9);
          expect(p.bands[95]!.hi[k]!).toBeGreaterThanOrEqual(p.bands[80]!.hi[k]! - 1e-9);
          expect(p.bands[95]!.lo[k]!).toBeGreaterThanOrEqual(0);
        }
        const once = forecast(model, y, h, { levels: [80, 95], nonNegative: true });
        expect(once.ok && once.value).toEqual(p);
      });

      it(`refuses a history shorter than its minLength (${model.minLength}) with an issue, never a throw`, () => {
        const r = model.fit(y.slice(0, model.minLength - 1));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.issues[0]!.code).toBe('too_short');
      });

      it('update() runs the fitted model over a longer history: one fitted value per observation, and it still predicts', () => {
        const fitted = model.fit(y.slice(0, y.length - 2));
        if (!fitted.ok) throw new Error('fit');
        const updated = fitted.value.update(y);
        expect(updated.name).toBe(fitted.value.name);
        expect(updated.fitted).toHaveLength(y.length);
        expect(updated.predict(2).mean.every(Number.isFinite)).toBe(true);
      });
    });
  }
}
