// The Overview and the maturity ladder (docs/api.md, "Overview") on every store: every figure is the exact ledger's,
// checked here against the ledger run directly (core's evaluatePlan on the same scenario and plan), and the cover
// against warning rule (a)'s own division.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal, evaluatePlan, validateScenario } from '@fundladder/core';
import { decodeResult } from '@fundladder/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './app';
import type { Store } from './db/store';
import { type Runner, startRunner } from './jobs/runner';
import { createFund } from './repo/funds';
import { createScenario } from './repo/scenarios';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { finishedRun } from './testing/runs';
import { testStoreKinds } from './testing/stores';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
const scenario = (() => {
  const v = validateScenario(sample);
  if (!v.ok) throw new Error('the sample does not validate');
  return v.value;
})();

type Row = { cash: string; liquidDeposits: string; termDeposits: string; bonds: string; total: string };
interface Overview {
  scenarioVersionId: string;
  asOf: string;
  position: { total: Row; byFundType: (Row & { fundType: string })[]; byBank: (Row & { bankId: string | null })[] };
  cover: { windowMonths: number; byFundType: { fundType: string; liquid: string; meanOutflow?: string; monthsCovered?: string; months: { month: string; outflow: string }[] }[] };
  maturities: { id: string; maturityDate: string; principal: string; interest: string }[];
  statutory: { accountId: string; contractRate: string; statutoryRate: string; gapBp: string }[];
  structural: { runId: string; byFundType: { fundType: string; structuralShortProbability: number }[] } | null;
}
interface Ladder { months: { month: string; outstanding: { product: string; termMonths: number; amount: string }[]; maturing: { product: string; amount: string }[] }[] }

