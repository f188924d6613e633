// Property (docs/conventions.md §2, errors as data): random mutations of the sample scenario and plan are fed to validation and the
// ledger; nothing throws, and every answer is either accepted or a list of structured issues.
// FL_PROPERTY_RUNS cases: 1,000 in `npm test`, 10,000 in `npm run test:long`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type DomainIssue, evaluatePlan, validateScenario } from '@fundladder/core';
import { ROOT } from '../cli/harness';

const RUNS = Number(process.env.FL_PROPERTY_RUNS ?? 1000);
const scenarioJson = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8'));
const planJson = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/plan.json'), 'utf8'));
const baseline = validateScenario(scenarioJson);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in a JSON tree (capped, so huge arrays do not dominate). */
function paths(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.slice(0, 6).forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

const junk = fc.constantFrom<Json>(null, true, 0, -1, 1.35, 1e308, -0.01, '', 'x', '-5.00', '1e5', '1,000.00', '2025-13', '2025-02-30', '0.0135', '12345678901234567890.123', 'ghost', [], {}, [1, 2], { a: 1 });
const mutation = fc.record({ target: fc.constantFrom('scenario', 'plan'), pick: fc.nat(), op: fc.constantFrom('replace', 'delete', 'duplicate', 'empty'), value: junk });

function mutate(root: Json, m: { pick: number; op: string; value: Json }): Json {
  const copy = structuredClone(root);
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[m.pick % all.length]!;
  let parent: Json = copy;
  for (const k of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[k]!;
  const key = path.at(-1)!;
  const container = parent as Record<string | number, Json> & Json[];
  if (m.op === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
  } else if (m.op === 'duplicate' && Array.isArray(container)) container.push(structuredClone(container[key as number]!));
  else if (m.op === 'empty') container[key] = Array.isArray(container[key]) ? [] : '';
  else container[key] = m.value;
  return copy;
}

function wellFormed(issues: readonly DomainIssue[]): boolean {
  return issues.length > 0 && issues.every((i) => Array.isArray(i.path) && typeof i.rule === 'string' && i.rule.length > 0 && typeof i.message === 'string');
}

describe('mutations of the sample never crash validation or the ledger (property)', () => {
  it('the unmutated sample is valid', () => {
    expect(baseline.ok).toBe(true);
  });
  it(`${RUNS} random mutations: each accepted or answered with structured issues`, () => {
    if (!baseline.ok) throw new Error('sample invalid');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        let s: Json = scenarioJson;
        let p: Json = planJson;
        for (const m of ms) {
          if (m.target === 'scenario') s = mutate(s, m);
          else p = mutate(p, m);
        }
        const scenario = s === scenarioJson ? baseline : validateScenario(s);
        if (!scenario.ok) return wellFormed(scenario.issues);
        const ev = evaluatePlan(scenario.value, p);
        if (!ev.ok) return wellFormed(ev.issues);
        return ev.value.report.months.length === scenario.value.horizonMonths && ev.value.report.issues.every((i) => typeof i.rule === 'string');
      }),
      { numRuns: RUNS },
    );
  });
});
