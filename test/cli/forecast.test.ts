// `fundladder forecast` goes through the application layer's forecast job: --json prints the forecast result's wire
// form (docs/app.md §1–2), --csv the same figures as a table, and the shock flags are read by the layer's
// shocksFromText (docs/forecast.md "Paths"). Short horizons and few paths, for speed.
import { describe, expect, it } from 'vitest';
import { runCli } from './harness';

const SAMPLE = 'examples/county-fund/scenario.json';

describe('fundladder forecast', () => {
  it('--json: per fund type and period the mean and bands as yuan strings to the fen, the history and the models', async () => {
    const r = await runCli(['forecast', SAMPLE, '--horizon', '3', '--levels', '80,95', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { kind: string; file: string; periods: string[]; levels: number[]; history: { last: string }; fundTypes: Array<{ fundType: string; models: { inflow: string }; periods: Array<{ inflow: { mean: string; bands: Array<{ level: number; lo: string; hi: string }> } }> }>; total: unknown[] };
    expect(j).toMatchObject({ kind: 'forecast', file: SAMPLE, periods: ['2026-01', '2026-02', '2026-03'], levels: [50, 80, 95], history: { last: '2025-12' } });
    const first = j.fundTypes[0]!.periods[0]!.inflow;
    expect(first.mean).toMatch(/^\d+\.\d{2}$/);
    expect(first.bands.map((b) => b.level)).toEqual([50, 80, 95]);
    expect(first.bands[2]!.lo).toMatch(/^\d+\.\d{2}$/);
    expect(j.total).toHaveLength(3);
  });

  it('--csv carries the figures --json does; a model name with a comma is quoted', async () => {
    const [json, csv] = await Promise.all([runCli(['forecast', SAMPLE, '--horizon', '2', '--json']), runCli(['forecast', SAMPLE, '--horizon', '2', '--csv'])]);
    const j = JSON.parse(json.out) as { fundTypes: Array<{ fundType: string; periods: Array<{ period: string; outflow: { mean: string; bands: Array<{ hi: string }> } }> }> };
    const f = j.fundTypes[1]!;
    const p = f.periods[1]!;
    expect(csv.out).toContain(`\n${p.period},${f.fundType},outflow,`);
    expect(csv.out.split('\n').find((l) => l.startsWith(`${p.period},${f.fundType},outflow,`))!.split(',').slice(-7)).toEqual([p.outflow.mean, ...p.outflow.bands.flatMap((b) => [expect.any(String), b.hi])]);
    expect(csv.out).toMatch(/,(inflow|outflow),"ets\(A\w?,[AM]\)",\d/);
  });

  it('--paths with shocks: the summary in --json, the rate cut per period; a malformed shock flag is a usage error naming it', async () => {
    const r = await runCli(['forecast', SAMPLE, '--horizon', '3', '--paths', '20', '--shock-rate-cut', '25:2026-02', '--shock-outflow', 'employeePension:2026-03:50000000', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { paths: { count: number; rateDeltaBp: number[]; cumulativeNet: { median: string }; simulated?: unknown }; shocks: unknown[] };
    expect(j.paths).toMatchObject({ count: 20, rateDeltaBp: [0, -25, -25] });
    expect(j.paths.cumulativeNet.median).toMatch(/^-?\d+\.\d{2}$/);
    expect(j.paths.simulated).toBeUndefined();
    expect(j.shocks).toContainEqual({ kind: 'oneOffOutflow', fundType: 'employeePension', period: '2026-03', amount: '50000000' });
    const bad = await runCli(['forecast', SAMPLE, '--shock-outflow', 'employeePension:2026-03']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--shock-outflow is FUND:PERIOD:AMOUNT');
    const outside = await runCli(['forecast', SAMPLE, '--horizon', '3', '--paths', '5', '--shock-rate-cut', '25:2027-01']);
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('would change nothing');
  });
});
