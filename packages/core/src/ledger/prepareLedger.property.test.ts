// Property (docs/ledger.md "One plan on many paths"): the prepared ledger is the ledger. On random flow paths — the scenario's flows
// perturbed, some payouts large enough to overdraw, some rows zero, inflows and payouts on their own days or
// not — prepareLedger(scenario, placements).run(flows) returns exactly runLedger({ scenario, placements, flows }):
// every month, total, issue and finding, in the same order, every Decimal the same value (compared through
// toWire, which also reads each posting's formula). Seeded; FL_PROPERTY_RUNS paths on tinyScenario (1,000 in
// `npm test`, 10,000 in `npm run test:long`); a tenth of that on the 36-month sample, where one case runs the
// full ledger (~50 ms) and compares two 250 kB reports; a quarter of it for random plans, each prepared anew.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../money/decimal';
import { mulberry32 } from '../random/mulberry32';
import { type Scenario, type MonthlyFlow, scenarioSchema } from '../schemas/scenario';
import { resolvePlan } from '../schemas/resolvePlan';
import type { ResolvedPlacement } from '../rules/types';
import { toWire } from '../evaluatePlan';
import { BANK_IDS, tinyPlan, tinyScenario } from '../testing/fixtures';
import { runLedger } from './runLedger';
import { type PreparedLedger, prepareLedger } from './prepareLedger';

const RUNS = Number(process.env.FL_PROPERTY_RUNS ?? 1000);
const SAMPLE_RUNS = Math.max(20, Math.ceil(RUNS / 10));
const PLAN_RUNS = Math.max(50, Math.ceil(RUNS / 4));
const SEED = 20261126;

