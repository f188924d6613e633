import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from './db/store';
import { createFund } from './repo/funds';
import { createScenario } from './repo/scenarios';
import { createLoginToken, createUser, grantRole, userByName } from './auth/access';

export const SAMPLE_FUND = { id: 'sample', name: '示例县社会保险基金 Example County funds' } as const;

/** Loads the sample fund and its scenario (examples/county-fund) into an empty store; does nothing otherwise. */
export async function seedSample(store: Store): Promise<boolean> {
  return store.transaction(async (tx) => {
    const [{ n }] = (await tx.query<{ n: string }>('select count(*) as n from funds')) as [{ n: string }];
    if (n !== '0') return false;
    await createFund(tx, SAMPLE_FUND);
    const body = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'county-fund', 'scenario.json'), 'utf8')) as unknown;
    await createScenario(tx, { fundId: SAMPLE_FUND.id, name: '示例方案 sample scenario', body, note: 'loaded from examples/county-fund/scenario.json', createdBy: 'system' });
    return true;
  });
}

/**
 * The local administrator `npm start` signs in (no password: it signs in with a one-time token printed on the
 * terminal, the way Jupyter does), admin of every fund; returns a fresh token valid for an hour.
 */
export async function localAdminToken(store: Store, name = 'local-admin'): Promise<string> {
  return store.transaction(async (tx) => {
    const user = (await userByName(tx, name)) ?? (await createUser(tx, { name, displayName: '本机管理员 local administrator', admin: true }));
    if (!user) throw new Error(`could not create ${name}`);
    const funds = await tx.query<{ id: string }>('select id from funds');
    for (const f of funds) await grantRole(tx, user.id, f.id, 'admin');
    return createLoginToken(tx, user.id, 60);
  });
}
