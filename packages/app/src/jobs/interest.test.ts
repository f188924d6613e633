// The interest job reproduces the worked examples E1–E6 of docs/domain.md §5.3 to the fen, with the facts each rule
// worked with (来源: docs/domain.md §5.3, formulas F1–F6 of §5.1), and names every bad field.
import { describe, expect, it } from 'vitest';
import { type InterestRequest, type InterestResult, interestResult, runInterest } from './interest';
import { decodeResult, encodeResult, execute } from '../execute';

async function interest(request: Omit<InterestRequest, 'kind'>): Promise<InterestResult> {
  const r = await runInterest({ kind: 'interest', ...request });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('runInterest: the worked examples', () => {
  it('E1a demand 10,000,000 × 41 days @1.10% → 12527.78, with the balance-days', async () => {
    const r = await interest({ product: 'demand', principal: '10000000', annualRate: '0.011', from: '2025-03-21', to: '2025-05-01' });
    expect(r.interest.toFixed(2)).toBe('12527.78');
    expect(r.detail).toEqual({ kind: 'demand', days: 41, balanceDays: expect.anything() });
    expect(r.detail.kind === 'demand' && r.detail.balanceDays.toFixed()).toBe('410000000');
    expect(r.formula).toContain('410000000 × 1.10% / 360');
    expect(r.rounding).toBe('liThenFenHalfUp');
  });

  it('E2 time 50,000,000 3y @1.25% → 1875000.00, held to maturity', async () => {
    const r = await interest({ product: 'time', principal: '50000000', annualRate: '0.0125', from: '2025-01-01', to: '2028-01-01', termMonths: 36 });
    expect(r.interest.toFixed(2)).toBe('1875000.00');
    expect(r.detail).toMatchObject({ kind: 'term', termMonths: 36, maturityDate: '2028-01-01', outcome: 'heldToMaturity' });
  });

  it('E3 1y withdrawn early → 312.50 (30/360) and 310.96 (actual/365) at the demand rate', async () => {
    const base = { product: 'time', principal: '1000000', annualRate: '0.0095', from: '2025-01-10', to: '2026-01-10', termMonths: 12, withdrawOn: '2025-08-25', demandRate: '0.0005' } as const;
    const thirty = await interest(base);
    expect(thirty.interest.toFixed(2)).toBe('312.50');
    expect(thirty.detail).toMatchObject({ kind: 'term', outcome: 'earlyWithdrawal', endDate: '2025-08-25' });
    expect((await interest({ ...base, dayBasis: 'actual365' })).interest.toFixed(2)).toBe('310.96');
  });

  it('E4 agreed, base 500,000 of 3,000,000 → 7794.44; E5 7-day call 5,000,000 × 30 days → 1250.00', async () => {
    expect((await interest({ product: 'agreed', principal: '3000000', baseAmount: '500000', annualRate: '0.0115', demandRate: '0.0035', from: '2025-03-21', to: '2025-06-21' })).interest.toFixed(2)).toBe('7794.44');
    const notice = await interest({ product: 'notice', principal: '5000000', annualRate: '0.003', from: '2025-01-01', to: '2025-01-31' });
    expect(notice.interest.toFixed(2)).toBe('1250.00');
    expect(notice.detail).toEqual({ kind: 'notice', days: 30 });
  });

  it('E6 bond, one semi-annual coupon → 92500.00; two months later the accrued interest is added', async () => {
    const r = await interest({ product: 'bond', principal: '10000000', annualRate: '0.0185', couponFrequency: 2, from: '2025-01-01', to: '2025-07-01' });
    expect(r.interest.toFixed(2)).toBe('92500.00');
    expect(r.detail).toMatchObject({ kind: 'bond', couponsPaid: ['2025-07-01'], termMonths: 6 });
    const later = await interest({ product: 'bond', principal: '10000000', annualRate: '0.0185', couponFrequency: 2, termMonths: 12, from: '2025-01-01', to: '2025-09-01' });
    expect(later.detail.kind === 'bond' && later.detail.accrued.gt(0)).toBe(true);
    expect(later.interest.gt(r.interest)).toBe(true);
  });
});

describe('runInterest names every bad field', () => {
  it('a rate typed as a percentage, a negative amount and a day that does not exist, all at once', async () => {
    const r = await runInterest({ kind: 'interest', product: 'demand', principal: '-5', annualRate: '1.35', from: '2025-02-30', to: '2025-03-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['principal', 'may not be negative'],
        ['annualRate', 'looks like a percentage; rates are fractions (0.0135 = 1.35%)'],
        ['from', 'is not a day YYYY-MM-DD'],
      ]);
    }
  });

  it('asks for what the rule needs instead of guessing: the demand rate of an early withdrawal, an agreed deposit’s base', async () => {
    const early = await runInterest({ kind: 'interest', product: 'time', principal: '100', annualRate: '0.01', from: '2025-01-01', to: '2026-01-01', termMonths: 12, withdrawOn: '2025-06-01' });
    expect(early.ok === false && early.issues.map((i) => i.path[0])).toEqual(['demandRate']);
    const agreed = await runInterest({ kind: 'interest', product: 'agreed', principal: '100', annualRate: '0.01', from: '2025-01-01', to: '2025-02-01' });
    expect(agreed.ok === false && agreed.issues.map((i) => i.path[0])).toEqual(['baseAmount', 'demandRate']);
    const backwards = await runInterest({ kind: 'interest', product: 'demand', principal: '100', annualRate: '0.01', from: '2025-02-01', to: '2025-01-01' });
    expect(backwards.ok === false && backwards.issues[0]!.path).toEqual(['to']);
  });

  it('an unknown key or product is named', async () => {
    const r = await runInterest({ kind: 'interest', product: 'savings', principal: '100', annualRate: '0.01', from: '2025-01-01', to: '2025-02-01', princpal: '1' } as never);
    expect(r.ok === false && r.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['product', 'invalid_value'],
      ['princpal', 'unknown_key'],
    ]);
  });
});

describe('runInterest results on the wire', () => {
  it('survive encode → JSON → decode unchanged: money to the fen, the unrounded figure exact', async () => {
    const r = await interest({ product: 'demand', principal: '10000000', annualRate: '0.011', from: '2025-03-21', to: '2025-05-01' });
    const wire = interestResult.encode(r);
    expect(wire).toMatchObject({ interest: '12527.78', unrounded: r.unrounded.toFixed(), principal: '10000000', annualRate: '0.011' });
    expect(interestResult.decode(JSON.parse(JSON.stringify(wire)))).toEqual(r);
    expect(structuredClone(wire)).toEqual(wire);
  });

  it('execute runs the job by its kind, and decodeResult reads the wire form back by its kind', async () => {
    const r = await execute({ kind: 'interest', product: 'notice', principal: '5000000', annualRate: '0.003', from: '2025-01-01', to: '2025-01-31' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(decodeResult(JSON.parse(JSON.stringify(encodeResult(r.value))))).toEqual({ ok: true, value: r.value });
  });
});
