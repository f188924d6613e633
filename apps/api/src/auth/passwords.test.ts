// Password hashing (docs/api.md §5): scrypt with OWASP's parameters, once for real (about a second a hash); the
// other cases use the cheap test parameters the API suites use.
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD_PARAMS } from '../testing/client';
import { SCRYPT, hashPassword, verifyPassword } from './passwords';

describe('passwords', () => {
  it('hashes and verifies with the real parameters, N = 2^17, r = 8, p = 1, kept in the stored string', async () => {
    expect(SCRYPT).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  }, 60_000);

  it('needs maxmem raised: 128 · N · r is 128 MiB, over Node’s default 32 MiB', () => {
    expect(128 * SCRYPT.N * SCRYPT.r).toBe(128 * 1024 * 1024);
    expect(SCRYPT.maxmem).toBeGreaterThan(128 * SCRYPT.N * SCRYPT.r);
    expect(() => scryptSync('x', 'salt', 32, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p })).toThrow(/memory limit/i);
  });

  it('salts every hash, so one password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', TEST_PASSWORD_PARAMS), hashPassword('same password', TEST_PASSWORD_PARAMS)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('compares NFKC-normalised text: full-width letters sign in as the ASCII ones they stand for', async () => {
    const stored = await hashPassword('Password-2026', TEST_PASSWORD_PARAMS);
    expect(await verifyPassword('Ｐａｓｓｗｏｒｄ－２０２６', stored)).toBe(true);
  });

  it('never matches a malformed hash, nor one asking for N over 2^20 (a stored string cannot make a sign-in cost minutes)', async () => {
    for (const stored of ['', 'plain', 'bcrypt$10$x$y$z$w', 'scrypt$1024$8$1$salt', 'scrypt$abc$8$1$AAAA$AAAA', 'scrypt$2097152$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      expect(await verifyPassword('anything', stored), stored).toBe(false);
    }
  });
});
