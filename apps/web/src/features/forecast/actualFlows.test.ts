import { describe, expect, it } from 'vitest';
import { actualSeries, historyRows, monthsComplete } from './actualFlows';

// The first rows of examples/county-fund/scenario.json's history (2022-01, employeePension and residentPension).
const rows = [
  { month: '2022-01', fundType: 'employeePension', inflow: '27882083.47', outflow: '29447199.38' },
  { month: '2022-01', fundType: 'residentPension', inflow: '23183733.89', outflow: '14102439.36' },
  { month: '2022-02', fundType: 'employeePension', inflow: '1.00', outflow: '0.99' },
];

describe('actual flows as a series', () => {
  it('takes one fund type’s side by month', () => {
    expect([...actualSeries(rows, 'employeePension', 'outflow')]).toEqual([['2022-01', '29447199.38'], ['2022-02', '0.99']]);
  });

  it('sums every fund type for the total, and nets inflow against outflow to the fen', () => {
    // 27882083.47 + 23183733.89 = 51065817.36; 29447199.38 + 14102439.36 = 43549638.74; net 7516178.62
    expect(actualSeries(rows, 'total', 'inflow').get('2022-01')).toBe('51065817.36');
    expect(actualSeries(rows, 'total', 'net').get('2022-01')).toBe('7516178.62');
    expect(actualSeries(rows, 'employeePension', 'net').get('2022-01')).toBe('-1565115.91');
    expect(actualSeries(rows, 'total', 'net').get('2022-02')).toBe('0.01');
  });

  it('orders months and reads only whole rows of a scenario’s history', () => {
    expect([...actualSeries([rows[2]!, rows[0]!], 'employeePension', 'inflow').keys()]).toEqual(['2022-01', '2022-02']);
    expect(historyRows({ history: [rows[0], { month: '2022-02' }, 'x'] })).toEqual([rows[0]]);
    expect(historyRows({})).toEqual([]);
  });

  it('keeps for the total only the months recorded for every fund type', () => {
    expect(monthsComplete(rows, ['employeePension', 'residentPension']).map((r) => `${r.month}/${r.fundType}`)).toEqual(['2022-01/employeePension', '2022-01/residentPension']);
    expect(monthsComplete(rows, ['employeePension'])).toEqual(rows);
  });
});
