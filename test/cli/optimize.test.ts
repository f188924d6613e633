// `fundladder optimize` and `compare` through the CLI (issue 5's CLI section), in-process.
import { describe, expect, it } from 'vitest';
import { runCli } from './harness';

const SAMPLE = 'examples/county-fund/scenario.json';

describe('fundladder optimize', () => {
  it('--json: status, placements, the ledger’s interest as a decimal string, binding rules, how it was solved, and the stress results', async () => {
    const r = await runCli(['optimize', SAMPLE, '--json', '--paths', '5']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { status: string; interest: string; placements: Array<{ fundType?: string }>; binding: string[]; optimality: { strategy: string; gap: number }; stress: { paths: number; payoutShortProbability: number; expectedInterest: string; p5Interest: string } };
    expect(j.status).toBe('optimal');
    expect(j.interest).toMatch(/^\d+\.\d{2}$/);
    expect(j.placements.length).toBeGreaterThan(0);
    expect(j.placements.every((p) => p.fundType)).toBe(true);
    expect(j.binding.length).toBeGreaterThan(0);
    expect(j.optimality.strategy).toBe('pooled+split');
    expect(j.stress.paths).toBe(5);
    expect(j.stress.payoutShortProbability).toBeGreaterThanOrEqual(0);
    expect(Number(j.stress.p5Interest)).toBeLessThanOrEqual(Number(j.stress.expectedInterest));
  }, 120_000);

  it('--placement-penalty-bp: a cost on every amount placed breaks near-ties toward fewer placements; the interest reported is still the ledger’s', async () => {
    const plain = JSON.parse((await runCli(['optimize', SAMPLE, '--json', '--paths', '0'])).out) as { interest: string; placements: unknown[] };
    const r = await runCli(['optimize', SAMPLE, '--json', '--paths', '0', '--placement-penalty-bp', '5']);
    expect(r.code).toBe(0);
    const penalised = JSON.parse(r.out) as { status: string; interest: string; placements: unknown[] };
    expect(penalised.status).toBe('optimal');
    // Measured 2026-11-23: 56 → 47 placements, 4,126.37万 → 4,119.60万.
    expect(penalised.placements.length).toBeLessThan(plain.placements.length);
    expect(Number(penalised.interest)).toBeLessThanOrEqual(Number(plain.interest));
    expect(Number(penalised.interest)).toBeGreaterThan(Number(plain.interest) * 0.99);
  }, 120_000);

  it('refuses a quantile outside (0, 1) with a usage error naming the flag', async () => {
    const r = await runCli(['optimize', SAMPLE, '--reserve-quantile', '1.5']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reserve-quantile');
  });
});
