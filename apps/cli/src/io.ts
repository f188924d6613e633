import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DomainIssue } from '@fundladder/core';

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
  /** Show each issue's rule and code ids and raw facts after its sentence (--verbose or FUNDLADDER_VERBOSE=1). */
  verbose?: boolean;
  /** True when stderr is a terminal (progress bars only then). */
  isTty: boolean;
}

const guarded = new WeakSet<NodeJS.WritableStream>();

/**
 * Ends the process quietly, exit code 0, when whoever reads `stream` has gone (\`fundladder forecast … | head -1\`):
 * the closed pipe (EPIPE) is not the command's failure, and Node would otherwise print it as an unhandled 'error'
 * event with a stack trace. Any other write error is thrown as before. Installed once per stream.
 * @param exit - how to end the process (a test passes a spy)
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}

export function nodeIo(lang: 'zh' | 'en', verbose = false): CliIo {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    readText: (p) => readFileSync(p, 'utf8'),
    readBytes: (p) => readFileSync(p),
    writeText: (p, t) => writeFileSync(p, t),
    lang,
    verbose,
    isTty: Boolean(process.stderr.isTTY),
  };
}

/** A command: parses its own arguments, returns the exit code. Never calls process.exit. */
export type Command = (args: string[], io: CliIo) => Promise<number> | number;

/** Exit codes: 0 ok, 1 the input or plan has problems (reported), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/**
 * Whether a file can be written at `path`, checked before the work starts (a 20-minute optimize used to end by
 * failing to write its plan): its folder exists and is writable, and the path is not a folder or a read-only file.
 * @param flag - the flag that named the path, e.g. `out`
 * @returns undefined when writable, else the issue naming the flag and the path
 * @example outputPathIssue('out', '/no/such/dir/plan.json')?.rule //=> 'writableOutput'
 */
export function outputPathIssue(flag: string, path: string): DomainIssue | undefined {
  const full = resolve(path);
  const fail = (why: string): DomainIssue => ({ code: 'unwritable', path: [`--${flag}`], rule: 'writableOutput', message: `--${flag} ${path}: ${why}`, received: path });
  if (path.trim() === '') return fail('no file named');
  const folder = dirname(full);
  try {
    if (!statSync(folder).isDirectory()) return fail(`${folder} is not a folder`);
  } catch {
    return fail(`the folder ${folder} does not exist`);
  }
  try {
    const existing = statSync(full, { throwIfNoEntry: false });
    if (existing?.isDirectory()) return fail('this is a folder, not a file');
    accessSync(existing ? full : folder, constants.W_OK);
  } catch {
    return fail('not writable (permission denied)');
  }
  return undefined;
}
