import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../routes';

describe('the Tender screen’s addresses', () => {
  it('reads and writes a fund’s tender screen and one tender run, and refuses an id that is not a number', () => {
    expect(parseRoute('/funds/sample/tender')).toEqual({ screen: 'tender', fundId: 'sample' });
    expect(parseRoute('/funds/sample/tender/12')).toEqual({ screen: 'tender', fundId: 'sample', runId: '12' });
    expect(parseRoute('/funds/sample/tender/x')).toEqual({ screen: 'notFound', path: '/funds/sample/tender/x' });
    expect(routePath({ screen: 'tender', fundId: 'sample' })).toBe('/funds/sample/tender');
    expect(routePath({ screen: 'tender', fundId: 'sample', runId: '12' })).toBe('/funds/sample/tender/12');
  });
});
