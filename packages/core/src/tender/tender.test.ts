// Tender scoring, suspension and allocation (docs/tender.md), from hand-worked examples.
// 来源: docs/domain.md §8.1 (weighted scoring, business condition ≥ 40%, caps A/B/C) and §8.3 (suspension) [004];
// the worked example is docs/tender.md §4, computed by hand below.
import { describe, expect, it } from 'vitest';
import { dec } from '../money/decimal';
import { monthKey } from '../dates/monthKey';
import { validateScenario } from '../schemas/validateScenario';
import type { Scenario, ScenarioInput } from '../schemas/scenario';
import { tinyScenario } from '../testing/fixtures';
import { rateScore } from './rateScore';
import { weightedScore } from './weightedScore';
import { suspensionReasons } from './suspensionReasons';
import { allocateByScore } from './allocateByScore';
import { allocateTranche } from './allocateTranche';
import { bankLimit } from './bankLimit';
import { scoreBids } from './scoreBids';
import type { Tender, TenderInput } from './schema';

const caps = { trancheShare: dec('0.25'), bankLocalDepositShare: dec('0.20'), fundTimeDepositShare: dec('0.20'), minBanks: 5 };
const WEIGHTS = { businessCondition: '0.40', service: '0.15', collateral: '0.10', localContribution: '0.15', quotedRate: '0.20' };
const fine = { riskManagement: 2, operationalControl: 2, assetQuality: 2, compliance: 2 };

/** The worked example's bids (docs/tender.md §4): six banks take part, two are suspended. */
function workedTender(overrides: Partial<TenderInput> = {}): TenderInput {
  return {
    termMonths: 12,
    minQuoteRate: '0.0140',
    weights: WEIGHTS,
    bids: [
      { bankId: 'icbc', marks: { businessCondition: 90, service: 80, collateral: 70, localContribution: 60 }, regulatoryRatings: fine, pbocRating: 'A', quotedRate: '0.0175' },
      { bankId: 'ccb', marks: { businessCondition: 85, service: 85, collateral: 80, localContribution: 70 }, regulatoryRatings: { ...fine, assetQuality: 3 }, pbocRating: 'A', quotedRate: '0.0170' },
      { bankId: 'cib', marks: { businessCondition: 80, service: 75, collateral: 90, localContribution: 80 }, regulatoryRatings: { riskManagement: 3, operationalControl: 3, assetQuality: 3, compliance: 3 }, pbocRating: 'B', quotedRate: '0.0160' },
      { bankId: 'citic', marks: { businessCondition: 75, service: 70, collateral: 60, localContribution: 90 }, regulatoryRatings: fine, pbocRating: 'B', quotedRate: '0.0155' },
      { bankId: 'citybank', marks: { businessCondition: 70, service: 90, collateral: 80, localContribution: 95 }, regulatoryRatings: fine, pbocRating: 'A', quotedRate: '0.0150' },
      { bankId: 'psbc', marks: { businessCondition: 70, service: 70, collateral: 70, localContribution: 70 }, regulatoryRatings: fine, pbocRating: 'A', quotedRate: '0.0145' },
      { bankId: 'hxb', marks: { businessCondition: 95, service: 95, collateral: 95, localContribution: 95 }, regulatoryRatings: { ...fine, assetQuality: 4 }, pbocRating: 'A', quotedRate: '0.0180' },
      { bankId: 'ruralbank', marks: { businessCondition: 60, service: 60, collateral: 60, localContribution: 60 }, regulatoryRatings: fine, pbocRating: 'C', quotedRate: '0.0135' },
    ],
    ...overrides,
  };
}

/** tinyScenario (six banks, ruralbank suspended) with two more banks and the tender; ccb's local deposits are 8,000万. */
function workedScenario(tender: TenderInput = workedTender()): ScenarioInput {
  const base = tinyScenario();
  const banks = (base.banks as Array<Record<string, unknown>>).map((b) => (b.id === 'ccb' ? { ...b, localGeneralDeposits: '80000000.00' } : b));
  const extra = (id: string) => ({ ...banks[0]!, id, name: id.toUpperCase() });
  return { ...base, banks: [...banks, extra('citic'), extra('hxb')], tender } as ScenarioInput;
}

function parse(input: ScenarioInput): Scenario & { tender: Tender } {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value as Scenario & { tender: Tender };
}

