// City scale (docs/optimizer.md §13): at 84–96 months a CD part ended one fen under its lot and no plan came back; at 84 × 20 the split
// MIP had no point in time and the joint fallback ran out of time. The sample stretched as the bench stretches it.
import { describe, expect, it } from 'vitest';
import { optimize } from '@fundladder/optimizer';
import { sampleLadderScenario } from '../../bench/optimizer.bench';

describe('optimize on the sample stretched to 84 months × 8 banks', () => {
  it('returns a plan the ledger checks, with no part under its product minimum', async () => {
    const r = await optimize(sampleLadderScenario(84, 8));
    if (r.status !== 'optimal') throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    expect(r.evaluation.report.issues).toEqual([]);
    expect(r.optimality.strategy).toBe('pooled+split');
    const cds = r.plan.placements.filter((p) => p.product === 'largeCd');
    expect(cds.length).toBeGreaterThan(0);
    for (const p of cds) expect(Number(p.amount)).toBeGreaterThanOrEqual(10_000_000);
  }, 180_000);
});
