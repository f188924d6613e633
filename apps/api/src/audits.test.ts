// The interest audit over HTTP (docs/audit.md §2, docs/api.md §2): the bank's statement uploaded as the bureau has it
// (examples/audit/statement-gbk.csv, GBK) with the scenario version to audit against; read by the CLI's reader, queued
// as an auditInterest run, followed with the run routes, and its report downloaded. The figures are docs/audit.md §2.3's
// worked examples (hand computation in packages/app/src/jobs/auditInterest.test.ts): 3,055.55 owed on row 3 (one day's
// interest on 1亿 of pension demand money), 23,000.00 on row 5 (the pension floor 1.10% over a 0.65% contract).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './app';
import type { Store } from './db/store';
import { type Runner, startRunner } from './jobs/runner';
import { createFund } from './repo/funds';
import { createScenario } from './repo/scenarios';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { tableCounts } from './testing/rows';
import { testStoreKinds } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const auditScenario = JSON.parse(readFileSync(join(ROOT, 'examples', 'audit', 'scenario.json'), 'utf8')) as unknown;
const STATEMENT = new Uint8Array(readFileSync(join(ROOT, 'examples', 'audit', 'statement-gbk.csv')));

interface RunAnswer { run: { id: string; state: string; kind: string; request: { statement: { file: string; sha256: string; lines: unknown[] } } }; reused: boolean }
interface Issue { path: (string | number)[]; code: string; rule: string; file?: string; row?: number; column?: string; text: { zh: string; en: string } }
interface Problem { error: { code: string }; issues: Issue[] }

function form(fields: Record<string, string | { name: string; bytes: Uint8Array }>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, typeof v === 'string' ? v : new File([v.bytes], v.name));
  return f;
}