const sampleJson = JSON.parse(readFileSync(new URL('../../../../examples/county-fund/scenario.json', import.meta.url), 'utf8'));
const samplePlanJson = JSON.parse(readFileSync(new URL('../../../../examples/county-fund/plan.json', import.meta.url), 'utf8'));
// tinyScenario with an existing deposit, a bond paying coupons inside the horizon, and a 支出户 beside the pension's 财政专户.
const tinyJson = tinyScenario({
  holdings: [
    { id: 'old-td', fundType: 'employeePension', product: 'timeDeposit', bankId: 'psbc', principal: '20000000.00', annualRate: '0.0135', startDate: '2025-03-15', termMonths: 12 },
    { id: 'old-bond', fundType: 'workInjury', product: 'govBond', principal: '3000000.00', annualRate: '0.0185', startDate: '2024-08-10', termMonths: 120, couponFrequency: 2 },
  ],
  accounts: [
    ...(tinyScenario().accounts as object[]),
    { id: 'pension-exp', kind: 'expenditure', fundType: 'employeePension', bankId: 'ccb', openingBalance: '25000000.00', contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0035' }] },
  ],
} as never) as unknown as Record<string, unknown>;

type Timing = { inflowDay?: number; outflowDay?: number };
const withTiming = (json: Record<string, unknown>, timing: Timing): Scenario => {
  const base = (json.timing ?? { flowDay: 1, placementDay: 1 }) as Record<string, unknown>;
  return scenarioSchema.parse({ ...json, timing: { ...base, ...timing } });
};

/** One prepared ledger per (scenario, timing, plan): preparing once for many paths is what is under test. */
const cache = new Map<string, { scenario: Scenario; placements: readonly ResolvedPlacement[]; prepared: PreparedLedger }>();
function preparedFor(name: 'sample' | 'tiny', timing: Timing, plan: 'plan' | 'none'): { scenario: Scenario; placements: readonly ResolvedPlacement[]; prepared: PreparedLedger } {
  const key = `${name}/${timing.inflowDay ?? '-'}/${timing.outflowDay ?? '-'}/${plan}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const scenario = withTiming(name === 'sample' ? sampleJson : tinyJson, timing);
  const resolved = resolvePlan(plan === 'none' ? { schemaVersion: 1, name: 'none', placements: [] } : name === 'sample' ? samplePlanJson : tinyPlan(), scenario);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues.slice(0, 2)));
  const entry = { scenario, placements: resolved.value.placements, prepared: prepareLedger(scenario, resolved.value.placements) };
  cache.set(key, entry);
  return entry;
}

/** How a flow path departs from the scenario's flows. */
const perturbation = fc.record({
  seed: fc.integer(),
  /** Relative noise on every inflow and payout. */
  spread: fc.constantFrom(0, 0.02, 0.3, 1),
  /** Rows whose payout (or inflow) is multiplied: large payouts overdraw a settlement account. */
  shocks: fc.array(fc.record({ row: fc.nat(), times: fc.constantFrom(2, 5, 20, 100), side: fc.constantFrom('inflow' as const, 'outflow' as const) }), { maxLength: 4 }),
  /** Rows with no money in or out (no posting that day). */
  zeros: fc.array(fc.nat(), { maxLength: 3 }),
});
// Inflows and payouts on timing.flowDay (unset), before the demand settlement, on the credit day (the 21st), after it.
const days = fc.option(fc.constantFrom(5, 21, 28), { nil: undefined });
const timingArb = fc.record({ inflowDay: days, outflowDay: days }).map((t): Timing => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)));
// The sample prepares slowly (~100 ms): four timings.
const sampleTimingArb = fc.constantFrom<Timing>({}, { inflowDay: 21, outflowDay: 5 }, { inflowDay: 28, outflowDay: 21 }, { outflowDay: 21 });

function perturb(flows: readonly MonthlyFlow[], p: typeof perturbation extends fc.Arbitrary<infer T> ? T : never): MonthlyFlow[] {
  const rng = mulberry32(p.seed);
  const noisy = (amount: Decimal) => amount.times(new Decimal((1 + (2 * rng() - 1) * p.spread).toFixed(6))).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).abs();
  const out = flows.map((f) => ({ ...f, inflow: noisy(f.inflow), outflow: noisy(f.outflow) }));
  for (const s of p.shocks) {
    const row = out[s.row % out.length]!;
    out[s.row % out.length] = { ...row, [s.side]: row[s.side].times(s.times) };
  }
  for (const z of p.zeros) out[z % out.length] = { ...out[z % out.length]!, inflow: new Decimal(0), outflow: new Decimal(0) };
  return out;
}

const wire = (value: unknown) => JSON.stringify(toWire(value));

/** Whether a run found a settlement account overdrawn (so the property covers such paths). */
const overdraws = (report: ReturnType<typeof runLedger>) => report.ok && report.value.issues.some((i) => i.rule === 'cashNotNegative');

function expectSame(scenario: Scenario, placements: readonly ResolvedPlacement[], prepared: PreparedLedger, flows: readonly MonthlyFlow[]): ReturnType<typeof runLedger> {
  const report = prepared.run(flows);
  const expected = wire(runLedger({ scenario, placements, flows }));
  const actual = wire(report);
  // Strings first (fast); on a difference, objects, so the failure shows where.
  if (actual !== expected) expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
  return report;
}

describe('prepareLedger ≡ runLedger (property)', () => {
  it(`${RUNS} random flow paths on tinyScenario, with tinyPlan and with nothing placed: the same report`, () => {
    let overdrawn = 0;
    fc.assert(
      fc.property(timingArb, fc.constantFrom('plan' as const, 'none' as const), perturbation, (timing, plan, p) => {
        const { scenario, placements, prepared } = preparedFor('tiny', timing, plan);
        expect(prepared.mode).toBe('prepared');
        if (overdraws(expectSame(scenario, placements, prepared, perturb(scenario.flows, p)))) overdrawn++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Overdrawn paths must occur, or the property tests less than it says.
    expect(overdrawn).toBeGreaterThan(RUNS / 20);
  }, 600_000);

  it(`${SAMPLE_RUNS} random flow paths on the sample (36 months, 8 fund types), with its plan and with nothing placed: the same report`, () => {
    let overdrawn = 0;
    fc.assert(
      fc.property(sampleTimingArb, fc.constantFrom('plan' as const, 'none' as const), perturbation, (timing, plan, p) => {
        const { scenario, placements, prepared } = preparedFor('sample', timing, plan);
        if (overdraws(expectSame(scenario, placements, prepared, perturb(scenario.flows, p)))) overdrawn++;
      }),
      { numRuns: SAMPLE_RUNS, seed: SEED },
    );
    expect(overdrawn).toBeGreaterThan(SAMPLE_RUNS / 20);
  }, 600_000);

  // Random plans exercise what the two fixed plans do not: bonds with coupons, call and agreed deposits, large
  // CDs, placements breaking rules, and placements without a fund type (run through runLedger itself).
  const placement = fc.record({
    month: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'),
    product: fc.constantFrom('timeDeposit', 'largeCd', 'callDeposit7d', 'agreedDeposit', 'govBond'),
    termMonths: fc.constantFrom(3, 6, 12, 24, 36),
    bankId: fc.constantFrom(...BANK_IDS),
    fundType: fc.option(fc.constantFrom('employeePension', 'workInjury'), { nil: undefined, freq: 10 }),
    fen: fc.bigInt({ min: 1n, max: 30_000_000_000n }),
    annualRate: fc.option(fc.integer({ min: 0, max: 300 }).map((bp) => (bp / 10_000).toFixed(4)), { nil: undefined }),
  });
  it(`${PLAN_RUNS} random plans on tinyScenario, each on two random flow paths from one preparation: the same report`, () => {
    fc.assert(
      fc.property(timingArb, fc.array(placement, { maxLength: 20 }), perturbation, perturbation, (timing, raw, p1, p2) => {
        const scenario = withTiming(tinyJson, timing);
        const placements = raw.map(({ fen, fundType, annualRate, ...p }) => ({
          ...p,
          amount: (Number(fen) / 100).toFixed(2),
          ...(fundType ? { fundType } : {}),
          ...(annualRate ? { annualRate } : p.product === 'govBond' || p.product === 'agreedDeposit' || p.product === 'callDeposit7d' ? { annualRate: '0.015' } : {}),
        }));
        const resolved = resolvePlan({ schemaVersion: 1, name: 'random', placements }, scenario);
        if (!resolved.ok) return;
        const prepared = prepareLedger(scenario, resolved.value.placements);
        expect(prepared.mode).toBe(resolved.value.placements.every((p) => p.fundType) ? 'prepared' : 'fullRun');
        for (const p of [p1, p2]) expectSame(scenario, resolved.value.placements, prepared, perturb(scenario.flows, p));
      }),
      { numRuns: PLAN_RUNS, seed: SEED },
    );
  }, 600_000);
});
