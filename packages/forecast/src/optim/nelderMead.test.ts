import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelderMead';

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum (1, 1) (Rosenbrock 1960, the standard test of Lagarias et al. 1998)', () => {
    const r = nelderMead(([x, y]) => 100 * (y! - x! ** 2) ** 2 + (1 - x!) ** 2, [-1.2, 1], { lower: [-5, -5], upper: [5, 5], step: [0.5, 0.5], tolerance: 1e-16, maxEvaluations: 5000 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('stays inside the box: a minimum outside it lands on the bound', () => {
    const r = nelderMead(([x]) => (x! - 2) ** 2, [0.5], { lower: [0], upper: [1] });
    expect(r.x[0]).toBeCloseTo(1, 6);
  });
});
