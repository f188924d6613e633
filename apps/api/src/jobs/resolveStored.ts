import type { Result } from '@fundladder/core';
import type { Store } from '../db/store';
import { resolveRunRequest } from '../runRequest';

/** A stored run's request with its scenario versions filled in again (they are immutable, so it is what was asked). */
export async function resolveStoredRequest(store: Store, fundId: string, stored: unknown): Promise<Result<unknown>> {
  const r = await resolveRunRequest(store, fundId, stored);
  return r.ok ? { ok: true, value: r.value.request } : r;
}
