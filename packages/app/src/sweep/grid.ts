import { type DomainIssue, type Result, Decimal } from '@fundladder/core';

/** One varied parameter and the values it takes, in order (decimal text, as typed or as the range produced it). */
export interface VarySpec {
  readonly name: string;
  readonly values: readonly string[];
}

/** One point of a sweep's grid: its place in the grid's order and the value of each varied parameter. */
export interface GridPoint {
  readonly index: number;
  readonly values: Readonly<Record<string, string>>;
}

/** The most values one `--vary` may produce, and the most points a grid may hold. */
export const MAX_VALUES_PER_PARAMETER = 1_000;
export const MAX_GRID_POINTS = 10_000;
/** A sweep varies one or two parameters: a line or a grid (more dimensions cannot be read as a frontier). */
export const MAX_VARIED_PARAMETERS = 2;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function varyIssue(text: string, message: string, received = text): DomainIssue {
  return { code: 'invalid_flag', path: ['--vary'], rule: 'varySyntax', message: `--vary ${text}: ${message}`, received };
}

/**
 * Reads one `--vary` value: `NAME=FROM..TO` (step 1), `NAME=FROM..TO:STEP`, or `NAME=V1,V2,…`. Ranges are counted in
 * exact decimals (0.1 + 0.05 is 0.15, never 0.15000000000000002) and include TO when a step lands on it; a value keeps
 * the decimals of the step or bound that has most (`0.1..0.4:0.05` → 0.10, 0.15, …, 0.40), so that every value of one
 * parameter prints alike.
 *
 * @param text - the flag's value as typed
 * @returns the parameter's name and its values, or an issue naming `--vary`, the rule and the text received
 * @example parseVary('reserveMonths=1..6') //=> { ok: true, value: { name: 'reserveMonths', values: ['1','2','3','4','5','6'] } }
 * @example parseVary('caps.fundShare=0.1..0.4:0.05').value.values //=> ['0.10','0.15','0.20','0.25','0.30','0.35','0.40']
 * @example parseVary('maxTermMonths=12,36,60').value.values //=> ['12','36','60']
 * @example parseVary('reserveMonths=6..1').ok //=> false (a range runs upwards)
 */
export function parseVary(text: string): Result<VarySpec> {
  const eq = text.indexOf('=');
  if (eq < 0) return { ok: false, issues: [varyIssue(text, 'expected NAME=FROM..TO[:STEP] or NAME=V1,V2,… (e.g. reserveMonths=1..6)')] };
  const name = text.slice(0, eq).trim();
  const spec = text.slice(eq + 1).trim();
  if (!name) return { ok: false, issues: [varyIssue(text, 'the parameter name before "=" is missing')] };
  if (!spec) return { ok: false, issues: [varyIssue(text, 'no values after "="')] };
  if (spec.includes('..')) {
    const [rangePart, stepText, extra] = spec.split(':');
    const ends = rangePart!.split('..');
    if (extra !== undefined || ends.length !== 2) return { ok: false, issues: [varyIssue(text, 'a range is FROM..TO or FROM..TO:STEP (e.g. 0.1..0.4:0.05)')] };
    const [fromText, toText] = ends as [string, string];
    for (const [what, t] of [['FROM', fromText], ['TO', toText], ['STEP', stepText]] as const) {
      if (t !== undefined && !NUMBER.test(t.trim())) return { ok: false, issues: [varyIssue(text, `${what} "${t}" is not a plain decimal number`, t)] };
    }
    const from = new Decimal(fromText.trim());
    const to = new Decimal(toText.trim());
    const step = new Decimal(stepText?.trim() ?? '1');
    if (step.lte(0)) return { ok: false, issues: [varyIssue(text, 'the step is above 0', stepText ?? '')] };
    if (to.lt(from)) return { ok: false, issues: [varyIssue(text, `a range runs upwards: ${toText} is below ${fromText}`)] };
    const count = to.minus(from).div(step).floor().toNumber() + 1;
    if (count > MAX_VALUES_PER_PARAMETER) return { ok: false, issues: [{ ...varyIssue(text, `${count} values; at most ${MAX_VALUES_PER_PARAMETER} per parameter`), rule: 'varyTooManyValues', limit: String(MAX_VALUES_PER_PARAMETER) }] };
    const places = Math.max(from.decimalPlaces(), step.decimalPlaces(), to.decimalPlaces());
    const values = Array.from({ length: count }, (_, k) => from.plus(step.times(k)).toFixed(places));
    return { ok: true, value: { name, values } };
  }
  const values = spec.split(',').map((v) => v.trim());
  const bad = values.find((v) => !NUMBER.test(v));
  if (bad !== undefined) return { ok: false, issues: [varyIssue(text, `"${bad}" is not a plain decimal number`, bad)] };
  if (values.length > MAX_VALUES_PER_PARAMETER) return { ok: false, issues: [{ ...varyIssue(text, `${values.length} values; at most ${MAX_VALUES_PER_PARAMETER} per parameter`), rule: 'varyTooManyValues', limit: String(MAX_VALUES_PER_PARAMETER) }] };
  const seen = new Set<string>();
  for (const v of values) {
    const canonical = new Decimal(v).toString();
    if (seen.has(canonical)) return { ok: false, issues: [{ ...varyIssue(text, `the value ${v} is listed twice`, v), rule: 'varyDistinctValues' }] };
    seen.add(canonical);
  }
  return { ok: true, value: { name, values } };
}

