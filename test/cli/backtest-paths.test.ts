// `fundladder backtest --paths-calibration` (docs/forecast.md "Path calibration"): the out-of-sample coverage of the simulated paths by
// calendar month, Chinese first; and `forecast --paths` says how many paths differ. Few origins and paths, for speed:
// the full table for the sample is in docs/forecast.md.
import { describe, expect, it } from 'vitest';
import { runCli } from './harness';

const SAMPLE = 'examples/county-fund/scenario.json';

describe('fundladder backtest --paths-calibration', () => {
  it('prints the coverage of the paths per calendar month and pooled, in Chinese by default', async () => {
    const r = await runCli(['backtest', SAMPLE, '--paths-calibration', '--paths', '100', '--origins', '2'], 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain('模拟路径校准: 在最近 2 个滚动起点（历史截至 2025-10 … 2025-11）');
    expect(r.out).toMatch(/^12月 .*%/m);
    expect(r.out).toMatch(/^合计 /m);
    expect(r.out).toContain('各起点最少互不相同路径 100 条');
    expect(r.out).toContain('未计入: maternity/inflow, maternity/outflow');
  });

  it('--json gives the counts: two origins see 2 + 1 later months of 7 series a side', async () => {
    const r = await runCli(['backtest', SAMPLE, '--paths-calibration', '--paths', '100', '--origins', '2', '--json'], 'en');
    expect(r.code).toBe(0);
    const { pathCalibration } = JSON.parse(r.out);
    expect(pathCalibration.origins).toEqual(['2025-10', '2025-11']);
    expect(pathCalibration.pooled.inflow.scored).toBe(3 * 7);
    expect(pathCalibration.byMonth.outflow[11].scored).toBe(2 * 7);
    expect(pathCalibration.byMonth.outflow[0].scored).toBe(0);
  });

  it('--paths, --seed and --origins without --paths-calibration are a usage error', async () => {
    const r = await runCli(['backtest', SAMPLE, '--paths', '100'], 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--paths-calibration');
  });
});

describe('fundladder forecast --paths', () => {
  it('reports how many of the simulated paths differ', async () => {
    const r = await runCli(['forecast', SAMPLE, '--horizon', '12', '--paths', '50', '--json'], 'en');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).paths).toMatchObject({ count: 50, distinct: 50, seed: 1 });
  });
});
