// `fundladder interest` reproduces the worked examples E1–E6 of docs/domain.md §5.3 to the fen
// (来源: docs/domain.md §5.3, formulas F1–F6 of §5.1).
import { describe, expect, it } from 'vitest';
import { runCli } from './harness';

const cases: Array<[string, string, string[]]> = [
  ['E1a demand 10,000,000 × 41 days @1.10%', '12527.78', ['--product', 'demand', '--principal', '10000000', '--annual-rate', '0.011', '--from', '2025-03-21', '--to', '2025-05-01']],
  ['E1b demand 12,000,000 × 51 days @1.10%', '18700.00', ['--product', 'demand', '--principal', '12000000', '--annual-rate', '0.011', '--from', '2025-05-01', '--to', '2025-06-21']],
  ['E2 time 50,000,000 3y @1.25%', '1875000.00', ['--product', 'time', '--principal', '50000000', '--annual-rate', '0.0125', '--from', '2025-01-01', '--to', '2028-01-01', '--term-months', '36']],
  ['E3 1y withdrawn early, 30/360', '312.50', ['--product', 'time', '--principal', '1000000', '--annual-rate', '0.0095', '--from', '2025-01-10', '--to', '2026-01-10', '--term-months', '12', '--withdraw-on', '2025-08-25', '--demand-rate', '0.0005']],
  ['E3 1y withdrawn early, actual/365', '310.96', ['--product', 'time', '--principal', '1000000', '--annual-rate', '0.0095', '--from', '2025-01-10', '--to', '2026-01-10', '--term-months', '12', '--withdraw-on', '2025-08-25', '--demand-rate', '0.0005', '--day-basis', 'actual365']],
  ['E4 agreed, base 500,000 of 3,000,000', '7794.44', ['--product', 'agreed', '--principal', '3000000', '--base-amount', '500000', '--annual-rate', '0.0115', '--demand-rate', '0.0035', '--from', '2025-03-21', '--to', '2025-06-21']],
  ['E5 7-day call 5,000,000 × 30 days', '1250.00', ['--product', 'notice', '--principal', '5000000', '--annual-rate', '0.003', '--from', '2025-01-01', '--to', '2025-01-31']],
  ['E6 bond, one semi-annual coupon', '92500.00', ['--product', 'bond', '--principal', '10000000', '--annual-rate', '0.0185', '--coupon-frequency', '2', '--from', '2025-01-01', '--to', '2025-07-01']],
];

describe('fundladder interest', () => {
  it.each(cases)('%s → %s', async (_name, expected, args) => {
    const r = await runCli(['interest', ...args, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.interest).toBe(expected);
    expect(json.formula).toMatch(/×/);
  });
  it('prints the interest and the formula for people, in Chinese by default', async () => {
    const r = await runCli(['interest', ...cases[0]![2]], 'zh');
    expect(r.out).toContain('利息: 12527.78 元');
    expect(r.out).toContain('410000000 × 1.10% / 360');
    expect(r.out).toContain('积数 balance-days = 10000000 × 41 days');
  });
  it('refuses a rate typed as a percentage, naming the flag', async () => {
    const r = await runCli(['interest', '--product', 'demand', '--principal', '100', '--annual-rate', '1.35', '--from', '2025-01-01', '--to', '2025-02-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--annual-rate 1.35 looks like a percentage');
  });
  it('names every bad flag at once, with the value typed', async () => {
    const r = await runCli(['interest', '--product', 'demand', '--principal=-5', '--annual-rate', '1.35', '--from', '2025-02-30', '--to', '2025-03-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--principal -5 may not be negative');
    expect(r.err).toContain('--annual-rate 1.35 looks like a percentage');
    expect(r.err).toContain('--from 2025-02-30 is not a day YYYY-MM-DD');
  });
  it('--json is the interest result: the inputs, the interest to the fen and unrounded, and what the rule worked with', async () => {
    const json = JSON.parse((await runCli(['interest', ...cases[0]![2], '--json'])).out);
    expect(json).toMatchObject({ kind: 'interest', product: 'demand', principal: '10000000', annualRate: '0.011', interest: '12527.78', rounding: 'liThenFenHalfUp' });
    expect(json.detail).toEqual({ kind: 'demand', days: 41, balanceDays: '410000000' });
  });
  it('asks for the demand rate an early withdrawal needs instead of guessing', async () => {
    const r = await runCli(['interest', '--product', 'time', '--principal', '100', '--annual-rate', '0.01', '--from', '2025-01-01', '--to', '2026-01-01', '--term-months', '12', '--withdraw-on', '2025-06-01']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--demand-rate');
  });
});
