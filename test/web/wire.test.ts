// `@fundladder/app/wire` is what the web app bundles to check run results and name fund types and products (docs/web.md §1):
// every module it reaches must import nothing but zod and core, or the browser would load the engine, exceljs or Node's
// modules.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const APP_SRC = join(import.meta.dirname, '..', '..', 'packages', 'app', 'src');

/** The packages a module reaches through its relative imports, followed from `entry` (static `import … from` only). */
function packagesReached(entry: string): { modules: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.endsWith('.ts') ? spec : `${spec}.ts`));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { modules: [...seen], packages };
}

describe('@fundladder/app/wire', () => {
  it('reaches only zod and @fundladder/core, through the codecs, the result schemas and the catalogue’s names', () => {
    const { modules, packages } = packagesReached(join(APP_SRC, 'wire', 'index.ts'));
    expect([...packages].sort()).toEqual(['@fundladder/core', 'zod']);
    expect(modules.map((f) => f.slice(APP_SRC.length + 1)).sort()).toEqual(['jobs/auditInterestResult.ts', 'jobs/compareResult.ts', 'jobs/evaluation.ts', 'jobs/forecastResult.ts', 'jobs/optimizeResult.ts', 'jobs/replayResult.ts', 'jobs/tenderResult.ts', 'messages/names.ts', 'wire/codecs.ts', 'wire/index.ts']);
  });

  it('decodes what the jobs encode: a money string becomes a Decimal and back', async () => {
    const { money } = await import('@fundladder/app/wire');
    expect(money.decode('1234.50').toFixed(2)).toBe('1234.50');
    expect(money.safeDecode('1234.505').success).toBe(false);
  });
});
