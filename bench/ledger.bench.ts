import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ScenarioInput, addMonthsToKey, evaluatePlan, monthKey, monthKeyRange, prepareLedger, resolvePlan, runLedger, scenarioSchema } from '@fundladder/core';
import { type BenchRow, measure } from './measure';

const ROOT = join(import.meta.dirname, '..');

/**
 * The sample county fund stretched to 60 months with 500 holdings: 300 existing deposits spread over
 * the eligible banks and 200 plan placements. Flows after month 36 repeat the sample's last year.
 */
export function sixtyMonthSample(): { scenario: ReturnType<typeof scenarioSchema.parse>; plan: { schemaVersion: 1; name: string; placements: unknown[] } } {
  const input = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as ScenarioInput & { flows: Array<{ month: string; fundType: string; inflow: string; outflow: string }> };
  const start = monthKey(input.startMonth as string);
  const months = monthKeyRange(start, addMonthsToKey(start, 59));
  const byKey = new Map(input.flows.map((f) => [`${f.month}/${f.fundType}`, f]));
  const flows = months.flatMap((m, k) => (input.fundTypes as string[]).map((ft) => {
    const src = byKey.get(`${k < 36 ? m : addMonthsToKey(m, -12 * Math.ceil((k - 35) / 12))}/${ft}`)!;
    return { ...src, month: m };
  }));
  const banks = (input.banks as Array<{ id: string; status: string }>).filter((b) => b.status === 'eligible').map((b) => b.id);
  const fundTypes = input.fundTypes as string[];
  const holdings = Array.from({ length: 300 }, (_, i) => ({
    id: `bench-h${i}`,
    fundType: fundTypes[i % fundTypes.length],
    product: 'timeDeposit',
    bankId: banks[i % banks.length],
    principal: `${1_000_000 + (i % 7) * 250_000}.00`,
    annualRate: '0.0125',
    startDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    termMonths: [12, 24, 36, 60][i % 4],
  }));
  const scenario = scenarioSchema.parse({ ...input, horizonMonths: 60, flows, holdings: [...((input.holdings as unknown[]) ?? []), ...holdings] });
  const plan = {
    schemaVersion: 1 as const,
    name: 'bench plan',
    placements: Array.from({ length: 200 }, (_, i) => ({
      month: months[(i * 3) % 60],
      product: 'timeDeposit',
      termMonths: [3, 6, 12][i % 3],
      bankId: banks[i % banks.length],
      fundType: 'employeePension',
      amount: '100000.00',
      annualRate: '0.0095',
    })),
  };
  return { scenario, plan };
}

/**
 * A fixed pure-CPU loop: this machine's speed drifts by about 1.5× from minute to minute (shared
 * cores), so the table shows it beside the ledger rows to tell a slow machine from a slow ledger.
 */
export function calibration(): BenchRow {
  return measure('calibration: fixed integer loop (machine speed)', 30, 5, () => {
    let x = 0;
    for (let i = 0; i < 20_000_000; i++) x += i % 7;
    return x;
  });
}

export async function benchLedger(): Promise<BenchRow[]> {
  const { scenario, plan } = sixtyMonthSample();
  const positions = scenario.holdings.length + plan.placements.length;
  const resolved = resolvePlan(plan, scenario);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues.slice(0, 3)));
  const placements = resolved.value.placements;
  const cal = calibration();
  const ledger = measure(`ledger: runLedger, sample × 60 months, ${positions} holdings`, 60, 20, () => {
    const r = runLedger({ scenario, placements, flows: scenario.flows });
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    return r.value.totals.interestEarned;
  });
  // The stress test's way: prepare the plan once, then run the ledger per flow path (the same report).
  const preparation = measure('  prepareLedger, once per plan', 20, 5, () => prepareLedger(scenario, placements));
  const prepared = prepareLedger(scenario, placements);
  const perPath = measure('  prepared ledger, per path (prepared.run)', 60, 20, () => {
    const r = prepared.run(scenario.flows);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    return r.value.totals.interestEarned;
  });
  const whole = measure('  same + plan validation + KPIs (evaluatePlan)', 60, 20, () => {
    const r = evaluatePlan(scenario, plan);
    if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
    return r.value.report.totals.interestEarned;
  });
  return [{ ...cal, note: 'reference only' }, { ...ledger, target: '< 50 ms' }, preparation, { ...perPath, note: `${(ledger.medianMs / perPath.medianMs).toFixed(1)}× faster than runLedger` }, whole];
}
