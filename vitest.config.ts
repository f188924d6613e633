import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    // Core's date rules must not depend on the machine's zone (docs/conventions.md §4: run under Asia/Shanghai and UTC).
    env: { TZ: process.env.TZ ?? 'Asia/Shanghai' },
    testTimeout: 60_000,
  },
});
