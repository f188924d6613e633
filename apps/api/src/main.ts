// `fundladder-api [serve|worker|create-user|login-link]` — `npm start` runs `serve` (docs/api.md §7).
import { serve } from '@hono/node-server';
import { createInterface } from 'node:readline/promises';
import { createApi } from './app';
import { openStore } from './store';
import { codeVersion } from './version';
import { localAdminToken, seedSample } from './seed';
import { startRunner } from './jobs/runner';
import { workerSweepExecutor } from './jobs/sweepExecutor';
import { warningsOnFinished } from './warnings/evaluate';
import { createLoginToken, createUser, userByName } from './auth/access';
import { hashPassword } from './auth/passwords';

const USAGE = `fundladder-api — the fundladder HTTP API

  fundladder-api serve                    the API on PORT (default 3000), jobs run in this process
  fundladder-api worker                   only run queued jobs (with DATABASE_URL: any number of workers share the queue)
  fundladder-api create-user NAME [--admin]   a user; the password is read from standard input (never a default)
  fundladder-api login-link NAME          a one-time sign-in link for a user

Storage: DATABASE_URL=postgres://… for a PostgreSQL server; otherwise embedded PostgreSQL (PGlite) in FUNDLADDER_DATA
(default .fundladder-data in the project). A PGlite data folder is used by one process at a time.

Jobs: FUNDLADDER_WORKERS jobs at once per process (default 1); FUNDLADDER_LEASE_SECONDS how long a claimed job stays
this process's without a heartbeat (default 30): a job whose process died is taken again after it (docs/api.md §3).`;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const env = { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.FUNDLADDER_DATA || undefined };
  const jobs = runnerOptions(process.env);
  const { store, schemaVersion, where } = await openStore(env);
  const version = codeVersion();
  const port = Number(process.env.PORT ?? 3000);
  const base = `http://localhost:${port}`;
  try {
    if (command === 'create-user') {
      const name = rest.find((a) => !a.startsWith('--'));
      if (!name) throw new Error('create-user NAME [--admin]');
      const password = await readPassword();
      if (password.length < 12) throw new Error('a password has at least 12 characters');
      const user = await createUser(store, { name, passwordHash: await hashPassword(password), admin: rest.includes('--admin') });
      console.log(user ? `created ${name}${user.admin ? ' (site administrator)' : ''}` : `a user named ${name} exists`);
      return user ? 0 : 1;
    }
    if (command === 'login-link') {
      const user = rest[0] ? await userByName(store, rest[0]) : undefined;
      if (!user) throw new Error(`no user named ${rest[0] ?? '(none given)'}`);
      console.log(`${base}/api/login?token=${await createLoginToken(store, user.id, 60)}`);
      return 0;
    }
    if (command === 'worker') {
      const runner = startRunner(store, { ...jobs, onFinished: warningsOnFinished(store) });
      console.log(`fundladder worker ${runner.owner} on ${store.kind} (${where}), schema ${schemaVersion}, code ${version}`);
      await untilSignal();
      await runner.stop();
      return 0;
    }
    if (command !== 'serve') throw new Error(`unknown command ${command}\n\n${USAGE}`);
    const seeded = await seedSample(store);
    // One set of sweep threads for the POST (it draws a new sweep's paths) and the runner (its points): the thread that
    // drew the paths keeps them, so the sweep's first points need not draw them again (docs/sweep.md §8).
    const sweepExecutor = workerSweepExecutor();
    const runner = startRunner(store, { ...jobs, sweepExecutor, onFinished: warningsOnFinished(store) });
    const app = createApi({ store, codeVersion: version, sweepExecutor, onQueued: () => runner.wake() });
    // The sign-in link is printed only once the port is ours: a port in use is said as such, not after a link that fails.
    const server = await listening(serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }), port);
    const token = await localAdminToken(store);
    console.log(`fundladder API ${version} on ${store.kind} (${where}), schema ${schemaVersion}${seeded ? '; sample fund loaded' : ''}`);
    console.log(`\n  打开 Open: ${base}/api/login?token=${token}\n  (one-time sign-in link for the local administrator, valid one hour)\n`);
    console.log(`  API description: ${base}/openapi.json · health: ${base}/api/health · Ctrl-C stops`);
    console.log(`  The terminal evaluation of the sample: npx fundladder evaluate examples/county-fund/scenario.json --plan examples/county-fund/plan.json`);
    await untilSignal();
    await runner.stop();
    await new Promise((resolve) => server.close(resolve));
    return 0;
  } finally {
    await store.close();
  }
}

/** Settles once `server` listens; a port already in use (or refused) is an error that names PORT. */
function listening(server: ReturnType<typeof serve>, port: number): Promise<ReturnType<typeof serve>> {
  return new Promise((resolve, reject) => {
    if (server.listening) return resolve(server);
    server.once('listening', () => resolve(server));
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new Error(e.code === 'EADDRINUSE' ? `port ${port} is in use by another program: stop it or set PORT to a free port (e.g. PORT=3001 npm start)` : `cannot listen on port ${port}: ${e.message}`)),
    );
  });
}

/** The job runner's settings from the environment; a value that is not a whole number ≥ 1 is an error naming it. */
function runnerOptions(env: NodeJS.ProcessEnv): { concurrency: number; leaseSeconds: number } {
  const whole = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${text}: a whole number ≥ 1 is expected`);
    return n;
  };
  return { concurrency: whole('FUNDLADDER_WORKERS', 1), leaseSeconds: whole('FUNDLADDER_LEASE_SECONDS', 30) };
}

/**
 * Settles at the first SIGINT or SIGTERM. Ctrl-C in a terminal reaches this process twice, from the terminal (the whole
 * foreground group) and from bin/fundladder-api.mjs, which passes signals on: a second signal within a second is that
 * same request and is ignored, so the shutdown it began (jobs given back, PGlite closed) is not cut short. A signal
 * after that ends the process at once, for a shutdown that hangs.
 */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    let first = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      if (!first) {
        first = Date.now();
        resolve();
      } else if (Date.now() - first > 1000) {
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('password: ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`fundladder-api: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
