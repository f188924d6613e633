import { describe, expect, it } from 'vitest';
import { AccessCache } from './accessCache';

const alice = { id: '1', name: 'alice', admin: false };
const session = (expiresAtMs: number) => ({ user: alice, csrfToken: 't', expiresAtMs });

describe('AccessCache', () => {
  it('keeps an answer for ttlMs and not a moment longer', () => {
    let now = 1_000;
    const cache = new AccessCache(2_000, () => now);
    cache.setSession('h', session(1e12), cache.generation);
    cache.setStanding('1', 'f', { role: 'viewer', fundExists: true }, cache.generation);
    now = 2_999;
    expect(cache.session('h')?.user.name).toBe('alice');
    expect(cache.standing('1', 'f')).toEqual({ role: 'viewer', fundExists: true });
    now = 3_000;
    expect(cache.session('h')).toBeUndefined();
    expect(cache.standing('1', 'f')).toBeUndefined();
  });

  it('never honours a session past its own expiry, however fresh the entry', () => {
    let now = 0;
    const cache = new AccessCache(2_000, () => now);
    cache.setSession('h', session(500), cache.generation);
    now = 499;
    expect(cache.session('h')).toBeDefined();
    now = 500;
    expect(cache.session('h')).toBeUndefined();
  });

  it('forgets everything on clear, and refuses an answer read before a clear (it may predate the write)', () => {
    const cache = new AccessCache(2_000, () => 0);
    const before = cache.generation;
    cache.setSession('h', session(1e12), before);
    cache.clear();
    expect(cache.session('h')).toBeUndefined();
    // A read that asked the store before the write finished comes back after the clear: not kept.
    cache.setSession('h', session(1e12), before);
    cache.setStanding('1', 'f', { role: 'admin', fundExists: true }, before);
    expect(cache.session('h')).toBeUndefined();
    expect(cache.standing('1', 'f')).toBeUndefined();
    cache.setSession('h', session(1e12), cache.generation);
    expect(cache.session('h')).toBeDefined();
  });

  it('keeps nothing when ttlMs is 0', () => {
    const cache = new AccessCache(0, () => 0);
    cache.setSession('h', session(1e12), cache.generation);
    expect(cache.session('h')).toBeUndefined();
  });

  it('cannot be grown without bound by distinct cookies', () => {
    const cache = new AccessCache(2_000, () => 0, 3);
    for (let i = 0; i < 10; i++) cache.setSession(`h${i}`, session(1e12), cache.generation);
    const kept = Array.from({ length: 10 }, (_, i) => cache.session(`h${i}`)).filter(Boolean).length;
    expect(kept).toBeLessThanOrEqual(3);
    expect(cache.session('h9')).toBeDefined();
  });
});
