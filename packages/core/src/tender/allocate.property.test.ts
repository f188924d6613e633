// Properties of the tender's allocation (docs/tender.md §3): money conserved, every cap holds as the ledger's own rule
// functions check it, a bank with no score or a suspended bank gets nothing. Seeded by test/setup/fastCheck.ts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO, dec, sum } from '../money/decimal';
import { monthKey } from '../dates/monthKey';
import { trancheShareCap } from '../rules/trancheShareCap';
import { bankLocalDepositCap } from '../rules/bankLocalDepositCap';
import { fundTimeDepositShareCap } from '../rules/fundTimeDepositShareCap';
import { validateScenario } from '../schemas/validateScenario';
import type { Scenario, ScenarioInput } from '../schemas/scenario';
import { tinyScenario } from '../testing/fixtures';
import { allocateTranche } from './allocateTranche';
import { scoreBids } from './scoreBids';
import { PBOC_RATINGS, type Tender } from './schema';

const RUNS = Number(process.env.FL_PROPERTY_RUNS ?? 300);
const fen = (n: bigint | number) => new Decimal(n.toString()).div(100);
const share = fc.integer({ min: 5, max: 60 }).map((p) => dec(p).div(100));

const bankArb = fc.record({
  scoreHundredths: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })),
  localFen: fc.bigInt({ min: 0n, max: 10n ** 13n }),
  heldFen: fc.array(fc.bigInt({ min: 0n, max: 10n ** 11n }), { minLength: 3, maxLength: 3 }),
});

