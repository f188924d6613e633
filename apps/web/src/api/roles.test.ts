import { describe, expect, it } from 'vitest';
import { ROLES, roleAtLeast } from './schemas';

// The order the API ranks roles in (apps/api/src/auth/access.ts `roleAtLeast`, docs/api.md §5): viewer < planner <
// approver < admin; no role, or one the app does not know, is below them all.
describe('roleAtLeast', () => {
  it('ranks the roles as the API does', () => {
    expect(ROLES.map((r) => roleAtLeast(r, 'planner'))).toEqual([false, true, true, true]);
    expect(ROLES.map((r) => roleAtLeast(r, 'approver'))).toEqual([false, false, true, true]);
    expect(ROLES.map((r) => roleAtLeast(r, 'viewer'))).toEqual([true, true, true, true]);
  });

  it('gives no standing to no role or an unknown one', () => {
    expect([undefined, null, '', 'owner'].map((r) => roleAtLeast(r, 'viewer'))).toEqual([false, false, false, false]);
  });
});
