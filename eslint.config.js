// Import boundaries (docs/conventions.md §1): core ← forecast, optimizer ← api, cli; core does no I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const noIo = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'], message: 'core does no I/O: pass data in, return data out.' },
  { group: ['pg', 'postgres', '@electric-sql/*', 'hono', 'hono/*'], message: 'no database or HTTP client in core.' },
  { group: ['@fundladder/*'], message: 'core depends on no sibling package.' },
  { group: ['../../*/src/*', '../../../*/src/*'], message: "never import another package's src/: use its index." },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', 'bench/**/*.ts', 'examples/**/*.ts', 'test/**/*.ts', 'apps/cli/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: noIo }],
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'core never reads the clock: callers pass asOf (docs/conventions.md §4).' },
        { name: 'fetch', message: 'core does no I/O.' },
        { name: 'process', message: 'core does no I/O.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'pass a seed.' }],
    },
  },
  {
    files: ['packages/forecast/src/**/*.ts', 'packages/optimizer/src/**/*.ts', 'packages/app/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@fundladder/api', '@fundladder/cli', '@fundladder/web'], message: 'libraries never import the apps.' },
        { group: ['node:fs', 'fs'], message: 'no file I/O in a library package.' },
      ] }],
    },
  },
  {
    // The engine's two halves stay apart: forecast and optimizer meet only in the application layer (packages/app).
    files: ['packages/forecast/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@fundladder/optimizer', '@fundladder/app'], message: 'forecast and optimizer stay apart; the application layer (packages/app) joins them.' },
        { group: ['@fundladder/api', '@fundladder/cli', '@fundladder/web'], message: 'libraries never import the apps.' },
        { group: ['node:fs', 'fs'], message: 'no file I/O in a library package.' },
      ] }],
    },
  },
  {
    files: ['packages/optimizer/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@fundladder/forecast', '@fundladder/app'], message: 'forecast and optimizer stay apart; the application layer (packages/app) joins them.' },
        { group: ['@fundladder/api', '@fundladder/cli', '@fundladder/web'], message: 'libraries never import the apps.' },
        { group: ['node:fs', 'fs'], message: 'no file I/O in a library package.' },
      ] }],
    },
  },
  {
    // The CLI reaches the engine only through the application layer (docs/app.md): flags → request → job → render.
    // core stays allowed for its types and number formatting.
    files: ['apps/cli/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@fundladder/forecast', '@fundladder/optimizer'], message: 'the CLI calls the engine through @fundladder/app (docs/app.md).' },
        { group: ['../../../packages/*', '../../../../packages/*'], message: "never import another package's src/: use its index." },
      ] }],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        // Except the app layer's engine-free wire schemas (docs/web.md §1, "Validated at the boundary"): run results are
        // checked with the schemas the jobs encode them with.
        { regex: '^@fundladder/(core|forecast|optimizer|cli|app)(?!/wire$)(/.*)?$', message: 'web reaches the API over HTTP only (run results are checked with @fundladder/app/wire).' },
        { group: ['@fundladder/api'], allowTypeImports: true, message: 'web reaches the API over HTTP only (types may be imported).' },
      ] }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
