import type { Role } from '../auth/access';
import type { User } from './env';

/** A live session as the access checks need it. */
export interface CachedSession {
  readonly user: User;
  readonly csrfToken: string;
  /** When the session itself ends (ms since the epoch): an entry is never used past it. */
  readonly expiresAtMs: number;
}

/** A user's standing in one fund: the role (undefined: none) and whether the fund exists. */
export interface CachedStanding {
  readonly role: Role | undefined;
  readonly fundExists: boolean;
}

interface Entry<T> {
  readonly value: T;
  readonly until: number;
}

/**
 * The answers of the access checks (the session behind a cookie, a user's role in a fund), kept in memory for at most
 * `ttlMs` so that a burst of reads does not ask the store the same three questions each time (docs/api.md §10).
 *
 * What this costs, stated: a session revoked, a role changed or a fund removed **by another process** (a second API
 * process on the same PostgreSQL server, or `fundladder-api` on the command line) is seen here up to `ttlMs` later.
 * This process's own writes are seen at once: the API empties the cache after every request that is not a read
 * (sign-out, a role granted, a user or fund created). A session is never honoured past its own expiry. `ttlMs` 0 turns
 * the cache off.
 *
 * @example
 * const cache = new AccessCache(2000, () => 0);
 * cache.setStanding('u1', 'f1', { role: 'viewer', fundExists: true }, cache.generation);
 * cache.standing('u1', 'f1');
 * //=> { role: 'viewer', fundExists: true }
 */
export class AccessCache {
  private readonly sessions = new Map<string, Entry<CachedSession>>();
  private readonly standings = new Map<string, Entry<CachedStanding>>();
  private gen = 0;

  /**
   * Bumped by {@link clear}. Read it before asking the store and pass it to a setter: an answer read before a write
   * that finished meanwhile is then not kept (it may be the state the write replaced).
   */
  get generation(): number {
    return this.gen;
  }

  /**
   * @param ttlMs how long an answer is kept (0: not at all)
   * @param now the clock (ms), replaceable in tests
   * @param maxEntries a bound on each map: beyond it the map is emptied (a flood of distinct cookies cannot grow memory)
   */
  constructor(
    readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  /** The session with this id hash, if kept and still valid. */
  session(idHash: string): CachedSession | undefined {
    const e = this.sessions.get(idHash);
    const t = this.now();
    if (!e || e.until <= t || e.value.expiresAtMs <= t) return undefined;
    return e.value;
  }

  setSession(idHash: string, value: CachedSession, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.gen) return;
    if (this.sessions.size >= this.maxEntries) this.sessions.clear();
    this.sessions.set(idHash, { value, until: this.now() + this.ttlMs });
  }

  /** The user's standing in the fund, if kept. */
  standing(userId: string, fundId: string): CachedStanding | undefined {
    const e = this.standings.get(`${userId}\u0000${fundId}`);
    return e && e.until > this.now() ? e.value : undefined;
  }

  setStanding(userId: string, fundId: string, value: CachedStanding, generation: number): void {
    if (this.ttlMs <= 0 || generation !== this.gen) return;
    if (this.standings.size >= this.maxEntries) this.standings.clear();
    this.standings.set(`${userId}\u0000${fundId}`, { value, until: this.now() + this.ttlMs });
  }

  /** Forgets everything (after any write this process makes). */
  clear(): void {
    this.gen++;
    this.sessions.clear();
    this.standings.clear();
  }
}
