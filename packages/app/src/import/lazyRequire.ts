import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A CommonJS dependency loaded on first use, synchronously: every CLI command imports the import layer, and loading
 * iconv-lite and csv-parse at start-up cost about 35 ms each of every command, including `--help`.
 * @param id - the package (or package subpath) to require
 * @returns a function that loads it once and returns it
 * @example const iconv = lazyRequire<typeof import('iconv-lite')>('iconv-lite'); iconv().decode(bytes, 'gb18030')
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(id) as T);
}
