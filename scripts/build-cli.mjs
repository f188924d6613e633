#!/usr/bin/env node
// Bundles the CLI (apps/cli/src/main.ts and the workspace packages it reaches) into one ES module, so that
// `fundladder` starts without compiling TypeScript (through tsx it took 0.7 s on a quiet machine, ~3 s on a busy one).
// Pure-JS dependencies are bundled too (zod alone is hundreds of ES modules: resolving them was most of the start-up);
// highs stays external (it loads its .wasm beside its own module), and so does exceljs (large, loaded only when a
// workbook is read). Run by `npm install` (the root `prepare` script) and `npm run build`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Left to node's resolution at run time. tsx too: `fundladder sweep --database-url` and `worker` load the API's
 * TypeScript through tsx's loader, which tsx registers from files beside its own module (bundled, it looked for
 * apps/cli/dist/esm/index.mjs and the command stopped before saying anything).
 */
const EXTERNAL = ['highs', 'exceljs', 'tsx'];

await build({
  entryPoints: [join(root, 'apps/cli/src/main.ts')],
  outfile: join(root, 'apps/cli/dist/main.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  external: EXTERNAL,
  // Bundled CommonJS dependencies (iconv-lite, cli-progress) may call require() for node's built-ins.
  banner: { js: "import { createRequire as __flCreateRequire } from 'node:module'; const require = __flCreateRequire(import.meta.url);" },
});
