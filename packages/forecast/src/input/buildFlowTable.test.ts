import { describe, expect, it } from 'vitest';
import { forecastFlows } from '../forecastFlows';
import { buildFlowTable } from './buildFlowTable';
import type { FlowRow } from './flowTable';

function months(n: number, from = 2020): string[] {
  return Array.from({ length: n }, (_, t) => `${from + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
}
/** Rows written as `period,fundType,inflow,outflow` lines, row i at line i + 2 (the CSV is read by the app layer's readFlowRecords). */
const csv = (rows: string[]) => rows;
function table(lines: string[]) {
  const rows: FlowRow[] = lines.map((line, i) => {
    const [period, fundType, inflow, outflow] = line.split(',');
    return { period: period!, fundType: fundType!, inflow: Number(inflow), outflow: Number(outflow), cohort: {}, path: ['line', i + 2] };
  });
  return buildFlowTable(rows);
}
const good = months(24).map((m, t) => `${m},employeePension,${1000 + t}.00,${900 + t}.50`);

// 来源: docs/forecast.md "Input and output" (bad input): each case names the row/field and what was expected.
describe('buildFlowTable', () => {
  it('reads a good file', () => {
    const r = table(csv(good));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.series[0]!.outflow[1]).toBe(901.5);
  });

  it('a negative payout: line and field', () => {
    const rows = [...good];
    rows[5] = rows[5]!.replace(/,[\d.]+$/, ',-5.00');
    const r = table(csv(rows));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'negative_amount', path: ['line', 7, 'outflow'], limit: '0' });
  });

  it('a gap: says which month is missing', () => {
    const rows = good.filter((_, i) => i !== 10);
    const r = table(csv(rows));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'gap', path: ['line', 12, 'period'], limit: '2020-11' });
  });

  it('a month out of order', () => {
    const rows = [...good];
    [rows[3], rows[4]] = [rows[4]!, rows[3]!];
    const r = table(csv(rows));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.code === 'out_of_order' && i.path[1] === 6)).toBe(true);
  });

  it('fewer than two seasons', () => {
    const r = table(csv(good.slice(0, 23)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'too_short', received: '23', limit: '24' });
  });

  it('a malformed period', () => {
    const rows = [...good];
    rows[0] = '2020-13,employeePension,1e3,5';
    const r = table(csv(rows));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'invalid_format', path: ['line', 2, 'period'], received: '2020-13' });
  });

  it('annual periods (YYYY) are accepted, from three years', () => {
    const r = table(csv(['2019,employeePension,10,8', '2020,employeePension,11,9', '2021,employeePension,12,9']));
    expect(r.ok && r.value.frequency).toBe('annual');
  });

  // 来源: docs/forecast.md "Annual bands": two years give one year-on-year change — no spread for a drift band.
  it('two years of annual history are refused, naming the fund type and the rule', () => {
    const r = table(csv(['2019,employeePension,10,8', '2020,employeePension,11,9']));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'too_short', rule: 'threeYears', received: '2', limit: '3', fundType: 'employeePension', path: ['line'] });
  });

  it('an all-zero fund type is forecast as zero, not an error', () => {
    const zeros = months(36).map((m) => `${m},maternity,0,0`);
    const busy = months(36).map((m, t) => `${m},employeePension,${1000 + 10 * t + (t % 12 === 6 ? 300 : 0)},${800 + 5 * t}`);
    const r = table(csv([...busy, ...zeros]));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const fc = forecastFlows(r.value, { horizon: 6 });
    const maternity = fc.series.filter((s) => s.fundType === 'maternity');
    for (const s of maternity) {
      expect(s.model).toBe('zero');
      expect(s.mean).toEqual([0, 0, 0, 0, 0, 0]);
      expect(s.bands[95]!.hi).toEqual([0, 0, 0, 0, 0, 0]);
    }
  });
});
