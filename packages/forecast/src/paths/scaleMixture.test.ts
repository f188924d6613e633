import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../stats/normalQuantile';
import { scaleMixture } from './scaleMixture';

// χ² critical values from the NIST/SEMATECH e-Handbook §1.3.6.7.4 (lower tail 0.05, upper tail 0.05): ν = 10: 3.940 and 18.307; ν = 5: 1.145 and 11.070.
describe('scaleMixture', () => {
  it('maps a normal draw to √(ν/X), X the χ²_ν quantile at the same probability (Wilson–Hilferty, within 1.5%)', () => {
    const lower = normalQuantile(0.05);
    expect(Math.abs(scaleMixture(10, lower) / Math.sqrt(10 / 3.94) - 1)).toBeLessThan(0.015);
    expect(Math.abs(scaleMixture(10, -lower) / Math.sqrt(10 / 18.307) - 1)).toBeLessThan(0.015);
    expect(Math.abs(scaleMixture(5, -lower) / Math.sqrt(5 / 11.07) - 1)).toBeLessThan(0.015);
  });

  it('is close to 1 with many degrees of freedom and bounded in the far tail', () => {
    expect(scaleMixture(10_000, 1.96)).toBeCloseTo(1, 1);
    expect(scaleMixture(3, -40)).toBeLessThanOrEqual(Math.sqrt(125) + 1e-12);
  });
});