describe('allocateTranche: properties', () => {
  it('money conserved, amounts to the fen, no score → nothing, and caps A, B, C and the bank count hold at every month end', () => {
    fc.assert(
      fc.property(
        fc.array(bankArb, { minLength: 1, maxLength: 9 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 3 }),
        fc.bigInt({ min: 0n, max: 10n ** 11n }),
        share, share, share, fc.integer({ min: 0, max: 6 }),
        (spec, askedFen, monthCount, otherFen, a, b, c, minBanks) => {
          const caps = { trancheShare: a, bankLocalDepositShare: b, fundTimeDepositShare: c, minBanks };
          const banks = spec.map((s, k) => ({ bankId: `b${k}`, score: dec(s.scoreHundredths).div(100), localGeneralDeposits: fen(s.localFen) }));
          const months = Array.from({ length: monthCount }, (_, t) => {
            const byBank = new Map(spec.map((s, k) => [`b${k}`, fen(s.heldFen[t]!)]));
            byBank.set('other', fen(otherFen));
            return { month: monthKey(`2026-0${t + 1}`), byBank, total: sum(byBank.values()) };
          });
          const asked = fen(askedFen);
          const r = allocateTranche(asked, banks, months, caps);
          const amounts = [...r.amounts.values()];
          expect(sum(amounts).plus(r.unplaced).eq(asked)).toBe(true);
          expect(sum(amounts).eq(r.placed)).toBe(true);
          for (const x of amounts) expect(x.gte(0) && x.decimalPlaces() <= 2).toBe(true);
          banks.forEach((bk) => { if (bk.score.isZero()) expect(r.amounts.get(bk.bankId)!.isZero()).toBe(true); });
          const got = (id: string) => r.amounts.get(id) ?? ZERO;
          // Cap A as the ledger checks it, on the tranche placed.
          expect(trancheShareCap(months[0]!.month, r.amounts, a)).toEqual([]);
          for (const m of months) {
            const after = new Map([...m.byBank].map(([id, held]) => [id, held.plus(got(id))]));
            const total = sum(after.values());
            // A bank given money is within caps B and C and the count share; one already over and given nothing is not the allocation's doing.
            const over = fundTimeDepositShareCap(m.month, after, c).filter((i) => got(i.bankId!).gt(0));
            expect(over).toEqual([]);
            for (const bk of banks) {
              if (!got(bk.bankId).gt(0)) continue;
              expect(bankLocalDepositCap(m.month, bk.bankId, after.get(bk.bankId)!, bk.localGeneralDeposits, b)).toBeUndefined();
              if (minBanks > 0) expect(after.get(bk.bankId)!.times(minBanks).lte(total)).toBe(true);
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('when the caps leave room for the whole total, all of it is placed (to the fen the caps allow)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 12 }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (n, askedFen) => {
        // No holdings, ample local deposits, caps A = C = 20% and five banks or more: each bank's limit is 20% of the tranche.
        const banks = Array.from({ length: n }, (_, k) => ({ bankId: `b${k}`, score: dec(k + 1), localGeneralDeposits: dec('1000000000000000') }));
        const r = allocateTranche(fen(askedFen), banks, [{ month: monthKey('2026-01'), byBank: new Map(), total: ZERO }], { trancheShare: dec('0.2'), bankLocalDepositShare: dec('0.2'), fundTimeDepositShare: dec('0.2'), minBanks: 0 });
        // To the fen: five banks at exactly 20% hold only a multiple of 5 fen (4,423,270.51 → 4,423,270.50); six or more
        // hold any total of 30 fen or more (6 × floor(0.2 P) ≥ 1.2 P − 0.06 ≥ P).
        const short = fen(askedFen).minus(r.placed);
        expect(short.gte(0) && short.lt(fen(n))).toBe(true);
        if (n >= 6 && askedFen >= 30n) expect(short.isZero()).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('scoreBids then allocate: a suspended bank gets nothing', () => {
  const rating = fc.integer({ min: 1, max: 6 });
  const bidArb = fc.record({
    marks: fc.record({ businessCondition: fc.integer({ min: 0, max: 100 }), service: fc.integer({ min: 0, max: 100 }), collateral: fc.integer({ min: 0, max: 100 }), localContribution: fc.integer({ min: 0, max: 100 }) }),
    regulatoryRatings: fc.record({ riskManagement: rating, operationalControl: rating, assetQuality: rating, compliance: rating }),
    pbocRating: fc.constantFrom(...PBOC_RATINGS),
    quoteBp: fc.integer({ min: 50, max: 250 }),
  });
  it('any rating at level 4 or worse, PBOC C or worse, a quote below the floor, or the scenario’s suspension → suspended, no score, no money', () => {
    const ids = ['icbc', 'ccb', 'psbc', 'cib', 'citybank', 'ruralbank'];
    fc.assert(
      fc.property(fc.array(bidArb, { minLength: 6, maxLength: 6 }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (bids, askedFen) => {
        const input = { ...tinyScenario(), tender: { termMonths: 12, minQuoteRate: '0.0100', weights: { businessCondition: '0.4', service: '0.15', collateral: '0.1', localContribution: '0.15', quotedRate: '0.2' }, bids: bids.map((x, k) => ({ bankId: ids[k]!, marks: x.marks, regulatoryRatings: x.regulatoryRatings, pbocRating: x.pbocRating, quotedRate: dec(x.quoteBp).div(10_000).toString() })) } } as ScenarioInput;
        const v = validateScenario(input);
        expect(v.ok).toBe(true);
        if (!v.ok) return;
        const scenario = v.value as Scenario & { tender: Tender };
        const scored = scoreBids(scenario);
        scored.forEach((s, k) => {
          const x = bids[k]!;
          const shouldStop = Object.values(x.regulatoryRatings).some((l) => l >= 4) || PBOC_RATINGS.indexOf(x.pbocRating) >= 2 || x.quoteBp < 100 || ids[k] === 'ruralbank';
          expect(s.suspended).toBe(shouldStop);
          expect(s.score === undefined).toBe(shouldStop);
        });
        const r = allocateTranche(fen(askedFen), scored.map((s) => ({ bankId: s.bankId, score: s.score ?? ZERO, localGeneralDeposits: dec('20000000000') })), [{ month: monthKey('2026-01'), byBank: new Map(), total: ZERO }], { trancheShare: dec('0.25'), bankLocalDepositShare: dec('0.2'), fundTimeDepositShare: dec('0.2'), minBanks: 5 });
        scored.forEach((s) => { if (s.suspended) expect(r.amounts.get(s.bankId)!.isZero()).toBe(true); });
      }),
      { numRuns: Math.min(RUNS, 200) },
    );
  });
});
