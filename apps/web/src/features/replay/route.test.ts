import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../routes';

describe('the Replay screen’s addresses', () => {
  it('reads and writes a fund’s replay screen and one replay run, and refuses an id that is not a number', () => {
    expect(parseRoute('/funds/sample/replay')).toEqual({ screen: 'replay', fundId: 'sample' });
    expect(parseRoute('/funds/sample/replay/12')).toEqual({ screen: 'replay', fundId: 'sample', runId: '12' });
    expect(parseRoute('/funds/sample/replay/x')).toEqual({ screen: 'notFound', path: '/funds/sample/replay/x' });
    expect(parseRoute('/funds/sample/replay/12/x')).toEqual({ screen: 'notFound', path: '/funds/sample/replay/12/x' });
    expect(routePath({ screen: 'replay', fundId: 'sample' })).toBe('/funds/sample/replay');
    expect(routePath({ screen: 'replay', fundId: 'a b', runId: '12' })).toBe('/funds/a%20b/replay/12');
    expect(parseRoute(routePath({ screen: 'replay', fundId: 'a b', runId: '12' }))).toEqual({ screen: 'replay', fundId: 'a b', runId: '12' });
  });
});
