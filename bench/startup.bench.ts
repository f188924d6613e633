// Start-up of the `fundladder` command (target: `--help` under 0.5 s), beside `node -e 0` measured in the same
// run — the floor no command can go below on this machine at this moment. Each run is a new process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { type BenchRow, measure } from './measure';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'apps/cli/bin/fundladder.mjs');

function run(args: readonly string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${r.status}`);
}

export function benchStartup(): BenchRow[] {
  // The bin falls back to the TypeScript sources when a source is newer than the bundle: bundle first, so the row
  // measures what `npm install` leaves behind.
  run([join(ROOT, 'scripts/build-cli.mjs')]);
  const runs = Number(process.env.FL_BENCH_STARTUP_RUNS ?? 15);
  return [
    measure('node -e 0 (a process that does nothing: the floor)', runs, 2, () => run(['-e', '0'])),
    { ...measure('fundladder --help (the bundle npm install builds)', runs, 2, () => run([BIN, '--help'])), target: '< 500' },
    measure('fundladder validate examples/county-fund/scenario.json', runs, 1, () => run([BIN, 'validate', 'examples/county-fund/scenario.json'])),
  ];
}
