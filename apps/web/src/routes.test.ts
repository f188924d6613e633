import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './routes';

describe('routes', () => {
  it('reads the fund list, a fund’s overview and a run’s plan from the path', () => {
    expect(parseRoute('/')).toEqual({ screen: 'funds' });
    expect(parseRoute('/funds/sample')).toEqual({ screen: 'overview', fundId: 'sample' });
    expect(parseRoute('/funds/sample/')).toEqual({ screen: 'overview', fundId: 'sample' });
    expect(parseRoute('/funds/sample/runs/12')).toEqual({ screen: 'plan', fundId: 'sample', runId: '12' });
  });

  it('names anything else as not found, a run id that is not a number included', () => {
    expect(parseRoute('/funds/sample/runs/abc')).toEqual({ screen: 'notFound', path: '/funds/sample/runs/abc' });
    expect(parseRoute('/settings')).toEqual({ screen: 'notFound', path: '/settings' });
  });

  it('writes paths that read back to the same route, escaping the fund id', () => {
    for (const r of [{ screen: 'funds' }, { screen: 'overview', fundId: 'a b' }, { screen: 'plan', fundId: 'county-1', runId: '7' }] as const) {
      expect(parseRoute(routePath(r))).toEqual(r);
    }
    expect(routePath({ screen: 'overview', fundId: 'a b' })).toBe('/funds/a%20b');
  });

  it('reads and writes a fund’s Data, Forecast and Actuals screens', () => {
    for (const screen of ['data', 'forecast', 'actuals'] as const) {
      expect(parseRoute(`/funds/sample/${screen}`)).toEqual({ screen, fundId: 'sample' });
      expect(routePath({ screen, fundId: 'a b' })).toBe(`/funds/a%20b/${screen}`);
    }
    expect(parseRoute('/funds/sample/data/x')).toEqual({ screen: 'notFound', path: '/funds/sample/data/x' });
  });

  it('reads and writes the Compare screen (new, or a compare run) and a run’s Approval screen', () => {
    expect(parseRoute('/funds/sample/compare')).toEqual({ screen: 'compare', fundId: 'sample' });
    expect(parseRoute('/funds/sample/compare/9')).toEqual({ screen: 'compare', fundId: 'sample', runId: '9' });
    expect(parseRoute('/funds/sample/runs/12/approval')).toEqual({ screen: 'approval', fundId: 'sample', runId: '12' });
    expect(parseRoute('/funds/sample/compare/x')).toEqual({ screen: 'notFound', path: '/funds/sample/compare/x' });
    for (const r of [{ screen: 'compare', fundId: 'a b' }, { screen: 'compare', fundId: 'a', runId: '3' }, { screen: 'approval', fundId: 'a b', runId: '4' }] as const) expect(parseRoute(routePath(r))).toEqual(r);
  });

  it('reads and writes the interest audit screen (new, or an audit run) so that each reads back', () => {
    expect(parseRoute('/funds/sample/audit')).toEqual({ screen: 'audit', fundId: 'sample' });
    for (const r of [{ screen: 'audit', fundId: 'a b' }, { screen: 'audit', fundId: 'a', runId: '3' }] as const) expect(parseRoute(routePath(r))).toEqual(r);
  });
});
