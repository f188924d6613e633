import { describe, expect, it } from 'vitest';
import type { Issue } from '../../api/schemas';
import { actualRowsOf, issuesOnForm, nextMonth } from './actualsForm';

// The unemployment fund's January of examples/import/budget-2026.csv: 104.13 万元 in, 49.94 万元 out.
describe('a month of actuals as typed', () => {
  it('reads 万元 exactly into yuan to the fen, and skips fund types left blank', () => {
    expect(actualRowsOf('2026-01', [{ fundType: 'unemployment', inflow: '104.13', outflow: '49.94' }, { fundType: 'workInjury', inflow: '', outflow: ' ' }])).toEqual({
      ok: true,
      rows: [{ month: '2026-01', fundType: 'unemployment', inflow: '1041300.00', outflow: '499400.00' }],
    });
    expect(actualRowsOf('2026-01', [{ fundType: 'employeePension', inflow: '3,236.4955', outflow: '3.77亿' }])).toMatchObject({ ok: true, rows: [{ inflow: '32364955.00', outflow: '377000000.00' }] });
  });

  it('names each input that does not read, and a bad month, and refuses an empty form', () => {
    expect(actualRowsOf('2026-13', [{ fundType: 'unemployment', inflow: '1.0000001', outflow: '' }])).toEqual({
      ok: false,
      errors: { month: { problem: 'notADate' }, 'unemployment.inflow': { problem: 'tooPrecise', maxPlaces: 6 }, 'unemployment.outflow': { problem: 'empty' } },
    });
    expect(actualRowsOf('2026-01', [{ fundType: 'unemployment', inflow: '', outflow: '' }])).toEqual({ ok: false, errors: {}, noRows: true });
  });

  it('lays the API’s issues at the row and field they name', () => {
    const sent = [
      { month: '2026-01', fundType: 'unemployment', inflow: '1.00', outflow: '2.00' },
      { month: '2026-01', fundType: 'maternity', inflow: '1.00', outflow: '2.00' },
    ];
    const at = (path: (string | number)[]): Issue => ({ code: 'x', path, message: 'm' });
    const r = issuesOnForm([at(['rows', 1, 'fundType']), at(['rows', 0, 'outflow']), at(['rows', 0, 'month']), at(['scenario'])], sent);
    expect(Object.keys(r.byKey)).toEqual(['maternity.inflow', 'unemployment.outflow', 'month']);
    expect(r.elsewhere.map((i) => i.path)).toEqual([['scenario']]);
  });

  it('offers the month after the latest recorded one', () => {
    expect(nextMonth([], '2026-01')).toBe('2026-01');
    expect(nextMonth(['2026-02', '2025-12'], '2026-01')).toBe('2026-03');
    expect(nextMonth(['2026-12'], '2026-01')).toBe('2027-01');
  });
});
