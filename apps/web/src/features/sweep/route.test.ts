import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../routes';

describe('the Sweep screen’s addresses', () => {
  it('reads and writes a fund’s sweeps and one sweep, and refuses an id that is not a number', () => {
    expect(parseRoute('/funds/sample/sweeps')).toEqual({ screen: 'sweep', fundId: 'sample' });
    expect(parseRoute('/funds/sample/sweeps/12')).toEqual({ screen: 'sweep', fundId: 'sample', sweepId: '12' });
    expect(parseRoute('/funds/sample/sweeps/x')).toEqual({ screen: 'notFound', path: '/funds/sample/sweeps/x' });
    expect(routePath({ screen: 'sweep', fundId: 'sample' })).toBe('/funds/sample/sweeps');
    expect(routePath({ screen: 'sweep', fundId: 'sample', sweepId: '12' })).toBe('/funds/sample/sweeps/12');
  });
});
