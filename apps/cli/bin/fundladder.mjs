#!/usr/bin/env node
// Starts the CLI from the bundle that `npm install` builds (scripts/build-cli.mjs: no TypeScript compiled at start),
// or, when there is no bundle or a source file is newer than it (a developer's edit), from the TypeScript sources
// through tsx's loader.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const bundle = join(here, '../dist/main.mjs');

/** The newest modification time of the .ts sources the bundle is built from (tests excluded). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const pkg of ['packages/core', 'packages/forecast', 'packages/optimizer', 'packages/app', 'apps/cli']) {
    const src = join(root, pkg, 'src');
    if (existsSync(src)) walk(src);
  }
  return newest;
}

let main;
if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
