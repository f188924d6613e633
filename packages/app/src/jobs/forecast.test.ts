// The forecast job (docs/forecast.md): a flows file's rows or a scenario's history in, per fund type and period the mean
// and bands, the cohort model where the rows carry its columns, seeded paths with shocks; bad input named by row or
// field; progress and cancellation; the result through the wire codec unchanged. Small inputs: a 36-month fixture of
// two fund types (employeePension with cohort columns, workInjury without).
import { describe, expect, it } from 'vitest';
import history36 from './fixtures/history36.json' with { type: 'json' };
import type { FlowHistoryRow } from './flowHistory';
import sampleJson from '../../../../examples/county-fund/scenario.json' with { type: 'json' };
import { type ForecastRequest, runForecast, shocksFromText } from './forecast';
import { type ForecastResult, forecastResult } from './forecastResult';
import { decodeResult, encodeResult, execute } from '../execute';

const history = history36 as { file: string; rows: FlowHistoryRow[] };

async function forecast(options: ForecastRequest['options'] = {}): Promise<ForecastResult> {
  const r = await runForecast({ kind: 'forecast', history, options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('runForecast on a flows file’s rows', () => {
  it('forecasts the periods after the history, per fund type and in total, money to the fen, bands for every level', async () => {
    const r = await forecast({ horizon: 6, levels: [80, 95] });
    expect(r.file).toBe('county-flows.csv');
    expect(r.history).toEqual({ first: '2023-01', last: '2025-12', periods: 36 });
    expect(r.periods).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(r.levels).toEqual([50, 80, 95]); // the 50% band is always there
    expect(r.fundTypes.map((f) => f.fundType)).toEqual(['employeePension', 'workInjury']);
    for (const p of [...r.fundTypes.flatMap((f) => f.periods), ...r.total]) {
      for (const v of [p.inflow, p.outflow]) {
        expect(v.mean.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(v.bands.map((b) => b.level)).toEqual([50, 80, 95]);
        for (const b of v.bands) expect(b.lo.lte(b.hi)).toBe(true);
      }
      // Net is rounded on its own from the models' floats: within a fen of inflow − outflow.
      expect(p.net.mean.minus(p.inflow.mean.minus(p.outflow.mean)).abs().lte('0.01')).toBe(true);
    }
    expect(r.paths).toBeUndefined();
  });

  it('takes the cohort model where the rows carry every cohort column, and names what is missing elsewhere', async () => {
    const r = await forecast({ horizon: 3 });
    expect(r.cohort.columns).toBe(true);
    expect(r.cohort.series).toEqual(['employeePension/inflow', 'employeePension/outflow']);
    expect(r.fundTypes[0]!.models).toEqual({ inflow: 'cohort', outflow: 'cohort' });
    expect(r.cohort.issues.length).toBeGreaterThan(0);
    expect(r.cohort.issues.every((i) => i.code === 'cohort_input_missing' && i.fundType === 'workInjury')).toBe(true);
  });

  it('simulates seeded paths with shocks: the same seed gives the same paths; a rate cut shows from its period on', async () => {
    const options = { horizon: 6, paths: 40, seed: 5, returnPaths: true, shocks: [{ kind: 'rateCut' as const, bp: 25, from: '2026-03' }, { kind: 'oneOffOutflow' as const, fundType: 'workInjury', period: '2026-02', amount: '5000000' }] };
    const a = await forecast(options);
    const b = await forecast(options);
    expect(a.paths).toMatchObject({ count: 40, distinct: 40, seed: 5, rateDeltaBp: [0, 0, -25, -25, -25, -25] });
    expect(a.paths!.simulated).toHaveLength(40);
    expect(a.paths!.simulated![0]!.workInjury!.outflow).toHaveLength(6);
    expect(a.paths).toEqual(b.paths);
    expect(a.paths!.cumulativeNet.p5.lte(a.paths!.cumulativeNet.median)).toBe(true);
    // The one-off outflow's amount is exact: a Decimal in the result, its decimal string on the wire.
    expect(a.shocks[1]!.kind === 'oneOffOutflow' && a.shocks[1]!.amount.toFixed()).toBe('5000000');
    expect(forecastResult.encode(a).shocks[1]).toEqual({ kind: 'oneOffOutflow', fundType: 'workInjury', period: '2026-02', amount: '5000000' });
    // Without returnPaths only the summary comes back.
    expect((await forecast({ ...options, returnPaths: false })).paths!.simulated).toBeUndefined();
  });

  it('survives encode → JSON → decode unchanged, and structuredClone of its wire form', async () => {
    const r = await forecast({ horizon: 4, paths: 10, returnPaths: true, shocks: [{ kind: 'payoutGrowth', annualRate: 0.05 }] });
    const wire = forecastResult.encode(r);
    const text = JSON.stringify(wire);
    expect(forecastResult.decode(JSON.parse(text))).toEqual(r);
    expect(structuredClone(wire)).toEqual(wire);
  });
});

describe('runForecast on a scenario', () => {
  it('forecasts the scenario’s history and names the scenario', async () => {
    const r = await runForecast({ kind: 'forecast', history: { scenario: sampleJson, file: 'scenario.json' }, options: { horizon: 2 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.scenario).toContain('Example County');
    expect(r.value.history.last).toBe('2025-12');
    expect(r.value.cohort.columns).toBe(false);
    expect(r.value.fundTypes.length).toBe(8);
  });
});

describe('runForecast refuses bad input with the row or field named, and honours cancellation', () => {
  it('every bad row is named by file and row: a negative amount, a gap', async () => {
    const rows = history.rows.filter((r) => r.period !== '2024-05').map((r) => (r.period === '2024-02' && r.fundType === 'workInjury' ? { ...r, outflow: '-1.00' } : r));
    const r = await runForecast({ kind: 'forecast', history: { rows, file: 'county-flows.csv' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['negative_amount', 'county-flows.csv.29.outflow'],
      ['gap', 'county-flows.csv.36.period'],
      ['gap', 'county-flows.csv.37.period'],
    ]);
  });

  it('an unknown option is an error at its path with the nearest key; a shock outside the forecast is named', async () => {
    const unknown = await runForecast({ kind: 'forecast', history, options: { horizn: 3 } } as never);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0]).toMatchObject({ code: 'unknown_key', path: ['options', 'horizn'], suggestion: 'horizon' });
    const shock = await runForecast({ kind: 'forecast', history, options: { horizon: 3, paths: 5, shocks: [{ kind: 'rateCut', bp: 25, from: '2027-01' }] } });
    expect(shock.ok).toBe(false);
    if (!shock.ok) expect(shock.issues[0]).toMatchObject({ rule: 'shockPeriod', path: ['options', 'shocks', 0, 'from'] });
    const big = await runForecast({ kind: 'forecast', history, options: { paths: 20_001, shocks: [{ kind: 'payoutGrowth', annualRate: 5 }] } });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.issues.map((i) => i.path.join('.'))).toEqual(['options.paths', 'options.shocks.0.annualRate']);
  });

  it('a cancelled job returns the issue "cancelled", before the work and between stages', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = await runForecast({ kind: 'forecast', history }, { signal: controller.signal });
    expect(before.ok === false && before.issues[0]!.code).toBe('cancelled');
    const during = new AbortController();
    const stages: string[] = [];
    const r = await runForecast({ kind: 'forecast', history, options: { paths: 10 } }, { signal: during.signal, onProgress: (p) => (stages.push(p.stage), during.abort()) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'cancelled', received: 'forecast' });
    expect(stages).toEqual(['forecast']);
  });
});

describe('shocksFromText', () => {
  it('reads the text forms of the shock flags', () => {
    expect(shocksFromText({ payoutGrowth: '0.05', oneOffOutflow: 'employeePension:2026-07:50000000', rateCut: '25:2026-01' })).toEqual({
      ok: true,
      value: [
        { kind: 'payoutGrowth', annualRate: 0.05 },
        { kind: 'oneOffOutflow', fundType: 'employeePension', period: '2026-07', amount: '50000000' },
        { kind: 'rateCut', bp: 25, from: '2026-01' },
      ],
    });
  });

  it('names every malformed text by its kind', () => {
    const r = shocksFromText({ contributionBaseFreeze: '1e9', oneOffOutflow: 'employeePension:2026-07', rateCut: '25' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path.join('.'))).toEqual(['shocks.contributionBaseFreeze', 'shocks.oneOffOutflow', 'shocks.rateCut']);
  });
});

describe('execute', () => {
  it('runs the forecast by its kind; the result goes to the wire and back by its kind', async () => {
    const r = await execute({ kind: 'forecast', history, options: { horizon: 2 } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.kind).toBe('forecast');
    expect(decodeResult(JSON.parse(JSON.stringify(encodeResult(r.value))))).toEqual({ ok: true, value: r.value });
  });
});