describe('rateScore: the quote’s mark (docs/tender.md §2)', () => {
  it('relative to the best quote, to two places half up: 100 × 1.55 / 1.75 = 88.571… → 88.57; the best gets 100', () => {
    expect(rateScore(dec('0.0155'), dec('0.0175'), 'relativeToBest').toFixed(2)).toBe('88.57');
    expect(rateScore(dec('0.0175'), dec('0.0175'), 'relativeToBest').toFixed(2)).toBe('100.00');
  });
  it('between the floor and the best: 100 × (1.55 − 1.40) / (1.75 − 1.40) = 42.857… → 42.86; the floor gets 0', () => {
    expect(rateScore(dec('0.0155'), dec('0.0175'), 'betweenFloorAndBest', dec('0.0140')).toFixed(2)).toBe('42.86');
    expect(rateScore(dec('0.0140'), dec('0.0175'), 'betweenFloorAndBest', dec('0.0140')).toFixed(2)).toBe('0.00');
  });
});

describe('weightedScore', () => {
  it('Σ weight × mark: 0.4×90 + 0.15×80 + 0.1×70 + 0.15×60 + 0.2×100 = 36 + 12 + 7 + 9 + 20 = 84', () => {
    const w = { businessCondition: dec('0.4'), service: dec('0.15'), collateral: dec('0.1'), localContribution: dec('0.15'), quotedRate: dec('0.2') };
    expect(weightedScore(w, { businessCondition: dec(90), service: dec(80), collateral: dec(70), localContribution: dec(60), quotedRate: dec(100) }).toString()).toBe('84');
  });
});

describe('suspensionReasons ([004], docs/domain.md §8.3)', () => {
  const bank = { status: 'eligible' as const };
  it('level 4 on asset quality and level 5 on compliance: one reason each; level 3 is not', () => {
    const r = suspensionReasons({ regulatoryRatings: { riskManagement: 3, operationalControl: 2, assetQuality: 4, compliance: 5 }, pbocRating: 'A' }, bank, dec('0.015'), { fromLevel: 4, fromPboc: 'C' });
    expect(r).toEqual([
      { rule: 'tenderRegulatoryRating', indicator: 'assetQuality', level: 4, from: 4 },
      { rule: 'tenderRegulatoryRating', indicator: 'compliance', level: 5, from: 4 },
    ]);
  });
  it('PBOC C and D suspend, B does not; a quote below the floor suspends, at the floor does not', () => {
    const at = (pbocRating: 'B' | 'C' | 'D', quote: string) => suspensionReasons({ regulatoryRatings: fine, pbocRating }, bank, dec(quote), { fromLevel: 4, fromPboc: 'C', floor: dec('0.0140') }).map((x) => x.rule);
    expect(at('B', '0.0140')).toEqual([]);
    expect(at('C', '0.0140')).toEqual(['tenderPbocRating']);
    expect(at('D', '0.0139')).toEqual(['tenderPbocRating', 'minQuoteRate']);
  });
  it('a bank the scenario suspends, and a bid with no rate at all', () => {
    expect(suspensionReasons({ regulatoryRatings: fine, pbocRating: 'A' }, { status: 'suspended', suspendedReason: 'risk event' }, undefined, { fromLevel: 4, fromPboc: 'C' })).toEqual([{ rule: 'tenderQuoteMissing' }, { rule: 'suspendedBankNoNewMoney', reason: 'risk event' }]);
  });
});

describe('scoreBids: the worked example (docs/tender.md §4)', () => {
  // Suspended: hxb (asset quality level 4), ruralbank (PBOC C; 1.35% < floor 1.40%; the scenario suspends it).
  // Best quote among the six others: icbc 1.75%. Quote marks = 100 × q / 1.75%, two places:
  //   icbc 100.00 · ccb 97.142… → 97.14 · cib 91.428… → 91.43 · citic 88.571… → 88.57 · citybank 85.714… → 85.71 · psbc 82.857… → 82.86
  // Scores = 0.40 b + 0.15 s + 0.10 c + 0.15 l + 0.20 q:
  //   icbc     36 + 12    + 7 + 9     + 20     = 84
  //   ccb      34 + 12.75 + 8 + 10.5  + 19.428 = 84.678
  //   cib      32 + 11.25 + 9 + 12    + 18.286 = 82.536
  //   citic    30 + 10.5  + 6 + 13.5  + 17.714 = 77.714
  //   citybank 28 + 13.5  + 8 + 14.25 + 17.142 = 80.892
  //   psbc     28 + 10.5  + 7 + 10.5  + 16.572 = 72.572
  it('marks and scores by hand; the suspended with every reason and no score', () => {
    const scored = scoreBids(parse(workedScenario()));
    expect(scored.map((b) => [b.bankId, b.marks?.quotedRate.toFixed(2), b.score?.toString()])).toEqual([
      ['icbc', '100.00', '84'],
      ['ccb', '97.14', '84.678'],
      ['cib', '91.43', '82.536'],
      ['citic', '88.57', '77.714'],
      ['citybank', '85.71', '80.892'],
      ['psbc', '82.86', '72.572'],
      ['hxb', undefined, undefined],
      ['ruralbank', undefined, undefined],
    ]);
    expect(scored[6]!.reasons).toEqual([{ rule: 'tenderRegulatoryRating', indicator: 'assetQuality', level: 4, from: 4 }]);
    expect(scored[7]!.reasons.map((r) => r.rule)).toEqual(['tenderPbocRating', 'minQuoteRate', 'suspendedBankNoNewMoney']);
  });
  it('a bid without a rate takes the bank’s quote for the term on the placement day (tinyScenario: 12 months 0.95%)', () => {
    const t = workedTender();
    const bids = t.bids.map((b) => (b.bankId === 'psbc' ? { ...b, quotedRate: undefined } : b));
    const psbc = scoreBids(parse(workedScenario({ ...t, bids }))).find((b) => b.bankId === 'psbc')!;
    expect([psbc.quoteSource, psbc.quotedRate?.toString(), psbc.suspended]).toEqual(['bankQuote', '0.0095', true]);
    expect(psbc.reasons).toEqual([{ rule: 'minQuoteRate', quote: dec('0.0095'), floor: dec('0.014') }]);
  });
});

