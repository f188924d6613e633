/**
 * How many of the paths differ from all others: each path's values (fund types in key order, inflow then
 * outflow, every step) are hashed by their exact 64-bit patterns, two 32-bit words per value, with two
 * different multiplicative hashes (FNV-1a's prime over words, and MurmurHash2's multiplier over rotated
 * words), and distinct hash pairs are counted. A false match needs both 32-bit hashes to collide, which
 * is negligible against counts of thousands of paths.
 *
 * @param paths - simulated paths, paths[p][fundType].inflow[k]
 * @returns the number of distinct paths (0 for none)
 * @example countDistinctPaths([{ a: { inflow: [1], outflow: [2] } }, { a: { inflow: [1], outflow: [2] } }]) //=> 1
 * @see Fowler, Noll & Vo, FNV hash (IETF draft-eastlake-fnv); Appleby, MurmurHash2 (multiplier 0x5bd1e995).
 */
export function countDistinctPaths(paths: ReadonlyArray<Readonly<Record<string, { readonly inflow: readonly number[]; readonly outflow: readonly number[] }>>>): number {
  const seen = new Set<string>();
  const cell = new Float64Array(1);
  const words = new Uint32Array(cell.buffer);
  for (const path of paths) {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193 ^ 0x5bd1e995;
    for (const fundType of Object.keys(path).sort()) {
      for (const values of [path[fundType]!.inflow, path[fundType]!.outflow]) {
        for (const v of values) {
          cell[0] = v;
          for (let w = 0; w < 2; w++) {
            const word = words[w]!;
            h1 = Math.imul(h1 ^ word, 0x01000193) >>> 0;
            h2 = Math.imul(h2 ^ ((word << 13) | (word >>> 19)), 0x5bd1e995) >>> 0;
          }
        }
      }
    }
    seen.add(`${h1}:${h2}`);
  }
  return seen.size;
}
