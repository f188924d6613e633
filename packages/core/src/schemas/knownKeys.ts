import type { z } from 'zod';

/** The part of a zod v4 schema's public `_zod.def` that the walk below reads. */
interface Def {
  readonly type: string;
  readonly [field: string]: unknown;
}

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Wrappers that hold one inner schema: the keys are those of the inner one. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success']);

/** The schemas a value may meet at this point: wrappers peeled, unions and intersections opened. */
function peel(schema: unknown, depth = 0): unknown[] {
  if (depth > 32) return [];
  const def = defOf(schema);
  if (WRAPPERS.has(def.type)) return peel(def.innerType, depth + 1);
  if (def.type === 'pipe') {
    // A transform pipe parses with `in`; z.preprocess puts a transform first, the schema after it.
    return defOf(def.in).type === 'transform' ? peel(def.out, depth + 1) : peel(def.in, depth + 1);
  }
  if (def.type === 'lazy') return peel((def.getter as () => unknown)(), depth + 1);
  if (def.type === 'union') return (def.options as unknown[]).flatMap((o) => peel(o, depth + 1));
  if (def.type === 'intersection') return [...peel(def.left, depth + 1), ...peel(def.right, depth + 1)];
  return [schema];
}

/** The schemas one step down, at `key` of an object, an array element, a record's value or a tuple item. */
function childAt(schema: unknown, key: PropertyKey): unknown[] {
  const def = defOf(schema);
  if (def.type === 'object') {
    const child = (def.shape as Record<PropertyKey, unknown>)[key];
    return child ? [child] : [];
  }
  if (def.type === 'array' && typeof key === 'number') return [def.element];
  if (def.type === 'record') return [def.valueType];
  if (def.type === 'tuple' && typeof key === 'number') {
    const items = def.items as unknown[];
    return items[key] !== undefined ? [items[key]] : def.rest ? [def.rest] : [];
  }
  return [];
}

/** Whether an object schema's literal fields (a discriminated union's tag) accept the input's values. */
function literalsMatch(objectSchema: unknown, input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const shape = defOf(objectSchema).shape as Record<string, unknown>;
  return Object.entries(shape).every(([key, field]) => {
    const def = defOf(field);
    return def.type !== 'literal' || (def.values as unknown[]).includes((input as Record<string, unknown>)[key]);
  });
}

/**
 * The keys a schema knows for the object at `path`: the object's own, or, where a union offers several
 * objects, those of the branches whose tag (literal fields) the input matches (all branches if none
 * does). Reads the zod v4 definition (`schema._zod.def`, zod's documented surface for library authors),
 * so that an unknown-key issue can say which keys were meant.
 *
 * @param schema - the schema the whole input was parsed with
 * @param path - the path from the root (`['policy']` for a key inside `policy`)
 * @param input - the object that held the unknown key, when known (for unions)
 * @returns the known keys in the schema's order, or undefined when the path leads to no object
 * @example knownKeysAt(scenarioSchema, ['policy', 'reserve'], { rule: 'fixedAmount', amout: '1' }) //=> ['rule', 'amount']
 * @see https://zod.dev/library-authors (the `_zod.def` of v4 schemas)
 */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[], input?: unknown): string[] | undefined {
  let here: unknown[] = peel(schema);
  for (const key of path) here = here.flatMap((s) => childAt(s, key)).flatMap((s) => peel(s));
  const objects = here.filter((s) => defOf(s).type === 'object');
  if (objects.length === 0) return undefined;
  const matching = objects.length > 1 && input !== undefined ? objects.filter((o) => literalsMatch(o, input)) : [];
  const chosen = matching.length ? matching : objects;
  return [...new Set(chosen.flatMap((o) => Object.keys(defOf(o).shape as Record<string, unknown>)))];
}