const total = (xs: readonly string[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed(2);

for (const kind of await testStoreKinds()) {
  describe(`overview and ladder on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let runner: Runner;
    let client: TestClient;
    let versionId = '';
    const ledger = evaluatePlan(scenario, { schemaVersion: 1, name: 'nothing placed', placements: [] });
    if (!ledger.ok) throw new Error('the sample does not evaluate');
    const report = ledger.value.report;

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县' });
      versionId = (await createScenario(store, { fundId: 'north', name: '示例', body: sample }))!.id;
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10 });
      const api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, onQueued: () => runner.wake(), eventPollMs: 50 });
      const u = await makeUser(store, 'planner1', { roles: { north: 'planner' } });
      client = new TestClient(api);
      expect((await client.login('planner1', u.password)).status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await runner.stop();
      await dispose();
    });

    it('states the position today as the ledger opens the horizon: by fund type and by bank, adding up to its opening total', async () => {
      const r = await client.get<Overview>('/api/funds/north/overview');
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const { position } = r.body;
      expect(r.body.scenarioVersionId).toBe(versionId);
      expect(position.total.total).toBe(report.months[0]!.openingTotal.toFixed(2));
      expect(total(position.byFundType.map((x) => x.total))).toBe(position.total.total);
      expect(total(position.byBank.map((x) => x.total))).toBe(position.total.total);
      // Cash is the accounts' balances; the rest the holdings the ledger opened (a stale one is not among them).
      expect(position.total.cash).toBe(total(scenario.accounts.map((a) => a.openingBalance.toFixed(2))));
      for (const row of [position.total, ...position.byFundType, ...position.byBank]) expect(total([row.cash, row.liquidDeposits, row.termDeposits, row.bonds])).toBe(row.total);
      expect(position.byFundType.map((x) => x.fundType)).toEqual(scenario.fundTypes);
    });

    it('gives each fund type’s months of payouts covered by the division warning rule (a) makes, truncated to 2 places', async () => {
      const { cover } = (await client.get<Overview>('/api/funds/north/overview')).body;
      expect(cover.byFundType.map((c) => c.fundType).sort()).toEqual([...scenario.fundTypes].sort());
      for (const c of cover.byFundType) {
        const liquid = scenario.accounts.filter((a) => a.fundType === c.fundType).reduce((a, x) => a.plus(x.openingBalance), new Decimal(0));
        expect(c.liquid).toBe(liquid.toFixed(2));
        const flows = scenario.flows.filter((f) => f.fundType === c.fundType).slice(0, cover.windowMonths);
        expect(c.months.map((m) => m.outflow)).toEqual(flows.map((f) => f.outflow.toFixed(2)));
        const mean = flows.reduce((a, f) => a.plus(f.outflow), new Decimal(0)).div(flows.length);
        // A fund type with no payout in the window has no cover figure (nothing to divide by).
        expect(c.monthsCovered).toBe(mean.gt(0) ? liquid.div(mean).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2) : undefined);
      }
    });

    it('lists the next maturities earliest first with the interest the ledger paid, and the statutory-rate findings', async () => {
      const r = (await client.get<Overview>('/api/funds/north/overview?maturities=3')).body;
      const closed = report.closedPositions.filter((c) => c.position.origin === 'existing').sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : a.position.id < b.position.id ? -1 : 1));
      expect(r.maturities.map((m) => [m.id, m.maturityDate, m.principal, m.interest])).toEqual(closed.slice(0, 3).map((c) => [c.position.id, c.endDate, c.position.principal.toFixed(2), c.interest.toFixed(2)]));
      const findings = report.findings.filter((f) => f.code === 'below_statutory_rate');
      expect(r.statutory.map((s) => s.accountId)).toEqual(findings.map((f) => f.subject));
      for (const s of r.statutory) expect(new Decimal(s.statutoryRate).minus(s.contractRate).times(10_000).toString()).toBe(s.gapBp);
      expect(r.structural).toBeNull();
    });

    it('refuses a version of another fund or none, by name', async () => {
      const r = await client.get<{ error: { code: string } }>('/api/funds/north/overview?version=999999');
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    });

    it('after an optimize run: the structural gaps of its check, and its ladder equal to the ledger’s month-end holdings', async () => {
      const created = await client.post<{ run: { id: string } }>('/api/funds/north/runs', { kind: 'optimize', scenario: { scenarioVersion: versionId }, options: { paths: 200, planningPaths: 300, seed: 7 } });
      expect(created.status, JSON.stringify(created.body)).toBe(202);
      const runId = created.body.run.id;
      await client.get(`/api/funds/north/runs/${runId}/events`);
      const run = await client.get<{ state: string; result: unknown }>(`/api/funds/north/runs/${runId}`);
      expect(run.body.state).toBe('done');
      const decoded = decodeResult(run.body.result);
      if (!decoded.ok || decoded.value.kind !== 'optimize' || !decoded.value.plan || !decoded.value.stress) throw new Error('no optimize plan');
      const result = decoded.value;

      const o = (await client.get<Overview>('/api/funds/north/overview')).body;
      expect(o.structural?.runId).toBe(runId);
      expect(o.structural?.byFundType).toEqual(result.stress!.byFundType.map((f) => expect.objectContaining({ fundType: f.fundType, structuralShortProbability: f.structuralShortProbability })));

      const l = await client.get<Ladder>(`/api/funds/north/runs/${runId}/ladder`);
      expect(l.status, JSON.stringify(l.body)).toBe(200);
      const ev = evaluatePlan(scenario, { schemaVersion: 1, ...result.plan });
      if (!ev.ok) throw new Error('the plan does not evaluate');
      expect(ev.value.report.totals.interestEarned.toFixed(2)).toBe(result.interest!.toFixed(2));
      expect(l.body.months.map((m) => m.month)).toEqual(ev.value.report.months.map((m) => m.month));
      ev.value.report.months.forEach((lm, k) => {
        const byProduct = new Map<string, Decimal>();
        for (const h of lm.holdings) byProduct.set(h.product, (byProduct.get(h.product) ?? new Decimal(0)).plus(h.amount));
        const mine = new Map<string, Decimal>();
        for (const x of l.body.months[k]!.outstanding) mine.set(x.product, (mine.get(x.product) ?? new Decimal(0)).plus(x.amount));
        const wire = (m: Map<string, Decimal>) => Object.fromEntries([...m].filter(([, v]) => !v.isZero()).map(([p, v]) => [p, v.toFixed(2)]));
        expect(wire(mine), lm.month).toEqual(wire(byProduct));
        expect(total(l.body.months[k]!.maturing.map((x) => x.amount)), lm.month).toBe(lm.matured.toFixed(2));
      });
    }, 240_000);

    it('has no ladder for a run that is not a finished optimize run', async () => {
      const runId = await finishedRun(store, { fundId: 'north', versionId, createdBy: 'planner1', tag: 'not optimize' });
      const l = await client.get<{ error: { code: string } }>(`/api/funds/north/runs/${runId}/ladder`);
      expect(l.status).toBe(409);
      expect(l.body.error.code).toBe('no_plan');
    });
  });
}
