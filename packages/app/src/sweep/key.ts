import { createHash } from 'node:crypto';
import type { MonthlyFlow } from '@fundladder/core';
import type { PathFloats } from '@fundladder/optimizer';

/**
 * JSON with every object's keys in sorted order, so that equal values give equal text whatever order their keys were
 * written in (a scenario file re-saved by an editor keeps its sweep's stored points).
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) //=> '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 of a text, as 64 hex digits. */
export function sha256Hex(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A fingerprint of a sweep's forecast paths: sha256 over every check path's flows (month, fund type, inflow and outflow
 * to the fen) and every planning path's floats (their exact bytes). Two processes that drew the same paths — threads
 * given them, or workers on other machines that drew them again from the same seed and code — have the same
 * fingerprint; anything else (another seed, a changed forecast) has another, and a point's key changes with it.
 */
export function pathsFingerprint(check: readonly (readonly MonthlyFlow[])[], planning: readonly PathFloats[]): string {
  const hash = createHash('sha256');
  hash.update(`check ${check.length}\n`);
  for (const path of check) hash.update(`${path.map((f) => `${f.month} ${f.fundType} ${f.inflow.toFixed(2)} ${f.outflow.toFixed(2)}`).join(';')}\n`);
  hash.update(`planning ${planning.length}\n`);
  for (const path of planning) {
    for (const side of [path.inflow, path.outflow]) {
      for (const [ft, row] of [...side].sort(([a], [b]) => (a < b ? -1 : 1))) {
        hash.update(`${ft}:`);
        hash.update(new Uint8Array(row.buffer, row.byteOffset, row.byteLength));
      }
    }
  }
  return hash.digest('hex');
}

/**
 * The key a finished point is stored under (docs/sweep.md "Resume"): sha256 of the scenario (canonical JSON), the
 * point's values, the per-point options, the paths' fingerprint and the code version. A stored point whose key matches
 * is what this point would compute again, so a restarted sweep skips it; change any of the five and it is computed anew.
 *
 * @example sweepPointKey({ scenario, values: { reserveMonths: '3' }, options, pathsFingerprint: 'ab…', codeVersion: '0.1.0+abc' }) //=> '9f2c…' (64 hex digits)
 */
export function sweepPointKey(input: { scenario: unknown; values: Readonly<Record<string, string>>; options: unknown; pathsFingerprint: string; codeVersion: string }): string {
  return sha256Hex(canonicalJson({ scenario: input.scenario, values: input.values, options: input.options, paths: input.pathsFingerprint, code: input.codeVersion }));
}
