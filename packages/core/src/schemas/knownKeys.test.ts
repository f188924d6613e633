// Strict input: an unknown key anywhere in scenario or plan input is an error with its JSON path and the
// nearest known key ("`policy.reserv`: unknown key; did you mean `reserve`?").
import { describe, expect, it } from 'vitest';
import { knownKeysAt } from './knownKeys';
import { scenarioSchema } from './scenario';
import { planSchema } from './plan';
import { validateScenario } from './validateScenario';
import { resolvePlan } from './resolvePlan';
import { parseInput } from './zodIssues';
import { tinyPlan, tinyScenario } from '../testing/fixtures';

type Def = { type: string; [field: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Every object schema reachable from `schema`, with the path to it (`[]` for array elements). */
function objectsIn(schema: unknown, path: string, out: Array<{ path: string; def: Def }> = [], seen = new Set<unknown>()): Array<{ path: string; def: Def }> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  if (def.type === 'object') {
    out.push({ path, def });
    for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) objectsIn(child, `${path}.${key}`, out, seen);
  }
  for (const field of ['innerType', 'in', 'out', 'element', 'valueType']) if (def[field]) objectsIn(def[field], field === 'element' ? `${path}[]` : path, out, seen);
  if (def.type === 'union') for (const option of def.options as unknown[]) objectsIn(option, path, out, seen);
  return out;
}

describe('strict input: every object of scenario and plan files refuses unknown keys', () => {
  it.each([['scenario', scenarioSchema], ['plan', planSchema]] as const)('every object in the %s schema is strict', (_name, schema) => {
    const objects = objectsIn(schema, '');
    expect(objects.length).toBeGreaterThan(1);
    const loose = objects.filter((o) => defOf(o.def.catchall ?? { _zod: { def: { type: 'none' } } }).type !== 'never').map((o) => o.path || '(root)');
    expect(loose).toEqual([]);
  });

  it('a misspelt policy.reserve is an error naming the path and the key meant (it used to be dropped: the 2-month default applied)', () => {
    const json = { ...tinyScenario(), policy: { reserv: { rule: 'monthsOfPayouts', months: 6 } } };
    const r = validateScenario(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      { code: 'unknown_key', path: ['policy', 'reserv'], rule: 'knownKeys', message: '`policy.reserv`: unknown key; did you mean `reserve`?', received: 'reserv', suggestion: 'reserve' },
    ]);
  });

  it('finds unknown keys deep in arrays and in a tagged union, each with its own suggestion', () => {
    const json = JSON.parse(JSON.stringify(tinyScenario()));
    json.banks[0].quotes[1].anualRate = json.banks[0].quotes[1].annualRate;
    json.policy = { reserve: { rule: 'fixedAmount', amount: '100.00', amout: '1.00' }, caps: { trancheshare: '0.25' } };
    const r = validateScenario(json);
    expect(r.ok ? [] : r.issues.map((i) => [i.path.join('.'), i.suggestion])).toEqual([
      ['banks.0.quotes.1.anualRate', 'annualRate'],
      ['policy.reserve.amout', 'amount'],
      ['policy.caps.trancheshare', 'trancheShare'],
    ]);
  });

  it('lists the known keys as the limit when no key is close', () => {
    const r = validateScenario({ ...tinyScenario(), policy: { comment: 'bureau note' } });
    expect(r.ok ? [] : r.issues).toEqual([
      expect.objectContaining({ path: ['policy', 'comment'], message: '`policy.comment`: unknown key; no known key is close', limit: expect.stringContaining('reserve | caps | minBanks') }),
    ]);
  });

  it('refuses an unknown key in a plan placement', () => {
    const plan = JSON.parse(JSON.stringify(tinyPlan()));
    plan.placements[0].ammount = plan.placements[0].amount;
    const r = resolvePlan(plan, scenarioSchema.parse(tinyScenario()));
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual(['`placements[0].ammount`: unknown key; did you mean `amount`?']);
  });

  it('parseInput never throws and keeps the value when the input is clean', () => {
    expect(parseInput(planSchema, tinyPlan()).ok).toBe(true);
    expect(parseInput(planSchema, null).ok).toBe(false);
  });
});

describe('knownKeysAt', () => {
  it('walks objects, arrays and defaults to the object at a path', () => {
    expect(knownKeysAt(scenarioSchema, ['policy', 'caps'])).toEqual(['trancheShare', 'bankLocalDepositShare', 'fundTimeDepositShare']);
    expect(knownKeysAt(scenarioSchema, ['banks', 3, 'conventions'])).toEqual(['dayBasis', 'rateChangeMethod']);
  });
  it('in a tagged union takes the branch the input’s tag names, or every branch when the tag matches none', () => {
    expect(knownKeysAt(scenarioSchema, ['policy', 'reserve'], { rule: 'fixedAmount' })).toEqual(['rule', 'amount']);
    expect(knownKeysAt(scenarioSchema, ['policy', 'reserve'], { rule: 'monthsOfPayouts' })).toEqual(['rule', 'months']);
    expect(knownKeysAt(scenarioSchema, ['policy', 'reserve'], { rule: 'other' })).toEqual(['rule', 'months', 'amount']);
  });
  it('answers undefined where the path leads to no object', () => {
    expect(knownKeysAt(scenarioSchema, ['name'])).toBeUndefined();
    expect(knownKeysAt(scenarioSchema, ['nosuch', 'deeper'])).toBeUndefined();
  });
});
