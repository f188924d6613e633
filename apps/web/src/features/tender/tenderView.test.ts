import { describe, expect, it } from 'vitest';
import { tenderResult } from '../../api/results';
import fixture from './fixtures/tender.json';
import { aboveReserve, allocationRows, bankNamer, planComparison, scoreRows, splitTotalIssues, suspendedRows, tenderRequestOf, yuanOfWan } from './tenderView';

// The tender job's result on examples/tender/scenario.json with a total of 3,000 万元 (confidence 0.9, 30 check paths,
// 60 planning paths), as the job encodes it; decoded here with the app layer's own schema, as the screen does.
const result = fixture as unknown as Parameters<typeof scoreRows>[0] & Parameters<typeof planComparison>[0] & Parameters<typeof aboveReserve>[0] & Parameters<typeof bankNamer>[0];
const form = { totalWan: '', confidence: '', paths: '', planningPaths: '' };

describe('the fixture', () => {
  it('is a tender result the app layer reads back', () => {
    expect(tenderResult.safeDecode(fixture as never).success).toBe(true);
  });
});

describe('the start form', () => {
  it('turns 万元 typed into yuan to the fen, exactly, and refuses what is not a positive plain decimal of ≤ 6 places', () => {
    expect(yuanOfWan('3000')).toBe('30000000.00');
    expect(yuanOfWan(' 0.000001 ')).toBe('0.01');
    expect(yuanOfWan('1234.5678')).toBe('12345678.00');
    expect(yuanOfWan('0')).toBeUndefined();
    expect(yuanOfWan('1.2345678')).toBeUndefined();
    expect(yuanOfWan('-5')).toBeUndefined();
    expect(yuanOfWan('1e3')).toBeUndefined();
  });

  it('builds the tender run request, leaving out what is empty so the scenario’s own values apply', () => {
    expect(tenderRequestOf('7', form)).toEqual({ ok: true, body: { kind: 'tender', scenario: { scenarioVersion: '7' }, options: {} } });
    expect(tenderRequestOf('7', { totalWan: '3000', confidence: '0.9', paths: '30', planningPaths: '60' })).toEqual({ ok: true, body: { kind: 'tender', scenario: { scenarioVersion: '7' }, options: { totalAmount: '30000000.00', confidence: 0.9, paths: 30, planningPaths: 60 } } });
    expect(tenderRequestOf('7', { ...form, totalWan: 'abc' })).toEqual({ ok: false, field: 'total' });
    expect(tenderRequestOf('7', { ...form, confidence: '1' })).toEqual({ ok: false, field: 'confidence' });
    expect(tenderRequestOf('7', { ...form, paths: '30000' })).toEqual({ ok: false, field: 'paths' });
    expect(tenderRequestOf('7', { ...form, planningPaths: '1.5' })).toEqual({ ok: false, field: 'planningPaths' });
  });

  it('puts the refusal of a total above the liquid money at the total field, other issues apart', () => {
    const refused = { code: 'too_big', path: ['options', 'totalAmount'], rule: 'tenderTotalWithinLiquidity', message: 'a total … is more than the fund’s liquid money' };
    const other = { code: 'missing', path: ['scenario', 'tender'], rule: 'tenderSection', message: 'no tender section' };
    expect(splitTotalIssues([refused, other])).toEqual({ total: [refused], other: [other] });
  });
});

describe('the result', () => {
  it('lists the banks taking part best score first, with the five marks and the quote', () => {
    const rows = scoreRows(result);
    // 86.95, 85.35, 82.3, 82, 80.35, 78.65: '82.3' before '82', compared as decimals.
    expect(rows.map((r) => r.bankId)).toEqual(['icbc', 'ccb', 'city', 'psbc', 'cib', 'citic']);
    expect(rows.find((r) => r.bankId === 'icbc')).toEqual({ bankId: 'icbc', quote: '0.0095', quoteSource: 'bankQuote', marks: { businessCondition: '95', service: '85', collateral: '90', localContribution: '80', quotedRate: '76' }, score: '86.95' });
  });

  it('names the suspended bank with every reason found', () => {
    const s = suspendedRows(result);
    expect(s.map((r) => r.bankId)).toEqual(['rural']);
    expect(s[0]!.reasons.map((r) => r.rule)).toEqual(['tenderRegulatoryRating', 'tenderPbocRating', 'suspendedBankNoNewMoney']);
  });

  it('splits the total among the banks taking part, the amounts adding up to what was placed, to the fen', () => {
    const { rows, total } = allocationRows(result);
    expect(rows.map((r) => r.bankId)).not.toContain('rural');
    expect(total).toBe('30000000.00');
    for (let k = 1; k < rows.length; k++) expect(Number(rows[k - 1]!.amount)).toBeGreaterThanOrEqual(Number(rows[k]!.amount));
    expect(rows.find((r) => r.bankId === 'icbc')).toMatchObject({ amount: '5263317.19', share: '0.175444', limit: '7500000.00', limitRule: 'trancheShareCap', capped: false });
  });

  it('warns when the total asked is above what leaves the reserve whole, and not at or below it', () => {
    expect(aboveReserve(result)).toBe(true);
    expect(aboveReserve({ total: { asked: '1544714.54', withinReserve: { amount: '1544714.54', month: '2026-11' } } })).toBe(false);
    expect(aboveReserve({ total: { asked: '1544714.55', withinReserve: { amount: '1544714.54', month: '2026-11' } } })).toBe(true);
  });

  it('sets the two plans side by side, the optimizer’s first, risk figures and interest, and the interest difference', () => {
    const c = planComparison(result);
    expect(c.plans.map((p) => p.plan)).toEqual(['optimizer', 'tender']);
    expect(c.plans[0]).toEqual({ plan: 'optimizer', planCaused: 0, anyGap: 0.1, interest: '33978104.85' });
    expect(c.plans[1]).toEqual({ plan: 'tender', planCaused: 1 / 3, anyGap: 1 / 3, interest: '34066419.76' });
    expect(c.interestDifference).toBe('88314.91');
  });

  it('names banks as the scenario does', () => {
    expect(bankNamer(result)('icbc')).toBe('中国工商银行示例县支行');
    expect(bankNamer(result)('nobody')).toBe('nobody');
  });
});