for (const kind of await testStoreKinds()) {
  describe(`interest audits over the API on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let runner: Runner;
    let api: ReturnType<typeof createApi>;
    let planner: TestClient;
    const sessions: Record<'planner' | 'viewer', { cookie: string; csrf: string }> = { planner: { cookie: '', csrf: '' }, viewer: { cookie: '', csrf: '' } };
    let versionId = '';
    let runId = '';

    const upload = async <T>(fields: Record<string, string | { name: string; bytes: Uint8Array }>, who: 'planner' | 'viewer' = 'planner') => {
      const { cookie, csrf } = sessions[who];
      const res = await api.request('http://localhost/api/funds/north/audits', { method: 'POST', body: form(fields), headers: { cookie, 'x-csrf-token': csrf, origin: 'http://localhost' } });
      return { status: res.status, body: (await res.json()) as T };
    };

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县社会保险基金' });
      versionId = (await createScenario(store, { fundId: 'north', name: '利息复核示例', body: auditScenario }))!.id;
      await makeUser(store, 'p', { roles: { north: 'planner' } });
      await makeUser(store, 'v', { roles: { north: 'viewer' } });
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
      api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, onQueued: () => runner.wake(), eventPollMs: 100 });
      for (const who of ['planner', 'viewer'] as const) {
        const client = new TestClient(api);
        const r = await client.login(who === 'planner' ? 'p' : 'v', who === 'planner' ? 'pw-p-0123456789' : 'pw-v-0123456789');
        sessions[who] = { csrf: (r.body as { csrfToken: string }).csrfToken, cookie: `fl_session=${/fl_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')![1]}` };
        if (who === 'planner') planner = client;
      }
    }, 60_000);
    afterAll(async () => {
      await runner?.stop();
      await dispose?.();
    });

    it('queues an audit of the GBK statement that ends done with the two planted differences, 26,055.55 owed in all', async () => {
      const r = await upload<RunAnswer>({ statement: { name: 'statement-gbk.csv', bytes: STATEMENT }, scenarioVersion: versionId });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      expect([r.body.run.kind, r.body.reused]).toEqual(['auditInterest', false]);
      // The run records the file by name and digest, and the lines read from it (scenario by reference).
      const statement = r.body.run.request.statement;
      expect([statement.file, statement.sha256, statement.lines.length]).toEqual(['statement-gbk.csv', createHash('sha256').update(STATEMENT).digest('hex'), 3]);
      runId = r.body.run.id;
      await planner.get(`/api/funds/north/runs/${runId}/events`);
      const done = await planner.get<{ state: string; result: { lines: { row: number; account: string; owedInterest: string; interestPaid: string; difference: string; outcome: string; rule: string; statutory: { source: string } }[]; totals: Record<string, string>; differences: number; file: string } }>(`/api/funds/north/runs/${runId}`);
      expect(done.body.state).toBe('done');
      const res = done.body.result;
      expect(res.lines.map((l) => [l.row, l.account, l.owedInterest, l.interestPaid, l.difference, l.outcome, l.rule])).toEqual([
        // 100,000,000 × 92 × 1.10% / 360 = 281,111.11 owed; 91 days paid = 278,055.56.
        [3, 'ep-fiscal', '281111.11', '278055.56', '3055.55', 'underpaid', 'contractRate'],
        // E1's 积数 1,022,000,000 × 0.35% / 360 = 9,936.11, as paid.
        [4, 'wi-fiscal', '9936.11', '9936.11', '0.00', 'match', 'contractRate'],
        // 20,000,000 × 92 at the pension floor 1.10% = 56,222.22; the 0.65% contract's 33,222.22 was paid.
        [5, 'ep-expenditure', '56222.22', '33222.22', '23000.00', 'underpaid', 'pensionDemandAtThreeMonth'],
      ]);
      expect(res.lines[2]!.statutory.source).toBe('银发〔1997〕567号 [R3]');
      expect([res.totals.difference, res.totals.underpaid, res.differences, res.file]).toEqual(['26055.55', '26055.55', 2, 'statement-gbk.csv']);
    }, 60_000);

    it('gives the same run back for the same file and version (200, reused)', async () => {
      const r = await upload<RunAnswer>({ statement: { name: 'statement-gbk.csv', bytes: STATEMENT }, scenarioVersion: versionId });
      expect([r.status, r.body.run.id, r.body.reused]).toEqual([200, runId, true]);
    });

    it('serves the audit report the bureau sends to the bank: the workbook with the total owed, and the printable page', async () => {
      const res = await planner.raw(`/api/funds/north/runs/${runId}/export.xlsx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`fundladder-run-${runId}-audit.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      expect(book.worksheets.map((w) => w.name)).toEqual(['利息复核', '说明']);
      const rows: unknown[][] = [];
      book.getWorksheet('利息复核')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows.find((row) => row[1] === '合计 total')?.[11]).toBe(26055.55);
      const page = await planner.raw(`/api/funds/north/runs/${runId}/report.html`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('应补利息合计 <b>26,055.55 元</b>');
      // The day the run finished, in China, as the day the report was prepared.
      expect(html).toMatch(/编制日期 <span class="en">prepared<\/span>：\d{4}-\d{2}-\d{2}/);
    });

    it('refuses a statement with a bad cell with 422 naming the file, the row and the column, and queues nothing', async () => {
      const before = await tableCounts(store, ['runs']);
      const bad = new TextEncoder().encode('账户,起息日,结息日,余额（元）,实付利息（元）\nep-fiscal,2025-03-21,2025-06-20,100000000,278055.56\nwi-fiscal,2025-03-21,2025-06-20,100000000,-5\n');
      const r = await upload<Problem>({ statement: { name: 'bad.csv', bytes: bad }, scenarioVersion: versionId });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('unreadable_statement');
      expect(r.body.issues.map((i) => [i.path, i.file, i.row, i.column])).toEqual([[['bad.csv', 3, '实付利息（元）'], 'bad.csv', 3, '实付利息（元）']]);
      expect(r.body.issues[0]!.text.zh).toBe('bad.csv:3:实付利息（元）: 金额不能为负，实为 "-5"');
      expect(await tableCounts(store, ['runs'])).toEqual(before);
    });

    it('refuses an account the scenario does not have with 422 naming its row, and queues nothing', async () => {
      const before = await tableCounts(store, ['runs']);
      const csv = new TextEncoder().encode('账户,起息日,结息日,余额（元）,实付利息（元）\nep-fisc,2025-03-21,2025-06-20,100000000,278055.56\n');
      const r = await upload<Problem>({ statement: { name: 'q2.csv', bytes: csv }, scenarioVersion: versionId });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('audit_refused');
      expect(r.body.issues.map((i) => [i.path, i.rule])).toEqual([[['q2.csv', 2, 'account'], 'knownAccount']]);
      expect(await tableCounts(store, ['runs'])).toEqual(before);
    });

    it('refuses a scenario version the fund does not have, at its field', async () => {
      const r = await upload<Problem>({ statement: { name: 'statement-gbk.csv', bytes: STATEMENT }, scenarioVersion: '999999' });
      expect(r.status).toBe(422);
      expect(r.body.issues.map((i) => [i.path, i.rule])).toEqual([[['scenario', 'scenarioVersion'], 'scenarioVersionOfFund']]);
    });

    it('refuses a viewer with 403: auditing is a planner’s write', async () => {
      const before = await tableCounts(store, ['runs']);
      const r = await upload<Problem>({ statement: { name: 'statement-gbk.csv', bytes: STATEMENT }, scenarioVersion: versionId }, 'viewer');
      expect(r.status).toBe(403);
      expect(await tableCounts(store, ['runs'])).toEqual(before);
    });
  });
}
