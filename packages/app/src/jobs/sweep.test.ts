// A sweep checks before any work that its paths can show the highest confidence it plans at (docs/sweep.md §2): at
// confidence c a payout-gap probability of 1 − c is seen only on ⌈2/(1 − c)⌉ paths or more (docs/optimizer.md §16).
import { describe, expect, it } from 'vitest';
import { prepareSweep, runSweep } from './sweep';
import sampleJson from '../../../../examples/county-fund/scenario.json' with { type: 'json' };

const sample = sampleJson as typeof sampleJson & { policy: { safety?: object } };

describe('prepareSweep: the paths a grid needs', () => {
  it('a grid varying the confidence over 0 and 0.5 needs ⌈2/0.5⌉ = 4 paths, whatever the base scenario plans at (0.99 here)', () => {
    const base = { ...sample, policy: { ...sample.policy, safety: { ...sample.policy.safety, confidence: 0.99 } } };
    const ok = prepareSweep({ kind: 'sweep', scenario: base, vary: [{ name: 'confidence', values: ['0', '0.5'] }], options: { paths: 4, planningPaths: 4 } });
    expect(ok.ok && ok.value.points.length).toBe(2);
    expect(ok.ok && ok.value.safe).toBe(true);
    const short = prepareSweep({ kind: 'sweep', scenario: base, vary: [{ name: 'confidence', values: ['0', '0.5'] }], options: { paths: 3, planningPaths: 4 } });
    expect(short.ok).toBe(false);
  });

  it('a grid at confidence 0 only plans on the mean flows: no planning paths needed, and it says it is not safe-planned', () => {
    const ok = prepareSweep({ kind: 'sweep', scenario: sample, vary: [{ name: 'confidence', values: ['0'] }, { name: 'reserveMonths', values: ['1', '2'] }], options: { paths: 1, planningPaths: 1 } });
    expect(ok.ok && ok.value.safe).toBe(false);
  });

  it('a grid not varying the confidence sizes the paths by the base scenario’s (0.99: 200 paths)', () => {
    const base = { ...sample, policy: { ...sample.policy, safety: { ...sample.policy.safety, confidence: 0.99 } } };
    expect(prepareSweep({ kind: 'sweep', scenario: base, vary: [{ name: 'reserveMonths', values: ['1', '2'] }], options: { paths: 199, planningPaths: 1000 } }).ok).toBe(false);
    expect(prepareSweep({ kind: 'sweep', scenario: base, vary: [{ name: 'reserveMonths', values: ['1', '2'] }], options: { paths: 200, planningPaths: 1000 } }).ok).toBe(true);
  });
});

describe('runSweep: a point without a plan says why and what would fix it by the scenario\'s names', () => {
  it('maternity paying 10亿 in 2026-03 of the sample: its Chinese name in the Chinese lines, its English name in the English', async () => {
    const flows = sample.flows.map((f) => (f.fundType === 'maternity' && f.month === '2026-03' ? { ...f, outflow: '1000000000.00' } : f));
    const r = await runSweep({ kind: 'sweep', scenario: { ...sample, flows }, vary: [{ name: 'confidence', values: ['0'] }], options: { paths: 1, planningPaths: 1 } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const point = r.value.points[0]!;
    expect(point.status).toBe('infeasible');
    expect(point.why?.zh[1]).toMatch(/^最大短缺：2026-01 险种现金（生育保险基金） 短缺 [\d,.]+ 万元$/);
    expect(point.fix?.zh).toEqual([expect.stringMatching(/^生育保险基金自身资金不足以支付：从 2026-01 起共差 [\d,.]+ 万元，/)]);
    expect(point.fix?.en).toEqual([expect.stringMatching(/^Maternity cannot pay its own payouts: [\d,.]+万 short in all from 2026-01 on;/)]);
    expect([...point.why!.zh, ...point.fix!.zh].some((line) => line.includes('maternity'))).toBe(false);
  }, 60_000);
});