describe('allocateByScore: proportional to score, capped, remainder to the others by score', () => {
  it('100.00 by 60:30:10 with a capped at 50: a 50.00, then 50.00 by 30:10 → 37.50, 12.50', () => {
    const r = allocateByScore(dec('100.00'), [{ bankId: 'a', score: dec(60), limit: dec(50) }, { bankId: 'b', score: dec(30), limit: dec(100) }, { bankId: 'c', score: dec(10), limit: dec(100) }]);
    expect([...r.amounts].map(([k, v]) => [k, v.toFixed(2)])).toEqual([['a', '50.00'], ['b', '37.50'], ['c', '12.50']]);
    expect([...r.capped]).toEqual(['a']);
    expect([r.unplaced.toFixed(2), r.rounds]).toEqual(['0.00', 2]);
  });
  it('the fen: 0.10 by 1:1:1 → 0.04, 0.03, 0.03 (the leftover fen to the earlier bank on a tie)', () => {
    const r = allocateByScore(dec('0.10'), ['a', 'b', 'c'].map((bankId) => ({ bankId, score: dec(1), limit: dec(1) })));
    expect([...r.amounts.values()].map((v) => v.toFixed(2))).toEqual(['0.04', '0.03', '0.03']);
  });
  it('every bank at its limit: what is left is unplaced', () => {
    const r = allocateByScore(dec('100.00'), [{ bankId: 'a', score: dec(1), limit: dec('30.00') }, { bankId: 'b', score: dec(1), limit: dec('20.00') }]);
    expect([r.amounts.get('a')!.toFixed(2), r.amounts.get('b')!.toFixed(2), r.unplaced.toFixed(2)]).toEqual(['30.00', '20.00', '50.00']);
  });
});

