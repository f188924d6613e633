import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../routes';

describe('the interest audit screen’s addresses', () => {
  it('reads and writes a fund’s audit screen and one audit run, and refuses an id that is not a number', () => {
    expect(parseRoute('/funds/sample/audit')).toEqual({ screen: 'audit', fundId: 'sample' });
    expect(parseRoute('/funds/sample/audit/12')).toEqual({ screen: 'audit', fundId: 'sample', runId: '12' });
    expect(parseRoute('/funds/sample/audit/x')).toEqual({ screen: 'notFound', path: '/funds/sample/audit/x' });
    expect(parseRoute('/funds/sample/audit/12/x')).toEqual({ screen: 'notFound', path: '/funds/sample/audit/12/x' });
    expect(routePath({ screen: 'audit', fundId: 'sample' })).toBe('/funds/sample/audit');
    expect(routePath({ screen: 'audit', fundId: 'a b', runId: '12' })).toBe('/funds/a%20b/audit/12');
  });
});
