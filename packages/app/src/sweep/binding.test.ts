// Where binding rules change along a grid (docs/sweep.md §3). Hand-worked grids: a line of reserve months where the
// reserve starts to bind at 3, and a 2 × 3 grid read along both parameters.
import { describe, expect, it } from 'vitest';
import { bindingChanges } from './binding';

describe('bindingChanges', () => {
  it('finds the step of a line at which the reserve starts to bind', () => {
    expect(bindingChanges([{ name: 'reserveMonths', values: ['1', '2', '3'] }], [['safetyFloor'], ['safetyFloor'], ['liquidityReserve', 'safetyFloor']])).toEqual([
      { parameter: 'reserveMonths', fromIndex: 1, toIndex: 2, fromValue: '2', toValue: '3', starts: ['liquidityReserve'], stops: [] },
    ]);
  });
  it('reads a grid along each parameter with the other held, first parameter outermost', () => {
    // index = 3·a + b; cap C binds while its share is 0.1 or 0.2 and stops at 0.3; the reserve binds only at a = 2.
    const C = 'fundTimeDepositShareCap' as const;
    const R = 'liquidityReserve' as const;
    const rules = [[C], [C], [], [R, C], [R, C], [R]];
    const changes = bindingChanges([{ name: 'reserveMonths', values: ['1', '2'] }, { name: 'caps.fundTimeDepositShare', values: ['0.1', '0.2', '0.3'] }], rules);
    expect(changes.map((c) => [c.parameter, c.fromIndex, c.toIndex, c.starts, c.stops])).toEqual([
      ['reserveMonths', 0, 3, [R], []],
      ['reserveMonths', 1, 4, [R], []],
      ['reserveMonths', 2, 5, [R], []],
      ['caps.fundTimeDepositShare', 1, 2, [], [C]],
      ['caps.fundTimeDepositShare', 4, 5, [], [C]],
    ]);
  });
  it('steps over a point without a plan, from the last point with one to the next', () => {
    expect(bindingChanges([{ name: 'reserveMonths', values: ['1', '2', '3'] }], [[], undefined, ['liquidityReserve']])).toEqual([
      { parameter: 'reserveMonths', fromIndex: 0, toIndex: 2, fromValue: '1', toValue: '3', starts: ['liquidityReserve'], stops: [] },
    ]);
  });
  it('reports nothing when the same rules bind throughout', () => {
    expect(bindingChanges([{ name: 'x', values: ['1', '2'] }], [['maxBondShare'], ['maxBondShare']])).toEqual([]);
  });
});
