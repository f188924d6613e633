import type { Store } from '../db/store';
import type { AccessCache } from './accessCache';

/** Who is asking: a signed-in user (docs/api.md §5). */
export interface User {
  readonly id: string;
  readonly name: string;
  /** A site administrator: may create funds and users, and reads every fund. */
  readonly admin: boolean;
}

/** What every handler can reach: the store, the code version, and the user (undefined when not signed in). */
export interface AppEnv {
  Variables: {
    store: Store;
    codeVersion: string;
    user: User | undefined;
    /** The access checks' answers, kept briefly (src/http/accessCache.ts). */
    accessCache: AccessCache;
  };
}
