import { describe, expect, it } from 'vitest';
import { varianceSchema } from '../../api/actualsSchemas';
import { varianceByMonth, varianceCell } from './varianceView';

// Variance as docs/api.md "Actuals and variance" defines it: variance = actual − forecast, % = variance ÷ forecast × 100.
describe('forecast against actual', () => {
  it('shows the difference signed and its share of the forecast, in 万元', () => {
    expect(varianceCell({ forecast: '1000000.00', actual: '1041300.00', variance: '41300.00', variancePercent: '4.13' }, 'wan')).toEqual({ forecast: '100.00', actual: '104.13', variance: '+4.13', percent: '+4.1%', direction: 'above' });
    expect(varianceCell({ forecast: '37656418.00', actual: '37000000.00', variance: '-656418.00', variancePercent: '-1.74' }, 'wan')).toEqual({ forecast: '3,765.64', actual: '3,700.00', variance: '-65.64', percent: '-1.7%', direction: 'below' });
    expect(varianceCell({ forecast: '5.00', actual: '5.00', variance: '0.00', variancePercent: '0.00' }, 'wan')).toMatchObject({ variance: '0.00', percent: '0.0%', direction: 'equal' });
  });

  it('shows dashes where the scenario forecasts nothing for the month', () => {
    expect(varianceCell({ forecast: null, actual: '1000000.00', variance: null, variancePercent: null }, 'million')).toEqual({ forecast: '—', actual: '1.00', variance: '—', percent: '—', direction: 'none' });
  });

  it('groups rows by month, newest first, fund types in the scenario’s order', () => {
    const f = { forecast: '1.00', actual: '1.00', variance: '0.00', variancePercent: '0.00' };
    const v = varianceSchema.parse({ scenarioVersion: '1', rows: [{ month: '2026-01', fundType: 'b', inflow: f, outflow: f }, { month: '2026-02', fundType: 'b', inflow: f, outflow: f }, { month: '2026-01', fundType: 'a', inflow: f, outflow: f }], totals: [] });
    expect(varianceByMonth(v, ['a', 'b']).map((g) => `${g.month}:${g.rows.map((r) => r.fundType).join('')}`)).toEqual(['2026-02:b', '2026-01:ab']);
  });
});
