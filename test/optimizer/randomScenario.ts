import fc from 'fast-check';
import { type ScenarioInput, addMonthsToKey, monthKey, monthKeyRange } from '@fundladder/core';

const FUNDS = ['employeePension', 'residentPension', 'employeeMedical', 'unemployment', 'workInjury'] as const;
const BANKS = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'] as const;

const fen = (yuan: number) => (Math.round(yuan * 100) / 100).toFixed(2);

/**
 * Random small county scenarios for the optimizer's properties: 6–12 months, 1–3 fund types, seven banks
 * (one suspended), random quotes, balances, flows and existing deposits. Amounts in the scale of
 * the test county of docs/domain.md §10.3. Some come out infeasible; that is part of what is tested.
 */
export const randomScenario: fc.Arbitrary<ScenarioInput> = fc
  .record({
    months: fc.integer({ min: 6, max: 12 }),
    funds: fc.uniqueArray(fc.constantFrom(...FUNDS), { minLength: 1, maxLength: 3 }),
    rates: fc.array(fc.integer({ min: 40, max: 220 }), { minLength: BANKS.length * 4, maxLength: BANKS.length * 4 }),
    balances: fc.array(fc.integer({ min: 5_000_000, max: 300_000_000 }), { minLength: 3, maxLength: 3 }),
    payouts: fc.array(fc.integer({ min: 500_000, max: 30_000_000 }), { minLength: 3, maxLength: 3 }),
    noise: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 72, maxLength: 72 }),
    holdings: fc.array(fc.record({ bank: fc.integer({ min: 0, max: 5 }), fund: fc.nat(), amount: fc.integer({ min: 1_000_000, max: 20_000_000 }), startMonth: fc.integer({ min: 1, max: 11 }), term: fc.constantFrom(6, 12) }), { maxLength: 3 }),
    reserveMonths: fc.integer({ min: 0, max: 3 }),
    fundShare: fc.constantFrom('0.2', '0.25', '0.3'),
    minBanks: fc.integer({ min: 3, max: 5 }),
  })
  .map((r) => {
    const start = monthKey('2026-01');
    const months = monthKeyRange(start, addMonthsToKey(start, r.months - 1));
    const rate = (k: number) => (r.rates[k % r.rates.length]! / 10_000).toFixed(4);
    const banks = BANKS.map((id, i) => ({
      id,
      name: id,
      type: i < 2 ? 'stateOwned' : 'cityCommercial',
      localGeneralDeposits: '20000000000.00',
      status: i === 6 ? 'suspended' : 'eligible',
      conventions: { dayBasis: i === 3 ? 'actual365' : 'thirty360', rateChangeMethod: 'segmented' },
      quotes: [
        { product: 'demandDeposit', annualRate: '0.0005', effectiveFrom: '2025-05-20' },
        { product: 'callDeposit7d', annualRate: '0.003', effectiveFrom: '2025-05-20' },
        { product: 'timeDeposit', termMonths: 3, annualRate: rate(i * 4), effectiveFrom: '2025-05-20' },
        { product: 'timeDeposit', termMonths: 6, annualRate: rate(i * 4 + 1), effectiveFrom: '2025-05-20' },
        { product: 'timeDeposit', termMonths: 12, annualRate: rate(i * 4 + 2), effectiveFrom: '2025-05-20' },
        { product: 'largeCd', termMonths: 12, annualRate: rate(i * 4 + 3), effectiveFrom: '2025-05-20' },
      ],
    }));
    const accounts = r.funds.map((ft, k) => ({ id: `${ft}-fsa`, kind: 'fiscalSpecial', fundType: ft, bankId: BANKS[k]!, openingBalance: fen(r.balances[k]!), contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0035' }], settlement: true }));
    const flows = months.flatMap((month, t) =>
      r.funds.map((ft, k) => {
        const out = r.payouts[k]!;
        return { month, fundType: ft, inflow: fen(out * (1 + r.noise[(t * 3 + k) % 72]!)), outflow: fen(out * (1 + r.noise[(t * 3 + k + 36) % 72]! / 2)) };
      }),
    );
    const holdings = r.holdings.map((h, k) => ({ id: `h${k}`, fundType: r.funds[h.fund % r.funds.length]!, product: 'timeDeposit', bankId: BANKS[h.bank]!, principal: fen(h.amount), annualRate: '0.0135', startDate: `2025-${String(h.startMonth).padStart(2, '0')}-15`, termMonths: h.term }));
    return {
      schemaVersion: 1,
      name: 'random county',
      asOf: '2025-12-31',
      startMonth: '2026-01',
      horizonMonths: r.months,
      fundTypes: r.funds,
      banks,
      accounts,
      holdings,
      bondYields: [{ termMonths: 12, annualRate: '0.014', couponFrequency: 0, effectiveFrom: '2025-09-05' }, { termMonths: 36, annualRate: '0.0143', couponFrequency: 1, effectiveFrom: '2025-09-05' }],
      policy: { reserve: { rule: 'monthsOfPayouts', months: r.reserveMonths }, caps: { fundTimeDepositShare: r.fundShare }, minBanks: r.minBanks },
      flows,
    } as unknown as ScenarioInput;
  });
