import { describe, expect, it } from 'vitest';
import { acceptsGzip, noneMatch } from './encoding';

describe('acceptsGzip (RFC 9110 §12.5.3)', () => {
  it.each([
    ['gzip, deflate, br, zstd', true], // Chromium's header
    ['gzip, deflate', true], // undici's fetch (Node's fetch, the typed client outside a browser)
    ['GZip', true], // codings are case-insensitive
    ['x-gzip', true], // the alias §8.4.1.3 keeps
    ['br;q=1.0, gzip;q=0.5', true],
    ['*', true],
    ['br, *;q=0.1', true],
    ['gzip;q=0', false],
    ['gzip;q=0.000', false],
    ['gzip;q=0, *', false], // named with weight 0: refused, whatever `*` says
    ['*;q=0', false],
    ['br, deflate', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('noneMatch (RFC 9110 §13.1.2, weak comparison)', () => {
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['*', true],
    ['"abd"', false],
    ['abc', false], // not a quoted entity tag
    ['', false],
    [undefined, false],
  ])('%s against "abc" → %s', (header, expected) => {
    expect(noneMatch(header, '"abc"')).toBe(expected);
  });
});
