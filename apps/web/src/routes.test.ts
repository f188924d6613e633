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
});
