import { describe, expect, it } from 'vitest';
import { backtestResultSchema } from '../../api/forecastSchemas';
import { backtestRows, scoreText, shareText, trustFacts } from './backtestView';
import sample from './fixtures/sampleBacktest.json';

// A cut of the backtest of examples/county-fund/scenario.json (the employee pension and maternity series; the pooled
// figures are the whole run's): `runBacktest({ kind: 'backtest', history: { scenario } })`, wire form.
const result = backtestResultSchema.parse(sample);

describe('the backtest table', () => {
  it('gives each series’ chosen model with its MASE, MAPE a month and a year ahead, and band coverage', () => {
    const rows = backtestRows(result, ['employeePension', 'maternity']);
    expect(rows.map((r) => `${r.fundType}/${r.side}:${r.model}`)).toEqual(['employeePension/inflow:linearTrend+months', 'employeePension/outflow:linearTrend+months', 'maternity/inflow:zero', 'maternity/outflow:zero']);
    const ep = rows[0]!;
    expect(scoreText(ep.score?.mase, 2)).toBe('0.99');
    expect(scoreText(ep.mapeFirst, 1)).toBe('4.7');
    expect(shareText(ep.score?.coverage95)).toBe('84.4%'); // 54 of 64
    expect(ep.score?.coverageCounts).toEqual({ scored: 64, hits80: 49, hits95: 54 });
  });

  it('shows a series the backtest could not score (all zeros: maternity) with dashes, not zeros', () => {
    const m = backtestRows(result, ['employeePension', 'maternity'])[2]!;
    expect(m.score).toBeUndefined();
    expect(scoreText(m.score?.mase, 2)).toBe('—');
    expect(scoreText('Infinity', 2)).toBe('∞');
  });

  it('states why to trust it from the pooled counts: 840 of 896 actuals inside the 95% bands, median MASE 0.74', () => {
    const t = trustFacts(result);
    expect(t).toMatchObject({ first: '2022-01', last: '2025-12', periods: 48, windows: 48, horizon: 12, scored: 896, hits80: 757, hits95: 840, beatBaseline: 2, scoredSeries: 2, bandsHold: true, beatsNaive: true });
    expect(scoreText(t.maseMedian, 2)).toBe('0.74');
  });

  it('does not call bands that held too few actuals trustworthy', () => {
    const narrow = { ...result, pooledCoverage: { scored: 100, hits80: 60, hits95: 89 } };
    expect(trustFacts(narrow).bandsHold).toBe(false);
    const worse = { ...result, chosen: { ...result.chosen, maseMedian: 1.2 } };
    expect(trustFacts(worse).beatsNaive).toBe(false);
  });
});
