// The optimize request the Overview's button sends (docs/api.md §2: scenarios by reference to a stored version; the
// options are the application layer's, packages/app/src/jobs/optimize.ts `optimizeRequest`). A pure function of the
// form's text, tested beside it; the API checks the request again and answers 422 with issues if it breaks a rule.

/** The options form as typed: text, so that an empty field means "the default". */
export interface OptimizeForm {
  paths: string;
  planningPaths: string;
  seed: string;
}

/** The form as it opens: 500 check paths and seed 7; planning paths left to the application layer's default. */
export const DEFAULT_OPTIMIZE_FORM: OptimizeForm = { paths: '500', planningPaths: '', seed: '7' };

export interface OptimizeRequestBody {
  kind: 'optimize';
  scenario: { scenarioVersion: string };
  options: { paths?: number; planningPaths?: number; seed?: number };
}

/** The bounds the application layer puts on the options. */
const BOUNDS = { paths: 20_000, planningPaths: 20_000, seed: 4_294_967_295 } as const;

/**
 * The request body for an optimize of a scenario version, or the names of the fields that are not whole numbers in
 * their bounds. Empty fields are left out (the application layer's defaults apply).
 * @example optimizeRequest('12', { paths: '200', planningPaths: '300', seed: '7' })
 * //=> { ok: true, body: { kind: 'optimize', scenario: { scenarioVersion: '12' }, options: { paths: 200, planningPaths: 300, seed: 7 } } }
 */
export function optimizeRequest(versionId: string, form: OptimizeForm): { ok: true; body: OptimizeRequestBody } | { ok: false; fields: (keyof OptimizeForm)[] } {
  const options: OptimizeRequestBody['options'] = {};
  const bad: (keyof OptimizeForm)[] = [];
  for (const key of ['paths', 'planningPaths', 'seed'] as const) {
    const text = form[key].trim();
    if (text === '') continue;
    const n = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n > BOUNDS[key]) bad.push(key);
    else options[key] = n;
  }
  if (bad.length) return { ok: false, fields: bad };
  return { ok: true, body: { kind: 'optimize', scenario: { scenarioVersion: versionId }, options } };
}
