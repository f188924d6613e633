/**
 * Edit distance between two strings: the fewest insertions, deletions, substitutions and swaps of two
 * adjacent characters that turn one into the other (optimal string alignment, the restricted
 * Damerau-Levenshtein distance: a swapped pair counts once, `reserev` → `reserve` is 1, not 2).
 * Compares UTF-16 code units, which is enough for the ASCII keys of scenario and plan files.
 *
 * @param a - the string typed
 * @param b - a candidate
 * @returns the distance, 0 when equal
 * @example editDistance('reserv', 'reserve') //=> 1
 * @example editDistance('reserev', 'reserve') //=> 1 (one swap)
 * @example editDistance('', 'abc') //=> 3
 * @see https://en.wikipedia.org/wiki/Damerau%E2%80%93Levenshtein_distance#Optimal_string_alignment_distance
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rows are enough: the swap looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to a misspelt name, if one is near enough to be what was meant. Case is ignored
 * (`Reserve` → `reserve`). A candidate counts when its edit distance to the name is at most 40% of the
 * name's length, rounded down, and their lengths differ by at most max(2, 34% of the name's length): so a
 * two-letter name is matched only up to case, `reserv` (6) up to 2 edits. The thresholds are those of the
 * TypeScript compiler's "did you mean" (`getSpellingSuggestion`); ties go to the earlier candidate.
 *
 * @param name - the name typed (e.g. an unknown JSON key)
 * @param candidates - the names that exist there
 * @returns the nearest candidate, or undefined when none is near enough
 * @example closestName('reserv', ['reserve', 'caps', 'minBanks']) //=> 'reserve'
 * @example closestName('zz', ['id', 'name']) //=> undefined
 * @see microsoft/TypeScript src/compiler/core.ts, getSpellingSuggestion
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const typed = name.toLowerCase();
  const maxLengthDifference = Math.max(2, Math.floor(name.length * 0.34));
  let best: string | undefined;
  let bestDistance = Math.floor(name.length * 0.4) + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (Math.abs(candidate.length - name.length) > maxLengthDifference) continue;
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
