import type { Queryable } from '../db/store';

/**
 * Takes the fund's write lock for the rest of the transaction: appends to the decision log, actuals and warning
 * evaluations of one fund run one after the other, so a second append chains from the first's entry and a second
 * correction supersedes the first's row. `for no key update` conflicts with itself, not with the key-share locks that
 * inserts referencing the fund take, so runs and scenarios are not held up. Returns whether the fund exists.
 */
export async function lockFund(db: Queryable, fundId: string): Promise<boolean> {
  return (await db.query('select id from funds where id = $1 for no key update', [fundId])).length === 1;
}
