// The export routes (docs/exports.md): a finished optimize run's workbook and PDF report over HTTP, from the stored
// result (the optimizer is not run again).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '@fundladder/core';
import { decodeResult } from '@fundladder/app';
import { createApi } from './app';
import type { Store } from './db/store';
import { type Runner, startRunner } from './jobs/runner';
import { createFund } from './repo/funds';
import { createScenario } from './repo/scenarios';
import { INTEREST_EARNED_LABEL, SHEET_NAMES } from './export/workbook';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { testStoreKinds } from './testing/stores';

const sample = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'county-fund', 'scenario.json'), 'utf8')) as unknown;

for (const kind of await testStoreKinds()) {
  describe(`exports on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let runner: Runner;
    let api: ReturnType<typeof createApi>;
    let client: TestClient;
    let runId = '';
    let interest = new Decimal(0);

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县社会保险基金' });
      const v = (await createScenario(store, { fundId: 'north', name: '示例', body: sample }))!;
      await makeUser(store, 'v', { roles: { north: 'planner' } });
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
      api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, onQueued: () => runner.wake(), eventPollMs: 100 });
      client = new TestClient(api);
      await client.login('v', 'pw-v-0123456789');
      const r = await client.post<{ run: { id: string } }>('/api/funds/north/runs', { kind: 'optimize', scenario: { scenarioVersion: v.id }, options: { paths: 200, planningPaths: 300, seed: 7 } });
      runId = r.body.run.id;
      await client.get(`/api/funds/north/runs/${runId}/events`);
      const done = await client.get<{ state: string; result: unknown }>(`/api/funds/north/runs/${runId}`);
      expect(done.body.state).toBe('done');
      const decoded = decodeResult(done.body.result);
      if (!decoded.ok || decoded.value.kind !== 'optimize' || !decoded.value.evaluation) throw new Error('no optimize result');
      interest = decoded.value.evaluation.totals.interestEarned;
    }, 180_000);
    afterAll(async () => {
      await runner?.stop();
      await dispose?.();
    });

    it("downloads the workbook: its eight sheets, and the interest cell equal to the stored run's ledger figure to the fen", async () => {
      const res = await client.raw(`/api/funds/north/runs/${runId}/export.xlsx`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`fundladder-run-${runId}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_NAMES]);
      const ws = wb.getWorksheet('指标')!;
      let cell: ExcelJS.Cell | undefined;
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === INTEREST_EARNED_LABEL) cell = ws.getRow(r).getCell(2);
      // 来源: the run's stored result, decoded: evaluation.totals.interestEarned (the exact ledger's figure).
      expect(new Decimal(String(cell!.value)).toFixed(2)).toBe(interest.toFixed(2));
    }, 60_000);

    it('renders the PDF report, whose text shows the run id on every page', async () => {
      const res = await client.raw(`/api/funds/north/runs/${runId}/report.pdf`);
      expect(res.status).toBe(200);
      const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(await res.arrayBuffer()) }).toString('utf8');
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      for (const page of pages) expect(page).toContain(runId);
      expect(text).toContain('北县社会保险基金');
    }, 60_000);

    it('refuses to export a run that is not a finished optimize run', async () => {
      const r = await client.post<{ run: { id: string } }>('/api/funds/north/runs', { kind: 'interest', product: 'demand', principal: '1000000.00', annualRate: '0.0035', from: '2026-01-01', to: '2026-12-31' });
      const res = await client.get<{ error: { code: string } }>(`/api/funds/north/runs/${r.body.run.id}/export.xlsx`);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('not_exportable');
    });
  });
}
