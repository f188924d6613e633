import { describe, expect, it } from 'vitest';
import type { Run } from '../../api/schemas';
import { canonicalJson, forecastRequest, runFor } from './forecastRuns';

const run = (id: string, kind: string, version: string, state: Run['state'], request: unknown = forecastRequest(kind as 'forecast', version)): Run => ({
  id, fundId: 'sample', kind, scenarioVersionIds: [version], request, state, progress: null, issues: null, cancelRequested: false, createdBy: 'a', createdAt: '2026-01-01T00:00:00Z', startedAt: null, finishedAt: null,
});

describe('the forecast runs of a version', () => {
  it('sends the same request every time, the version by reference', () => {
    expect(forecastRequest('backtest', '7')).toEqual({ kind: 'backtest', history: { scenario: { scenarioVersion: '7' } } });
  });

  it('shows the newest done or live run of the kind on the version, passing over failed ones and other requests', () => {
    const runs = [
      run('9', 'forecast', '7', 'failed'),
      run('8', 'forecast', '7', 'done', { kind: 'forecast', history: { scenario: { scenarioVersion: '7' } }, options: { paths: 500 } }),
      run('6', 'forecast', '7', 'done'),
      run('5', 'backtest', '7', 'running'),
      run('4', 'forecast', '3', 'done'),
    ];
    expect(runFor(runs, 'forecast', '7')?.id).toBe('6');
    expect(runFor(runs, 'backtest', '7')?.id).toBe('5');
    expect(runFor(runs, 'forecast', '3')?.id).toBe('4');
    expect(runFor(runs, 'backtest', '3')).toBeUndefined();
    expect(runFor([run('9', 'forecast', '7', 'failed')], 'forecast', '7')?.id).toBe('9');
  });

  it('finds a run whose stored request has its keys in another order (jsonb keeps its own order)', () => {
    const stored = { history: { scenario: { scenarioVersion: '7' } }, kind: 'backtest' };
    expect(runFor([run('3', 'backtest', '7', 'done', stored)], 'backtest', '7')?.id).toBe('3');
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 3, e: 4 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":4,"f":3}]},"b":1}');
  });
});
