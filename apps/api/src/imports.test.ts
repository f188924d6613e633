// Imports as uploads (docs/api.md §2): the CLI's `fundladder import` over HTTP, previewed, then saved as a version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './app';
import type { Store } from './db/store';
import { createFund } from './repo/funds';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { testStoreKinds } from './testing/stores';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples', 'import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(EXAMPLES, name)));

function form(fields: Record<string, string | { name: string; bytes: Uint8Array }>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, typeof v === 'string' ? v : new File([v.bytes], v.name));
  return f;
}

for (const kind of await testStoreKinds()) {
  describe(`imports on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let api: ReturnType<typeof createApi>;
    let cookie = '';
    let csrf = '';
    const upload = async (fields: Record<string, string | { name: string; bytes: Uint8Array }>) => {
      const res = await api.request('http://localhost/api/funds/north/imports', { method: 'POST', body: form(fields), headers: { cookie, 'x-csrf-token': csrf, origin: 'http://localhost' } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const tables = {
      history: { name: 'flows-gbk.csv', bytes: bytes('flows-gbk.csv') },
      flows: { name: 'budget-2026.csv', bytes: bytes('budget-2026.csv') },
      banks: { name: 'banks.xlsx', bytes: bytes('banks.xlsx') },
      accounts: { name: 'accounts.csv', bytes: bytes('accounts.csv') },
    };

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县' });
      await makeUser(store, 'p', { roles: { north: 'planner' } });
      api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS });
      const client = new TestClient(api);
      const r = await client.login('p', 'pw-p-0123456789');
      csrf = (r.body as { csrfToken: string }).csrfToken;
      cookie = `fl_session=${/fl_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')![1]}`;
    }, 60_000);
    afterAll(async () => dispose?.());

    it('previews a GBK CSV in 万元 with 2025年1月 months and an XLSX of quotes, saving no scenario', async () => {
      const r = await upload({ ...tables, name: '北县基金' });
      expect(r.status).toBe(200);
      expect(r.body.outcome).toBe('preview');
      const changes = r.body.changes as Array<{ part: string; after: number; text: string }>;
      expect(changes.find((c) => c.part === 'history')).toMatchObject({ after: 72 });
      expect(changes.find((c) => c.part === 'banks')).toMatchObject({ after: 5 });
      expect(changes.find((c) => c.part === 'history')!.text).toMatch(/收支历史/);
      expect(await store.query('select 1 from scenarios')).toHaveLength(0);
    });

    it('saves it as version 1 of a new scenario, the files kept with their sha256', async () => {
      const r = await upload({ ...tables, name: '北县基金', mode: 'save' });
      expect(r.status).toBe(200);
      expect(r.body.outcome).toBe('saved');
      expect((r.body.version as { version: number }).version).toBe(1);
      const [row] = await store.query<{ files: Array<{ file: string; sha256: string }>; n: number }>('select files, cardinality(contents) as n from imports where outcome = $1', ['saved']);
      expect(row!.n).toBe(4);
      expect(row!.files.map((f) => f.file)).toEqual(['flows-gbk.csv', 'budget-2026.csv', 'banks.xlsx', 'accounts.csv']);
    });

    it('refuses a file with a bad cell naming file, row and column, and saves no version', async () => {
      const bad = new TextEncoder().encode('月份,险种,收入（万元）,支出（万元）\n2025-01,失业保险基金,12.5,3\n2025-02,失业保险基金,abc,3\n');
      const before = await store.query('select id from scenario_versions');
      const r = await upload({ history: { name: 'bad.csv', bytes: bad }, scenarioId: '1', mode: 'save' });
      expect(r.status).toBe(200);
      expect(r.body.outcome).toBe('refused');
      const issue = (r.body.issues as Array<{ file: string; row: number; column: string; text: string }>)[0]!;
      expect(issue).toMatchObject({ file: 'bad.csv', row: 3, column: '收入（万元）' });
      expect(issue.text).toContain('abc');
      expect(await store.query('select id from scenario_versions')).toHaveLength(before.length);
    });

    it('refuses an unknown form field by name', async () => {
      const r = await upload({ ...tables, nmae: 'x' });
      expect(r.status).toBe(422);
      expect((r.body.issues as Array<{ path: unknown[] }>)[0]!.path).toEqual(['nmae']);
    });
  });
}
