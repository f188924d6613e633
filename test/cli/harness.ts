import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from '../../apps/cli/src/io';
import { COMMANDS } from '../../apps/cli/src/main';

/** Runs a CLI command in-process with captured output (no subprocess, so tests stay fast). */
export async function runCli(argv: string[], lang: 'zh' | 'en' = 'en'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`),
    readText: (p) => readFileSync(resolve(ROOT, p), 'utf8'),
    readBytes: (p) => readFileSync(resolve(ROOT, p)),
    writeText: () => undefined,
    lang,
    isTty: false,
  };
  const [name, ...rest] = argv;
  const code = await COMMANDS[name!]!.run(rest, io);
  return { code, out, err };
}

export const ROOT = resolve(import.meta.dirname, '../..');
