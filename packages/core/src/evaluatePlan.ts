import type { Decimal } from './money/decimal';
import type { Result } from './issues';
import type { MonthlyFlow, Scenario } from './schemas/scenario';
import type { Plan } from './schemas/plan';
import { resolvePlan } from './schemas/resolvePlan';
import type { ResolvedPlacement } from './rules/types';
import type { LedgerOptions } from './ledger/runLedger';
import { prepareLedger } from './ledger/prepareLedger';
import type { LedgerReport } from './ledger/types';
import { type LedgerKpis, ledgerKpis } from './kpi/ledgerKpis';

/** A plan priced and checked by the ledger, with its KPIs. */
export interface Evaluation {
  readonly plan: Plan;
  readonly placements: readonly ResolvedPlacement[];
  readonly report: LedgerReport;
  readonly kpis: LedgerKpis;
}

/**
 * Resolves a plan against a validated scenario, runs the ledger on a flow path (default: the
 * scenario's own `flows`) and computes the KPIs. Never throws on bad input.
 */
export function evaluatePlan(scenario: Scenario, planJson: unknown, flows: readonly MonthlyFlow[] = scenario.flows, options: LedgerOptions = {}): Result<Evaluation> {
  const resolved = resolvePlan(planJson, scenario);
  if (!resolved.ok) return { ok: false, issues: resolved.issues.map((i) => ({ ...i, path: ['plan', ...i.path] })) };
  // The prepared ledger, run once: the same report as runLedger (prepareLedger.property.test.ts), and the code a
  // stress test runs on every path, so a sweep point's pricing and its check share one compiled ledger instead of
  // V8 optimizing (and, as plans change, re-optimizing) both (docs/sweep.md §6).
  const ledger = prepareLedger(scenario, resolved.value.placements, options).run(flows);
  if (!ledger.ok) return ledger;
  return { ok: true, value: { plan: resolved.value.plan, placements: resolved.value.placements, report: ledger.value, kpis: ledgerKpis(ledger.value, scenario, resolved.value.placements) } };
}

type Jsonable = string | number | boolean | null | Jsonable[] | { [k: string]: Jsonable };

/**
 * Converts a value with Decimals and Maps into JSON-ready data: Decimals become decimal strings
 * (money to the fen where `places` says so), Maps become objects.
 */
export function toWire(value: unknown): Jsonable {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && value !== null && 'toFixed' in value && 'plus' in value) return (value as Decimal).toString();
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toWire(v)]));
  // An object that says how it is written (a posting whose formula is written when read: interest/lazyFormula.ts).
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') return toWire((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toWire(v)]));
  return value as Jsonable;
}
