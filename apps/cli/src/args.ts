import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { DomainIssue, Result } from '@fundladder/core';
import { type CliIo, EXIT_OK, EXIT_USAGE } from './io';
import { printIssue } from './format';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
const COMMON = { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' }, verbose: { type: 'boolean' } } as const;

/**
 * Parses a command's arguments the same way for every command: unknown flags are a usage error, `--help` prints the
 * help (Chinese then English, or English alone with --lang en), and a wrong number of positionals prints the help
 * with exit code 2.
 * @returns the parsed values, or the exit code to return
 */
export function parseCommandArgs<O extends Options>(
  io: CliIo,
  command: string,
  args: string[],
  options: O,
  help: { zh: string; en: string },
  positionals: { min: number; max: number },
): { ok: true; values: ReturnType<typeof parseArgs<{ options: O & typeof COMMON; allowPositionals: true; strict: true }>>['values']; positionals: string[] } | { ok: false; code: number } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...options, ...COMMON } as O & typeof COMMON, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`fundladder ${command}: ${(e as Error).message}`);
    return { ok: false, code: EXIT_USAGE };
  }
  // --verbose after the command too (main reads it anywhere; this covers a command run in-process).
  if ((parsed.values as { verbose?: boolean }).verbose === true) io.verbose = true;
  const count = parsed.positionals.length;
  const wantsHelp = (parsed.values as { help?: boolean }).help === true;
  if (wantsHelp || count < positionals.min || count > positionals.max) {
    io.out(io.lang === 'en' ? help.en : `${help.zh}\n\n${help.en}`);
    return { ok: false, code: wantsHelp ? EXIT_OK : EXIT_USAGE };
  }
  return { ok: true, values: parsed.values, positionals: parsed.positionals };
}

/** The bounds of a number flag: a whole number (`int`) or a plain decimal (`number`), between `min` and `max`. */
export interface NumberFlagSpec {
  readonly kind: 'int' | 'number';
  readonly min: number;
  readonly max: number;
  /** The bound itself is outside (a quantile lies strictly between 0 and 1). */
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
}

/**
 * Forecast paths to draw: at most 20,000 (each is a ledger run when checked; `--paths 1e9` ran out of memory after
 * 68 s). 0 = none.
 */
export const PATHS_FLAG: NumberFlagSpec = { kind: 'int', min: 0, max: 20_000 };

/** A confidence: a share of paths in [0, 1); 0 plans on the mean flows (policy.safety.confidence). */
export const CONFIDENCE_FLAG: NumberFlagSpec = { kind: 'number', min: 0, max: 1, maxExclusive: true };

/** Seeds: mulberry32 keeps 32 bits of the seed, so larger ones would repeat smaller ones. */
export const SEED_FLAG: NumberFlagSpec = { kind: 'int', min: 0, max: 4_294_967_295 };

const INT_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** `[0, 20000]`, `(0, 1)`: the allowed range in interval notation, the same in every language. */
function interval(spec: NumberFlagSpec): string {
  return `${spec.minExclusive ? '(' : '['}${spec.min}, ${spec.max}${spec.maxExclusive ? ')' : ']'}`;
}

function rangeWords(spec: NumberFlagSpec): string {
  const n = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 20 });
  const what = spec.kind === 'int' ? 'a whole number' : 'a number';
  if (spec.minExclusive || spec.maxExclusive) return `${what} in ${interval(spec)}`;
  return `${what} from ${n(spec.min)} to ${n(spec.max)}`;
}

/**
 * Reads one number flag and checks it against its bounds. Only digits are read: an empty value, `1e9`, `0x10`,
 * `Infinity` or `12abc` are refused with the allowed range instead of becoming 0, 10⁹ or NaN.
 * @param flag - the flag's name without dashes, e.g. `paths`
 * @param text - the value as typed, undefined when the flag is absent
 * @returns the number, undefined when absent, or an issue naming the flag, the value and the range
 * @example numberFlag('paths', '500', { kind: 'int', min: 0, max: 20000 }) //=> { ok: true, value: 500 }
 * @example numberFlag('paths', '1e9', { kind: 'int', min: 0, max: 20000 }).ok //=> false ("--paths is a whole number from 0 to 20,000; received "1e9"")
 * @example numberFlag('paths', '', { kind: 'int', min: 0, max: 20000 }).ok //=> false (it used to become 0)
 */
export function numberFlag(flag: string, text: string | undefined, spec: NumberFlagSpec): Result<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const trimmed = text.trim();
  const value = Number(trimmed);
  const shaped = (spec.kind === 'int' ? INT_TEXT : NUMBER_TEXT).test(trimmed);
  const inside = shaped && (spec.minExclusive ? value > spec.min : value >= spec.min) && (spec.maxExclusive ? value < spec.max : value <= spec.max);
  if (inside) return { ok: true, value };
  const issue: DomainIssue = {
    code: 'invalid_flag',
    path: [`--${flag}`],
    rule: spec.kind === 'int' ? 'wholeNumberFlag' : 'numberFlag',
    message: `--${flag} is ${rangeWords(spec)}; received ${JSON.stringify(text)}`,
    received: JSON.stringify(text),
    limit: interval(spec),
  };
  return { ok: false, issues: [issue] };
}

/**
 * Reads several number flags at once ({@link numberFlag}) and collects every problem; an absent flag is undefined.
 * @example numberFlags({ paths: '10' }, { paths: PATHS_FLAG, seed: SEED_FLAG }) //=> { ok: true, value: { paths: 10, seed: undefined } }
 */
export function numberFlags<K extends string>(values: Partial<Record<NoInfer<K>, string | undefined>>, specs: Record<K, NumberFlagSpec>): Result<Record<K, number | undefined>> {
  const out = {} as Record<K, number | undefined>;
  const issues: DomainIssue[] = [];
  for (const flag of Object.keys(specs) as K[]) {
    const r = numberFlag(flag, values[flag], specs[flag]);
    if (r.ok) out[flag] = r.value;
    else issues.push(...r.issues);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: out };
}

/**
 * Prints problems with the flags, one line each with the flag, the value and what is allowed, and gives the
 * usage exit code (2).
 */
export function refuseFlags(io: CliIo, command: string, issues: readonly DomainIssue[]): number {
  for (const issue of issues) io.err(`fundladder ${command}: ${printIssue(issue, io)}`);
  return EXIT_USAGE;
}
