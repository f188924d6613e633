// Every number flag has bounds (`--paths 1e9` ran out of memory after 68 s; `--paths ""` became 0), and output
// paths are checked before the work starts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATHS_FLAG, SEED_FLAG, numberFlag, numberFlags } from './args';
import { outputPathIssue } from './io';

describe('numberFlag', () => {
  it('reads a whole number inside its bounds; an absent flag is undefined', () => {
    expect(numberFlag('paths', '500', PATHS_FLAG)).toEqual({ ok: true, value: 500 });
    expect(numberFlag('paths', '0', PATHS_FLAG)).toEqual({ ok: true, value: 0 });
    expect(numberFlag('paths', '20000', PATHS_FLAG)).toEqual({ ok: true, value: 20000 });
    expect(numberFlag('paths', undefined, PATHS_FLAG)).toEqual({ ok: true, value: undefined });
  });

  it('refuses --paths 1e9 with the allowed range, naming the flag', () => {
    expect(numberFlag('paths', '1e9', PATHS_FLAG)).toEqual({
      ok: false,
      issues: [{ code: 'invalid_flag', path: ['--paths'], rule: 'wholeNumberFlag', message: '--paths is a whole number from 0 to 20,000; received "1e9"', received: '"1e9"', limit: '[0, 20000]' }],
    });
    expect(numberFlag('paths', '1000000000', PATHS_FLAG).ok).toBe(false);
    expect(numberFlag('paths', '20001', PATHS_FLAG).ok).toBe(false);
  });

  it('refuses an empty value (Number("") is 0) and every other text that is not digits', () => {
    for (const text of ['', ' ', '12abc', '0x10', 'Infinity', 'NaN', '1.5', '-1', '1,000']) {
      const r = numberFlag('paths', text, PATHS_FLAG);
      expect(r.ok, JSON.stringify(text)).toBe(false);
    }
    const empty = numberFlag('paths', '', PATHS_FLAG);
    expect(empty.ok ? '' : empty.issues[0]!.message).toBe('--paths is a whole number from 0 to 20,000; received ""');
  });

  it('reads plain decimals for number flags and keeps exclusive bounds outside', () => {
    const quantile = { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true } as const;
    expect(numberFlag('reserve-quantile', '0.95', quantile)).toEqual({ ok: true, value: 0.95 });
    expect(numberFlag('reserve-quantile', '.5', quantile)).toEqual({ ok: true, value: 0.5 });
    expect(numberFlag('reserve-quantile', '1', quantile).ok).toBe(false);
    expect(numberFlag('reserve-quantile', '0', quantile).ok).toBe(false);
    const bad = numberFlag('reserve-quantile', '95', quantile);
    expect(bad.ok ? undefined : bad.issues[0]).toMatchObject({ message: '--reserve-quantile is a number in (0, 1); received "95"', limit: '(0, 1)' });
  });

  it('bounds seeds to the 32 bits mulberry32 keeps', () => {
    expect(numberFlag('seed', '4294967295', SEED_FLAG).ok).toBe(true);
    expect(numberFlag('seed', '4294967296', SEED_FLAG).ok).toBe(false);
  });
});

describe('numberFlags', () => {
  it('collects every bad flag at once and leaves absent ones undefined', () => {
    expect(numberFlags({ paths: '10' }, { paths: PATHS_FLAG, seed: SEED_FLAG })).toEqual({ ok: true, value: { paths: 10, seed: undefined } });
    const r = numberFlags({ paths: '', seed: 'x' }, { paths: PATHS_FLAG, seed: SEED_FLAG });
    expect(r.ok ? [] : r.issues.map((i) => i.path[0])).toEqual(['--paths', '--seed']);
  });
});

describe('outputPathIssue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fundladder-out-'));
  it('accepts a new file in an existing folder, and an existing file', () => {
    expect(outputPathIssue('out', join(dir, 'plan.json'))).toBeUndefined();
    writeFileSync(join(dir, 'old.json'), '{}');
    expect(outputPathIssue('out', join(dir, 'old.json'))).toBeUndefined();
  });
  it('refuses a folder that does not exist, a folder given as the file, and an empty name', () => {
    expect(outputPathIssue('out', join(dir, 'no-such-folder', 'plan.json'))).toMatchObject({ path: ['--out'], rule: 'writableOutput', message: expect.stringContaining('does not exist') });
    expect(outputPathIssue('paths-out', dir)).toMatchObject({ path: ['--paths-out'], message: expect.stringContaining('is a folder') });
    expect(outputPathIssue('out', '')).toMatchObject({ message: '--out : no file named' });
  });
});
