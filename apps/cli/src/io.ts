import { readFileSync, writeFileSync } from 'node:fs';

/** What a command may touch: injected so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): string;
  /** The file's bytes, for input whose encoding is not known to be UTF-8 (GBK exports). */
  readBytes(path: string): Uint8Array;
  writeText(path: string, text: string): void;
  /** 'zh' (default) or 'en', from --lang or FUNDLADDER_LANG. */
  lang: 'zh' | 'en';
  /** True when stderr is a terminal (progress bars only then). */
  isTty: boolean;
}

export function nodeIo(lang: 'zh' | 'en'): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    readText: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    writeText: (p, t) => writeFileSync(p, t),
    lang,
    isTty: Boolean(process.stderr.isTTY),
  };
}

/** A command: parses its own arguments, returns the exit code. Never calls process.exit. */
export type Command = (args: string[], io: CliIo) => Promise<number> | number;

/** Exit codes: 0 ok, 1 the input or plan has problems (reported), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;
