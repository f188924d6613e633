// API processes for the fault tests (docs/api.md §9): `fundladder-api serve|worker` as real child processes, each the
// leader of a process group of its own, so `kill -9` reaches both the bin wrapper and the node process it runs; and a
// signed-in HTTP session against a child over loopback. Every process started here is killed when the test file ends.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'apps', 'api', 'bin', 'fundladder-api.mjs');

/** The sample scenario and plan (examples/county-fund), as JSON. */
export const SAMPLE_SCENARIO = JSON.parse(readFileSync(join(ROOT, 'examples', 'county-fund', 'scenario.json'), 'utf8')) as Record<string, unknown>;
export const SAMPLE_PLAN = JSON.parse(readFileSync(join(ROOT, 'examples', 'county-fund', 'plan.json'), 'utf8')) as Record<string, unknown>;

const live = new Set<ApiProcess>();
// A test that throws past its cleanup, or a worker ended by vitest, must not leave API processes behind.
process.once('exit', () => {
  for (const p of live) p.signal('SIGKILL');
});

/**
 * One `fundladder-api` command running as a child process group. `output` collects its standard output and error;
 * `exited` settles when the bin wrapper exits (the node process it runs exits with it, or is killed with the group).
 */
export class ApiProcess {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly pgid: number;
  private listeners = new Set<() => void>();

  constructor(command: 'serve' | 'worker', env: Record<string, string>) {
    const inherited = { ...process.env };
    // The store is only ever the one the test names.
    delete inherited.DATABASE_URL;
    delete inherited.FUNDLADDER_DATA;
    this.child = spawn(process.execPath, [BIN, command], { cwd: ROOT, env: { ...inherited, FUNDLADDER_CODE_VERSION: 'fault-test', ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.pgid = this.child.pid!;
    live.add(this);
    const take = (chunk: Buffer) => {
      this.output += chunk.toString();
      for (const l of this.listeners) l();
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** The first match of `pattern` in the output, waiting for it; rejects (with the output so far) after `timeoutMs` or when the process exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (error?: Error, m?: RegExpMatchArray) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.listeners.delete(check);
        if (error) reject(error);
        else resolve(m!);
      };
      const check = () => {
        const m = pattern.exec(this.output);
        if (m) finish(undefined, m);
      };
      const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${this.output}`)), timeoutMs);
      this.listeners.add(check);
      void this.exited.then((e) => {
        check();
        finish(new Error(`the process exited (${e.code ?? e.signal}) before ${pattern}; output:\n${this.output}`));
      });
      check();
    });
  }

  /** Sends `signal` to the whole group (wrapper and API process); a group already gone is not an error. */
  signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pgid, signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
    }
  }

  /** `kill -9` of the group, returning once no process of it is left (so its data folder is free again). */
  async kill9(): Promise<void> {
    this.signal('SIGKILL');
    await this.exited;
    await until(() => !groupAlive(this.pgid), 10_000, `process group ${this.pgid} still alive after SIGKILL`);
    live.delete(this);
  }

  /**
   * The way a process manager stops it (SIGTERM to the wrapper, which passes it on) or a terminal does (`Ctrl-C`): the
   * runner gives its jobs back and the store closes; `kill -9` if that takes over `timeoutMs`.
   */
  async stop(timeoutMs = 20_000, how: 'SIGTERM' | 'Ctrl-C' = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    // Ctrl-C in a terminal: SIGINT to the whole group, wrapper and API process alike.
    if (how === 'Ctrl-C') this.signal('SIGINT');
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), timeoutMs);
    const e = await this.exited;
    clearTimeout(timer);
    await until(() => !groupAlive(this.pgid), 10_000, `process group ${this.pgid} still alive after it exited`);
    live.delete(this);
    return e;
  }
}

/** The process group of a live process, undefined when it is gone (or a zombie). */
export function processGroupOf(pid: number): number | undefined {
  try {
    const [state, , pgrp] = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return state === 'Z' || state === 'X' ? undefined : Number(pgrp);
  } catch {
    return undefined;
  }
}

// pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so the fields are read after the last ')'.
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** Whether any process of group `pgid` is alive (a zombie is not: PID 1 here may not reap orphans at once). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [state, , pgrp] = statFields(stat);
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

/** Kills every process this file started that is still alive (afterAll). */
export async function killAll(): Promise<void> {
  await Promise.all([...live].map((p) => p.kill9()));
}

/** Waits until `test()` holds, checking every `everyMs`; rejects with `what` after `timeoutMs`. */
export async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 25): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A free TCP port on loopback (the API then binds it; nothing else on this machine is told to use it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A response: status and parsed JSON body. */
export interface HttpResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** A signed-in session against an API over HTTP: the session cookie, the CSRF token on writes, the page's Origin. */
export class HttpSession {
  private cookie = '';
  private csrf = '';

  private constructor(readonly base: string) {}

  /** Signs in with a one-time token (the link `serve` prints) and reads the CSRF token. */
  static async signIn(base: string, token: string): Promise<HttpSession> {
    const s = new HttpSession(base);
    // `serve` prints its link once the store is ready, which can be a moment before its socket listens.
    const end = Date.now() + 15_000;
    let r: Response;
    for (;;) {
      try {
        r = await fetch(`${base}/api/login?token=${encodeURIComponent(token)}`, { redirect: 'manual' });
        break;
      } catch (e) {
        if ((e as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED' || Date.now() > end) throw e;
        await sleep(100);
      }
    }
    if (r.status !== 302) throw new Error(`sign-in with the token answered ${r.status}: ${await r.text()}`);
    s.cookie = r.headers.get('set-cookie')!.split(';')[0]!;
    const session = await s.request<{ csrfToken: string }>('GET', '/api/session');
    s.csrf = session.body.csrfToken;
    return s;
  }

  /** The session cookie (`name=value`), for a load generator. */
  get cookieHeader(): string {
    return this.cookie;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== 'GET') Object.assign(headers, { 'x-csrf-token': this.csrf, origin: this.base });
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: r.status, body: parsed as T };
  }

  get = <T = unknown>(path: string) => this.request<T>('GET', path);
  post = <T = unknown>(path: string, body?: unknown) => this.request<T>('POST', path, body);
}

/** `fundladder-api serve` on a free port, up and signed in as the local administrator (from its one-time link). */
export async function startServe(env: Record<string, string>, timeoutMs = 90_000): Promise<{ process: ApiProcess; http: HttpSession }> {
  const port = await freePort();
  const p = new ApiProcess('serve', { ...env, PORT: String(port), HOST: '127.0.0.1' });
  const [, token] = await p.waitFor(/\/api\/login\?token=(\S+)/, timeoutMs);
  try {
    return { process: p, http: await HttpSession.signIn(`http://127.0.0.1:${port}`, token!) };
  } catch (e) {
    await sleep(500);
    throw new Error(`signing in to serve failed (${(e as Error).message}); its output:\n${p.output}`, { cause: e });
  }
}