describe('allocateTranche: the worked example within caps A, B, C (docs/tender.md §4)', () => {
  const m = monthKey('2026-01');
  const scores: Array<[string, string]> = [['icbc', '84'], ['ccb', '84.678'], ['cib', '82.536'], ['citic', '77.714'], ['citybank', '80.892'], ['psbc', '72.572']];
  const banks = scores.map(([bankId, score]) => ({ bankId, score: dec(score), localGeneralDeposits: dec(bankId === 'ccb' ? '80000000.00' : '20000000000') }));
  const nothingYet = [{ month: m, byBank: new Map(), total: dec(0) }];
  // 10,000万 = 100,000,000.00. Limits: cap A 25% = 25,000,000; cap C 20% of (0 + 100,000,000) = 20,000,000 (and
  // 1/5 for five banks, the same); ccb's cap B: 20% × 80,000,000 = 16,000,000.
  // Round 1, Σ scores = 482.392: ccb's share 100,000,000 × 84.678 / 482.392 = 17,553,773.69 > 16,000,000 → capped.
  // Round 2, 84,000,000 among the five others (Σ = 397.714), exact shares and fen (floors, then 3 leftover fen to the
  // largest remainders: citybank .954, psbc .784, cib .691):
  //   icbc     84,000,000 × 84     / 397.714 = 17,741,392.0556 → 17,741,392.05
  //   cib      84,000,000 × 82.536 / 397.714 = 17,432,184.9369 → 17,432,184.93 + 0.01
  //   citic    84,000,000 × 77.714 / 397.714 = 16,413,744.5501 → 16,413,744.55
  //   citybank 84,000,000 × 80.892 / 397.714 = 17,084,960.5495 → 17,084,960.54 + 0.01
  //   psbc     84,000,000 × 72.572 / 397.714 = 15,327,717.9078 → 15,327,717.90 + 0.01
  it('ccb at its cap B, the rest by score, to the fen, summing to the total', () => {
    const r = allocateTranche(dec('100000000.00'), banks, nothingYet, caps);
    expect(Object.fromEntries([...r.amounts].map(([k, v]) => [k, v.toFixed(2)]))).toEqual({
      icbc: '17741392.05', ccb: '16000000.00', cib: '17432184.94', citic: '16413744.55', citybank: '17084960.55', psbc: '15327717.91',
    });
    expect([r.placed.toFixed(2), r.unplaced.toFixed(2), [...r.capped]]).toEqual(['100000000.00', '0.00', ['ccb']]);
    expect(r.limits.get('ccb')).toEqual({ limit: dec('16000000'), rule: 'bankLocalDepositCap', month: m });
    expect(r.limits.get('icbc')!.rule).toBe('fundTimeDepositShareCap');
  });
  it('three banks: cap A at 25% needs four, so no tranche fits (100,000,000 → 75,000,000 → … → 0)', () => {
    const r = allocateTranche(dec('100000000.00'), banks.slice(0, 3), [], { ...caps, minBanks: 0 });
    expect([r.placed.toFixed(2), r.unplaced.toFixed(2)]).toEqual(['0.00', '100000000.00']);
  });
  it('existing deposits count toward cap C: icbc already holds 30,000,000 of 100,000,000 (5 banks, minBanks 0)', () => {
    // A tranche of 50,000,000: cap C at icbc = 20% × (100,000,000 + 50,000,000) − 30,000,000 = 0 → icbc gets nothing;
    // the four others: cap A 12,500,000 each, cap C 30,000,000 − their 17,500,000 = 12,500,000; 4 × 12,500,000 = 50,000,000.
    const held = new Map([['icbc', dec('30000000')], ['ccb', dec('17500000')], ['cib', dec('17500000')], ['citic', dec('17500000')], ['citybank', dec('17500000')]]);
    const five = banks.slice(0, 5).map((b) => ({ ...b, localGeneralDeposits: dec('20000000000') }));
    const r = allocateTranche(dec('50000000.00'), five, [{ month: m, byBank: held, total: dec('100000000') }], { ...caps, minBanks: 0 });
    expect(Object.fromEntries([...r.amounts].map(([k, v]) => [k, v.toFixed(2)]))).toEqual({ icbc: '0.00', ccb: '12500000.00', cib: '12500000.00', citic: '12500000.00', citybank: '12500000.00' });
    expect(bankLimit('icbc', dec('50000000'), dec('20000000000'), [{ month: m, byBank: held, total: dec('100000000') }], caps).limit.toFixed(2)).toBe('0.00');
  });
});

describe('checkTender: weights and references, each issue with path, rule and value', () => {
  it('weights that add up to 0.95 and a business weight of 0.35', () => {
    const r = validateScenario(workedScenario(workedTender({ weights: { ...WEIGHTS, businessCondition: '0.35' } })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path.join('.'), i.rule, i.received, i.limit])).toEqual([
      ['tender.weights', 'tenderWeightsSumToOne', '0.95', '1'],
      ['tender.weights.businessCondition', 'tenderBusinessWeight', '0.35', '0.4'],
    ]);
  });
  it('exactly 1 in decimals (0.1 + 0.2 are not a float sum): 0.4 + 0.1 + 0.2 + 0.1 + 0.2 passes; as JSON numbers too', () => {
    expect(validateScenario(workedScenario(workedTender({ weights: { businessCondition: 0.4, service: 0.1, collateral: 0.2, localContribution: 0.1, quotedRate: 0.2 } }))).ok).toBe(true);
  });
  it('a bid at an unknown bank, a second bid by one bank, a month outside the horizon, an unknown key, a mark above 100', () => {
    const t = workedTender({ month: '2027-01' });
    const bids = [...t.bids, { ...t.bids[0]!, bankId: 'nobank' }, { ...t.bids[1]! }];
    const r = validateScenario(workedScenario({ ...t, bids }));
    expect(r.ok ? [] : r.issues.map((i) => [i.path.join('.'), i.rule, i.received])).toEqual([
      ['tender.bids.8.bankId', 'knownBank', 'nobank'],
      ['tender.bids.9.bankId', 'oneBidPerBank', 'ccb'],
      ['tender.month', 'tenderInHorizon', '2027-01'],
    ]);
    const typo = validateScenario(workedScenario({ ...workedTender(), weigths: WEIGHTS } as unknown as TenderInput));
    expect(typo.ok ? [] : typo.issues.map((i) => [i.path.join('.'), i.rule, i.suggestion])).toContainEqual(['tender.weigths', 'knownKeys', 'weights']);
    const high = workedTender();
    high.bids[0] = { ...high.bids[0]!, marks: { ...high.bids[0]!.marks, service: 101 } };
    const big = validateScenario(workedScenario(high));
    expect(big.ok ? [] : big.issues.map((i) => [i.path.join('.'), i.rule, i.received])).toEqual([['tender.bids.0.marks.service', 'tenderMarkRange', '101']]);
  });
});
