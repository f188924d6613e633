/**
 * Small scenarios for tests (not exported from the package index). Figures are illustrative,
 * in the scale of the test county of docs/domain.md §10.3 (balance 5亿, payouts 0.4亿 a month).
 */
import type { PlanInput } from '../schemas/plan';
import type { ScenarioInput } from '../schemas/scenario';

const BANK_IDS = ['icbc', 'ccb', 'psbc', 'cib', 'citybank', 'ruralbank'] as const;

/** Six banks quoting the big banks' 2025-05-20 listed rates (docs/domain.md §6.2 [R16][R17]), one suspended. */
export function tinyScenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  const quotes = [
    { product: 'demandDeposit', annualRate: '0.0005', effectiveFrom: '2025-05-20' },
    { product: 'callDeposit7d', annualRate: '0.003', effectiveFrom: '2025-05-20' },
    { product: 'timeDeposit', termMonths: 3, annualRate: '0.0065', effectiveFrom: '2025-05-20' },
    { product: 'timeDeposit', termMonths: 6, annualRate: '0.0085', effectiveFrom: '2025-05-20' },
    { product: 'timeDeposit', termMonths: 12, annualRate: '0.0095', effectiveFrom: '2025-05-20' },
    { product: 'timeDeposit', termMonths: 24, annualRate: '0.0105', effectiveFrom: '2025-05-20' },
    { product: 'timeDeposit', termMonths: 36, annualRate: '0.0125', effectiveFrom: '2025-05-20' },
    { product: 'largeCd', termMonths: 12, annualRate: '0.0110', effectiveFrom: '2025-05-20' },
  ] as const;
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  return {
    schemaVersion: 1,
    name: 'tiny county',
    asOf: '2025-12-31',
    startMonth: '2026-01',
    horizonMonths: 6,
    fundTypes: ['employeePension', 'workInjury'],
    banks: BANK_IDS.map((id, k) => ({
      id,
      name: id.toUpperCase(),
      type: k < 2 ? 'stateOwned' : k === 2 ? 'postalSavings' : k === 3 ? 'jointStock' : k === 4 ? 'cityCommercial' : 'ruralCommercial',
      localGeneralDeposits: '20000000000',
      status: id === 'ruralbank' ? 'suspended' : 'eligible',
      ...(id === 'ruralbank' ? { suspendedReason: 'CBIRC rating level 4' } : {}),
      quotes: [...quotes],
    })),
    accounts: [
      { id: 'pension-fsa', kind: 'fiscalSpecial', fundType: 'employeePension', bankId: 'icbc', openingBalance: '400000000.00', contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0065' }], settlement: true },
      { id: 'injury-fsa', kind: 'fiscalSpecial', fundType: 'workInjury', bankId: 'ccb', openingBalance: '30000000.00', contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0005' }], settlement: true },
    ],
    holdings: [],
    flows: months.flatMap((month) => [
      { month, fundType: 'employeePension', inflow: '38000000.00', outflow: '40000000.00' },
      { month, fundType: 'workInjury', inflow: '1500000.00', outflow: '1200000.00' },
    ]),
    ...overrides,
  } as ScenarioInput;
}

/** A plan that breaks no rule on {@link tinyScenario}: 5 banks × 20% of a tranche, twice. */
export function tinyPlan(): PlanInput {
  const banks = ['icbc', 'ccb', 'psbc', 'cib', 'citybank'];
  return {
    schemaVersion: 1,
    name: 'five-bank ladder',
    placements: [
      ...banks.map((bankId) => ({ month: '2026-01', product: 'timeDeposit', termMonths: 3, bankId, fundType: 'employeePension', amount: '30000000.00' })),
      ...banks.map((bankId) => ({ month: '2026-02', product: 'timeDeposit', termMonths: 12, bankId, fundType: 'employeePension', amount: '20000000.00' })),
    ],
  } as PlanInput;
}

export { BANK_IDS };
