import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxWan, chartNumber, decimalIn, fenOf, formatMoney, moneyIn, percentOfFraction, percentOfProbability, sumYuan, yuanTextOf } from './money';

describe('money in 万元/亿元 from the API’s yuan text', () => {
  it('reads yuan text as whole fen, with one or two decimals or none', () => {
    expect(fenOf('1234.50')).toBe(123450n);
    expect(fenOf('1234.5')).toBe(123450n);
    expect(fenOf('7')).toBe(700n);
    expect(fenOf('-0.07')).toBe(-7n);
  });

  it('refuses what is not money: a float’s text, a third decimal, a unit, nothing', () => {
    for (const bad of ['1e6', '0.001', '12万', '', ' 1.00', 'NaN', '1,000.00']) expect(() => fenOf(bad)).toThrow(/not money/);
  });

  it('shows the sample plan’s ledger interest 33,706,384.16 yuan as 3,370.64 万元 (optimize, paths 200, seed 7)', () => {
    expect(moneyIn('33706384.16', 'wan')).toBe('3,370.64');
    expect(formatMoney('33706384.16', 'zh')).toBe('3,370.64 万元');
  });

  it('switches to 亿元 from 1 亿 on, and shows English readers millions', () => {
    expect(formatMoney('945213569.48', 'zh')).toBe('9.45 亿元');
    expect(formatMoney('99999999.99', 'zh')).toBe('10,000.00 万元');
    expect(formatMoney('100000000.00', 'zh')).toBe('1.00 亿元');
    expect(formatMoney('-254731514.00', 'zh')).toBe('-2.55 亿元');
    expect(formatMoney('33706384.16', 'en')).toBe('CNY 33.71 m');
  });

  it('rounds half away from zero, as core’s formatWan does (decimal.js ROUND_HALF_UP)', () => {
    expect(moneyIn('50.00', 'wan')).toBe('0.01');
    expect(moneyIn('49.99', 'wan')).toBe('0.00');
    expect(moneyIn('-50.00', 'wan')).toBe('-0.01');
    expect(moneyIn('1234.5', 'yuan', 0)).toBe('1,235');
  });

  it('never shows "-0.00" for a small negative amount (date-fns drops −0 too)', () => {
    expect(moneyIn('-49.99', 'wan')).toBe('0.00');
    expect(moneyIn('-0.00', 'yuan')).toBe('0.00');
  });

  it('groups thousands in the whole part only', () => {
    expect(moneyIn('123456789012345.67', 'yuan')).toBe('123,456,789,012,345.67');
    expect(moneyIn('123456789012345.67', 'wan')).toBe('12,345,678,901.23');
    expect(moneyIn('999.99', 'yuan')).toBe('999.99');
  });

  it('agrees with decimal.js to the fen on any amount (property: string arithmetic = Decimal.div + toFixed)', () => {
    const DecimalExact = Decimal.clone({ precision: 60 });
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.constantFrom(['wan', 10_000], ['yi', 100_000_000], ['million', 1_000_000]), fc.integer({ min: 0, max: 4 }), (fen, [unit, per], places) => {
        const text = yuanTextOf(fen);
        const expected = new DecimalExact(text).div(per as number).toFixed(places, Decimal.ROUND_HALF_UP);
        const ours = moneyIn(text, unit as 'wan', places).replaceAll(',', '');
        expect(ours).toBe(/^-0(\.0*)?$/.test(expected) ? expected.slice(1) : expected);
      }),
    );
  });

  it('adds amounts exactly where floats would not (0.1 + 0.2)', () => {
    expect(sumYuan(['0.10', '0.20'])).toBe('0.30');
    expect(sumYuan(['2162996.28', '2233080.35', '-0.63'])).toBe('4396076.00');
    expect(sumYuan([])).toBe('0.00');
  });

  it('does not change the text it reads (round trip fen ↔ text)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (fen) => {
      expect(fenOf(yuanTextOf(fen))).toBe(fen);
    }));
  });

  it('gives a chart a plain number of the unit (display only)', () => {
    expect(chartNumber('33706384.16', 'wan')).toBeCloseTo(3370.638416, 9);
    expect(chartNumber('-132242476.00', 'wan')).toBeCloseTo(-13224.2476, 9);
  });

  it('shows rates exactly as percentages and probabilities with one decimal', () => {
    expect(percentOfFraction('0.0065')).toBe('0.65%');
    expect(percentOfFraction('0.011')).toBe('1.10%');
    expect(percentOfFraction('0.01843308749538394097863601280797154')).toBe('1.84%');
    expect(percentOfFraction('1')).toBe('100.00%');
    expect(percentOfFraction('0.02526315789', 0)).toBe('3%');
    expect(percentOfProbability(0.06)).toBe('6.0%');
    expect(percentOfProbability(0.005)).toBe('0.5%');
    expect(percentOfProbability(0)).toBe('0.0%');
  });

  it('shows other exact decimals with the places asked for, and the LP’s approximate 万元 figures with their unit', () => {
    expect(decimalIn('8.280045249019266601265546720252806', 1)).toBe('8.3');
    expect(decimalIn('54.93592446009985576371900561845749', 0)).toBe('55');
    expect(decimalIn('-0.04', 1)).toBe('0.0');
    expect(approxWan(23.141276616069906, 'zh')).toBe('23.1 万元');
    expect(approxWan(23.141276616069906, 'en')).toBe('CNY 0.23 m');
    expect(approxWan(12345.67, 'zh')).toBe('12,345.7 万元');
  });
});
