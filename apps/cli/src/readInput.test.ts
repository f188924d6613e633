// A JSON or CSV file with a UTF-8 BOM is read: Windows tools write one, and JSON.parse refuses it.
import { describe, expect, it } from 'vitest';
import { readJson, withoutBom } from './readInput';
import type { CliIo } from './io';

describe('a UTF-8 byte-order mark', () => {
  const io = (text: string) => ({ readText: () => text }) as unknown as CliIo;
  it('is dropped before JSON.parse, which refuses it', () => {
    expect(() => JSON.parse('\uFEFF{"a":1}')).toThrow();
    expect(readJson(io('\uFEFF{"a":1}'), 'x.json')).toEqual({ ok: true, value: { a: 1 } });
  });
  it('only at the start; text without one is unchanged', () => {
    expect(withoutBom('\uFEFFa\uFEFF')).toBe('a\uFEFF');
    expect(withoutBom('{}')).toBe('{}');
  });
});
