import { defineConfig } from 'vitest/config';

// Tests in two groups, both run by `npm test` (and so by CI): `unit` (fast: pure functions, one small ledger or LP at
// a time) and `slow` (property tests over many random cases, the solver on whole scenarios, the CLI end to end).
// `npx vitest run --project unit` is the quick loop while editing.
const SLOW = [
  '**/*.property.test.ts',
  'test/**/*.test.ts',
  'packages/optimizer/src/**/*.test.ts',
  'packages/app/src/jobs/**/*.test.ts',
  'packages/forecast/src/**/backtest*.test.ts',
  'packages/forecast/src/pathCalibration.test.ts',
  'apps/api/src/**/*.test.ts',
];

const shared = {
  // Core's date rules must not depend on the machine's zone (docs/conventions.md §4: run under Asia/Shanghai and UTC).
  env: { TZ: process.env.TZ ?? 'Asia/Shanghai' },
  testTimeout: 60_000,
  setupFiles: ['test/setup/fastCheck.ts'],
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'], exclude: SLOW } },
      // The PostgreSQL server is looked for once per run (not once per file), and its absence said once.
      { test: { ...shared, name: 'slow', include: SLOW, globalSetup: ['test/setup/postgresServer.ts'] } },
    ],
  },
});