/**
 * Every combination of the varied parameters' values, the first parameter outermost (row-major): point `index` is
 * `values[0][⌊index / n₁⌋]`, `values[1][index mod n₁]`. One or two parameters; a parameter named twice, none, three
 * or more, or a grid over {@link MAX_GRID_POINTS} points is refused.
 *
 * @example expandGrid([{ name: 'a', values: ['1', '2'] }, { name: 'b', values: ['x', 'y'] }]).value.map((p) => p.values)
 * //=> [{a:'1',b:'x'}, {a:'1',b:'y'}, {a:'2',b:'x'}, {a:'2',b:'y'}]
 */
export function expandGrid(varies: readonly VarySpec[]): Result<GridPoint[]> {
  if (varies.length === 0) return { ok: false, issues: [{ code: 'missing', path: ['--vary'], rule: 'varyCount', message: 'a sweep varies at least one parameter (--vary NAME=FROM..TO)', received: '0', limit: String(MAX_VARIED_PARAMETERS) }] };
  if (varies.length > MAX_VARIED_PARAMETERS) return { ok: false, issues: [{ code: 'too_big', path: ['--vary'], rule: 'varyCount', message: `a sweep varies one or two parameters (a line or a grid); ${varies.length} given`, received: String(varies.length), limit: String(MAX_VARIED_PARAMETERS) }] };
  const names = varies.map((v) => v.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return { ok: false, issues: [{ code: 'invalid_flag', path: ['--vary'], rule: 'varyDistinctParameters', message: `${twice} is varied twice: give all its values in one --vary`, received: twice }] };
  const total = varies.reduce((n, v) => n * v.values.length, 1);
  if (total > MAX_GRID_POINTS) return { ok: false, issues: [{ code: 'too_big', path: ['--vary'], rule: 'gridTooLarge', message: `the grid has ${total} points; at most ${MAX_GRID_POINTS}`, received: String(total), limit: String(MAX_GRID_POINTS) }] };
  const points: GridPoint[] = [];
  for (let index = 0; index < total; index++) {
    const values: Record<string, string> = {};
    let rest = index;
    for (let d = varies.length - 1; d >= 0; d--) {
      const axis = varies[d]!;
      values[axis.name] = axis.values[rest % axis.values.length]!;
      rest = Math.floor(rest / axis.values.length);
    }
    // Keys in the order the parameters were given.
    points.push({ index, values: Object.fromEntries(names.map((n) => [n, values[n]!])) });
  }
  return { ok: true, value: points };
}
