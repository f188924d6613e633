import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type CliIo, EXIT_OK, EXIT_USAGE } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
const COMMON = { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } } as const;

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
  const count = parsed.positionals.length;
  const wantsHelp = (parsed.values as { help?: boolean }).help === true;
  if (wantsHelp || count < positionals.min || count > positionals.max) {
    io.out(io.lang === 'en' ? help.en : `${help.zh}\n\n${help.en}`);
    return { ok: false, code: wantsHelp ? EXIT_OK : EXIT_USAGE };
  }
  return { ok: true, values: parsed.values, positionals: parsed.positionals };
}

/**
 * A flag's positive whole number, the fallback when the flag is absent, or undefined when it is not one.
 * @example positiveInt('24', 12) //=> 24
 * @example positiveInt(undefined, 12) //=> 12
 * @example positiveInt('0', 12) //=> undefined
 */
export function positiveInt(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}
