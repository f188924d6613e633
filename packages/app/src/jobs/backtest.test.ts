// The backtest job (docs/forecast.md "Automatic choice", "Path calibration"): every candidate model of every series
// scored on rolling origins with the choice marked, or the simulated paths' coverage out of sample; progress per origin,
// cancellation between origins; scores that are undefined (NaN) or unbounded (∞) through the wire codec unchanged.
// Small inputs: the 36-month fixture of two fund types.
import { describe, expect, it } from 'vitest';
import history36 from './fixtures/history36.json' with { type: 'json' };
import type { FlowHistoryRow } from './flowHistory';
import { type BacktestRequest, type BacktestResult, backtestResult, runBacktest } from './backtest';

const history = history36 as { file: string; rows: FlowHistoryRow[] };

async function backtest(options: BacktestRequest['options'] = {}): Promise<BacktestResult> {
  const r = await runBacktest({ kind: 'backtest', history, options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('runBacktest: the models', () => {
  it('scores every candidate per series against seasonal naive, marks the choice and pools the chosen models’ coverage', async () => {
    const r = await backtest({ horizon: 6, windows: 8 });
    if (r.mode !== 'models') throw new Error(r.mode);
    expect(r.backtest).toMatchObject({ horizon: 6, windows: 8, refitEvery: 12 });
    expect(r.reportHorizons).toEqual([1, 3, 6]);
    expect(r.series.map((s) => `${s.fundType}/${s.side}`)).toEqual(['employeePension/inflow', 'employeePension/outflow', 'workInjury/inflow', 'workInjury/outflow']);
    for (const s of r.series) {
      // MASE is measured against seasonal naive, so the baseline scores 1 by construction.
      expect(s.scores[0]).toMatchObject({ model: 'seasonalNaive', mase: 1 });
      expect(s.scores.map((c) => c.model)).toContain(s.chosen);
    }
    const chosen = r.series.map((s) => s.scores.find((c) => c.model === s.chosen)!.coverageCounts);
    expect(r.pooledCoverage.scored).toBe(chosen.reduce((a, c) => a + c.scored, 0));
    expect(r.pooledCoverage.hits95).toBe(chosen.reduce((a, c) => a + c.hits95, 0));
    expect(r.chosen.maseWorst).toBeGreaterThanOrEqual(r.chosen.maseMedian);
  });

  it('survives encode → JSON → decode unchanged, NaN scores (nothing to score) included', async () => {
    const r = await backtest();
    const wire = backtestResult.encode(r);
    const text = JSON.stringify(wire);
    expect(text).toContain('"coverage95":null'); // 12 months ahead on 36 months of history: too few windows to score
    expect(backtestResult.decode(JSON.parse(text))).toEqual(r);
    expect(structuredClone(wire)).toEqual(wire);
    // A model that fails at some origin scores MASE ∞ (JSON has no Infinity: the wire says "Infinity").
    if (r.mode !== 'models') throw new Error(r.mode);
    const failed: BacktestResult = { ...r, series: r.series.map((s, i) => (i ? s : { ...s, scores: s.scores.map((c, k) => (k === 1 ? { ...c, mase: Number.POSITIVE_INFINITY, failure: 'did not converge' } : c)) })) };
    const failedText = JSON.stringify(backtestResult.encode(failed));
    expect(failedText).toContain('"mase":"Infinity"');
    expect(backtestResult.decode(JSON.parse(failedText))).toEqual(failed);
  });
});

describe('runBacktest: the paths’ calibration', () => {
  it('counts the actuals inside the paths’ central ranges per calendar month, per horizon and pooled, with progress per origin', async () => {
    const progress: string[] = [];
    const r = await runBacktest({ kind: 'backtest', history, options: { horizon: 3, pathsCalibration: { paths: 50, origins: 2 } } }, { onProgress: (p) => progress.push(`${p.stage} ${p.done}/${p.total}`) });
    if (!r.ok || r.value.mode !== 'pathCalibration') throw new Error(JSON.stringify(r));
    const c = r.value.pathCalibration;
    expect(c.origins).toEqual(['2025-10', '2025-11']);
    expect(progress).toEqual(['calibration 1/2', 'calibration 2/2']);
    // Two origins see 2 + 1 later months of 2 series a side.
    expect(c.pooled.inflow.scored).toBe(3 * 2);
    expect(c.pooled.all.scored).toBe(c.pooled.inflow.scored + c.pooled.outflow.scored);
    expect([...c.pooled.all.hits.keys()]).toEqual([80, 95]);
    expect(c.byMonth.inflow).toHaveLength(12);
    const wire = backtestResult.encode(r.value);
    expect(backtestResult.decode(JSON.parse(JSON.stringify(wire)))).toEqual(r.value);
  });

  it('is cancelled between origins', async () => {
    const controller = new AbortController();
    const r = await runBacktest({ kind: 'backtest', history, options: { horizon: 3, pathsCalibration: { paths: 20, origins: 3 } } }, { signal: controller.signal, onProgress: () => controller.abort() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'cancelled', received: 'calibration' });
  });
});

describe('runBacktest refuses bad options with the field named', () => {
  it('names each bad option', async () => {
    const r = await runBacktest({ kind: 'backtest', history, options: { windows: 0, pathsCalibration: { paths: 0 } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path.join('.'))).toEqual(['options.windows', 'options.pathsCalibration.paths']);
  });

  it('a history too short to forecast is refused, not scored', async () => {
    const rows = history.rows.filter((row) => row.period >= '2025-01');
    const r = await runBacktest({ kind: 'backtest', history: { rows } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.code).toBe('too_short');
  });
});
