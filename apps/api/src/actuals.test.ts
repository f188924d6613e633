// Monthly actuals (实际收支), forecast-against-actual variance and the early warnings (预警) over HTTP on every store
// (docs/api.md, "Actuals and variance", "Early warnings"). Forecast figures are the sample fund's `flows` (examples/county-fund/scenario.json); every
// expected variance was computed by hand and is re-derived with Decimal beside it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Decimal } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { type EvaluationSummary, decodeResult, encodeResult, execute } from '@fundladder/app';
import { createApi } from './app';
import type { Store } from './db/store';
import { type Runner, startRunner } from './jobs/runner';
import { createFund } from './repo/funds';
import { createRun } from './repo/runs';
import { createScenario } from './repo/scenarios';
import { TEST_PASSWORD_PARAMS, TestClient, makeUser } from './testing/client';
import { testStoreKinds } from './testing/stores';
import { warningsOnFinished } from './warnings/evaluate';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const sample = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as { flows: { month: string; fundType: string; inflow: string; outflow: string }[] };
const samplePlan = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/plan.json'), 'utf8')) as { placements: unknown[] };
const d = (s: string) => new Decimal(s);
const forecastOf = (month: string, fundType: string) => sample.flows.find((f) => f.month === month && f.fundType === fundType)!;
/** The percentage as the API rounds it: half up to 0.01. */
const percent = (actual: string, forecast: string) => d(actual).minus(forecast).div(forecast).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

// One optimize of the sample, shared by the stores (the optimizer takes half a minute on a loaded machine): its wire
// result is stored as a finished run on each store and the warnings evaluated on it as the runner's hook does.
let optimizeWire: unknown;
const optimizeRequest = { kind: 'optimize', scenario: sample, options: { paths: 200, planningPaths: 200, seed: 3 } };

interface Actual { id: string; month: string; fundType: string; inflow: string; outflow: string; source: string | null; supersededBy: string | null; createdBy: string }
interface Warning { id: string; rule: string; subject: string; state: string; firstSeen: string; clearedAt: string | null; detail: Record<string, unknown> }
interface Issue { code: string; path: unknown[]; rule: string; received?: string; limit?: string }
interface Figures { forecast: string | null; actual: string; variance: string | null; variancePercent: string | null }

beforeAll(async () => {
  const r = await execute(optimizeRequest as never);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  optimizeWire = JSON.parse(JSON.stringify(encodeResult(r.value)));
}, 300_000);

for (const kind of await testStoreKinds()) {
  describe(`actuals, variance and warnings on ${kind.kind}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    let runner: Runner;
    let planner: TestClient;
    let viewer: TestClient;
    let sampleVersion = '';
    let otherFundVersion = '';
    const rowCount = async () => Number((await store.query<{ n: string }>('select count(*) as n from actuals'))[0]!.n);
    const warnings = async (query = '') => (await viewer.get<{ warnings: Warning[] }>(`/api/funds/north/warnings${query}`)).body.warnings;
    const open = async (rule: string) => (await warnings('?state=open')).filter((w) => w.rule === rule).map((w) => w.subject).sort();

    beforeAll(async () => {
      ({ store, dispose } = await kind.open());
      await createFund(store, { id: 'north', name: '北县' });
      await createFund(store, { id: 'bare', name: '无方案的县' });
      await createFund(store, { id: 'south', name: '南县' });
      // Two scenarios: 'tiny' knows two fund types; the sample (saved last: the newest version) knows all eight.
      await createScenario(store, { fundId: 'north', name: 'tiny', body: tinyScenario() });
      sampleVersion = (await createScenario(store, { fundId: 'north', name: '示例', body: sample }))!.id;
      otherFundVersion = (await createScenario(store, { fundId: 'south', name: '示例', body: sample }))!.id;
      const p = await makeUser(store, 'planner1', { roles: { north: 'planner', bare: 'planner' } });
      const v = await makeUser(store, 'viewer1', { roles: { north: 'viewer' } });
      runner = startRunner(store, { pollMs: 100, leaseSeconds: 10, onFinished: warningsOnFinished(store) });
      const api = createApi({ store, codeVersion: 'test', passwordParams: TEST_PASSWORD_PARAMS, onQueued: () => runner.wake(), eventPollMs: 50 });
      planner = new TestClient(api);
      viewer = new TestClient(api);
      expect((await planner.login('planner1', p.password)).status).toBe(200);
      expect((await viewer.login('viewer1', v.password)).status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await runner?.stop();
      await dispose?.();
    });

    it('records a batch of actuals as decimal strings in yuan, and lists them by month and fund type', async () => {
      const r = await planner.post<{ actuals: Actual[]; superseded: unknown[]; unchanged: unknown[]; warnings: { opened: Warning[]; cleared: Warning[] } }>('/api/funds/north/actuals', {
        source: '2026年1–2月社保基金收支月报',
        rows: [
          { month: '2026-02', fundType: 'employeePension', inflow: '35000000.00', outflow: '38000000' },
          { month: '2026-01', fundType: 'employeePension', inflow: '33000000.00', outflow: '37000000.50' },
          { month: '2025-12', fundType: 'employeePension', inflow: '30000000.00', outflow: '36000000.00' },
        ],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.actuals.map((a) => [a.month, a.inflow, a.outflow, a.supersededBy])).toEqual([
        ['2026-02', '35000000.00', '38000000.00', null],
        ['2026-01', '33000000.00', '37000000.50', null],
        ['2025-12', '30000000.00', '36000000.00', null],
      ]);
      expect(r.body.actuals[0]).toMatchObject({ source: '2026年1–2月社保基金收支月报', createdBy: 'planner1' });
      expect(r.body.warnings).toEqual({ opened: [], cleared: [] });
      const list = await viewer.get<{ actuals: Actual[] }>('/api/funds/north/actuals');
      expect(list.body.actuals.map((a) => a.month)).toEqual(['2025-12', '2026-01', '2026-02']);
      expect((await viewer.post('/api/funds/north/actuals', { rows: [{ month: '2026-03', fundType: 'employeePension', inflow: '1.00', outflow: '1.00' }] })).status).toBe(403);
    });

    it('refuses a batch with any bad row, naming each row and field, and records no row of it', async () => {
      const before = await rowCount();
      const r = await planner.post<{ error: { code: string }; issues: Issue[] }>('/api/funds/north/actuals', {
        scenario: 'tiny',
        rows: [
          { month: '2026-03', fundType: 'employeePension', inflow: '38000000.00', outflow: '40000000.00' },
          { month: '2026-13', fundType: 'employeePension', inflow: '1.00', outflow: '1.00' },
          { month: '2026-03', fundType: 'maternity', inflow: '0.00', outflow: '0.00' },
          { month: '2026-04', fundType: 'workInjury', inflow: '-5.00', outflow: '1.00' },
          { month: '2026-05', fundType: 'workInjury', inflow: '1.00', outflow: '1.234' },
          { month: '2026-03', fundType: 'employeePension', inflow: '1.00', outflow: '1.00' },
        ],
      });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('invalid_actuals');
      expect(r.body.issues.map((i) => [i.path, i.rule])).toEqual([
        [['rows', 1, 'month'], 'monthKey'],
        [['rows', 2, 'fundType'], 'fundTypeOfScenario'],
        [['rows', 3, 'inflow'], 'nonNegativeAmount'],
        [['rows', 4, 'outflow'], 'toTheFen'],
        [['rows', 5, 'month'], 'oneRowPerMonthAndFundType'],
      ]);
      expect(r.body.issues[1]).toMatchObject({ received: 'maternity', limit: 'employeePension | workInjury' });
      // A number where money is a string, a key the row does not have, an unknown scenario, a fund with no scenario.
      const typed = await planner.post<{ issues: Issue[] }>('/api/funds/north/actuals', { rows: [{ month: '2026-03', fundType: 'employeePension', inflow: 1.5, outflow: '1.00' }] });
      expect([typed.status, typed.body.issues[0]!.path]).toEqual([422, ['rows', 0, 'inflow']]);
      const extra = await planner.post<{ issues: Issue[] }>('/api/funds/north/actuals', { rows: [{ month: '2026-03', fundType: 'employeePension', inflow: '1.00', outflow: '1.00', inflw: '2' }] });
      expect([extra.status, extra.body.issues[0]!.path]).toEqual([422, ['rows', 0, 'inflw']]);
      const unknown = await planner.post<{ issues: Issue[] }>('/api/funds/north/actuals', { scenario: 'nope', rows: [{ month: '2026-03', fundType: 'employeePension', inflow: '1.00', outflow: '1.00' }] });
      expect([unknown.status, unknown.body.issues[0]!.path, unknown.body.issues[0]!.rule]).toEqual([422, ['scenario'], 'scenarioOfFund']);
      const bare = await planner.post<{ issues: Issue[] }>('/api/funds/bare/actuals', { rows: [{ month: '2026-03', fundType: 'employeePension', inflow: '1.00', outflow: '1.00' }] });
      expect([bare.status, bare.body.issues[0]!.rule]).toEqual([422, 'fundTypeOfScenario']);
      expect(await rowCount()).toBe(before);
    });

    it('corrects a figure with a new row that supersedes the old (nothing overwritten); the same figure again records nothing', async () => {
      const [old] = (await viewer.get<{ actuals: Actual[] }>('/api/funds/north/actuals')).body.actuals;
      expect(old!.month).toBe('2025-12');
      const r = await planner.post<{ actuals: Actual[]; superseded: { id: string; supersededBy: string }[] }>('/api/funds/north/actuals', { source: '更正', rows: [{ month: '2025-12', fundType: 'employeePension', inflow: '30000000.00', outflow: '36500000.00' }] });
      expect(r.status).toBe(201);
      expect(r.body.superseded).toEqual([{ id: old!.id, supersededBy: r.body.actuals[0]!.id }]);
      const current = (await viewer.get<{ actuals: Actual[] }>('/api/funds/north/actuals')).body.actuals;
      expect(current.filter((a) => a.month === '2025-12').map((a) => a.outflow)).toEqual(['36500000.00']);
      const history = (await viewer.get<{ actuals: Actual[] }>('/api/funds/north/actuals?history=true')).body.actuals.filter((a) => a.month === '2025-12');
      expect(history.map((a) => [a.outflow, a.supersededBy])).toEqual([['36000000.00', r.body.actuals[0]!.id], ['36500000.00', null]]);
      const again = await planner.post<{ actuals: Actual[]; unchanged: unknown[] }>('/api/funds/north/actuals', { rows: [{ month: '2025-12', fundType: 'employeePension', inflow: '30000000', outflow: '36500000.0' }] });
      expect(again.body.actuals).toEqual([]);
      expect(again.body.unchanged).toEqual([{ month: '2025-12', fundType: 'employeePension', id: r.body.actuals[0]!.id }]);
      // The database keeps it so: a figure cannot be changed, a row not deleted, a superseded row not superseded again.
      await expect(store.query('update actuals set outflow = 1 where id = $1', [r.body.actuals[0]!.id])).rejects.toThrow(/new row/);
      await expect(store.query('delete from actuals where id = $1', [old!.id])).rejects.toThrow(/new row/);
      await expect(store.query('update actuals set superseded_by = $1 where id = $2', [old!.id, old!.id])).rejects.toThrow(/new row/);
    });

    it('gives forecast against actual per month and fund type, in yuan and in % of the forecast, as decimal strings', async () => {
      const r = await viewer.get<{ scenarioVersion: string; rows: Array<{ month: string; fundType: string; inflow: Figures; outflow: Figures }>; totals: Array<{ fundType: string; months: number; inflow: Figures; outflow: Figures }> }>(`/api/funds/north/variance?scenarioVersion=${sampleVersion}`);
      expect(r.status).toBe(200);
      expect(r.body.scenarioVersion).toBe(sampleVersion);
      const jan = forecastOf('2026-01', 'employeePension');
      const feb = forecastOf('2026-02', 'employeePension');
      // 2026-01: 33,000,000.00 − 32,364,955.00 = 635,045.00 (1.96 %); 37,000,000.50 − 37,656,418.00 = −656,417.50 (−1.74 %).
      // 2026-02: 35,000,000.00 − 35,311,221.00 = −311,221.00 (−0.88 %); 38,000,000.00 − 37,750,559.00 = 249,441.00 (0.66 %).
      expect(r.body.rows).toEqual([
        { month: '2025-12', fundType: 'employeePension', inflow: { forecast: null, actual: '30000000.00', variance: null, variancePercent: null }, outflow: { forecast: null, actual: '36500000.00', variance: null, variancePercent: null } },
        { month: '2026-01', fundType: 'employeePension', inflow: { forecast: '32364955.00', actual: '33000000.00', variance: '635045.00', variancePercent: '1.96' }, outflow: { forecast: '37656418.00', actual: '37000000.50', variance: '-656417.50', variancePercent: '-1.74' } },
        { month: '2026-02', fundType: 'employeePension', inflow: { forecast: '35311221.00', actual: '35000000.00', variance: '-311221.00', variancePercent: '-0.88' }, outflow: { forecast: '37750559.00', actual: '38000000.00', variance: '249441.00', variancePercent: '0.66' } },
      ]);
      expect([jan.inflow, jan.outflow, feb.inflow, feb.outflow]).toEqual(['32364955.00', '37656418.00', '35311221.00', '37750559.00']);
      expect([percent('33000000.00', jan.inflow), percent('37000000.50', jan.outflow), percent('35000000.00', feb.inflow), percent('38000000.00', feb.outflow)]).toEqual(['1.96', '-1.74', '-0.88', '0.66']);
      // Totals over the months with both: 68,000,000.00 against 67,676,176.00 (0.48 %), 75,000,000.50 against 75,406,977.00 (−0.54 %).
      expect(r.body.totals).toEqual([{ fundType: 'employeePension', months: 2, inflow: { forecast: '67676176.00', actual: '68000000.00', variance: '323824.00', variancePercent: '0.48' }, outflow: { forecast: '75406977.00', actual: '75000000.50', variance: '-406976.50', variancePercent: '-0.54' } }]);
      expect(d(jan.inflow).plus(feb.inflow).toFixed(2)).toBe('67676176.00');
      expect(percent('75000000.50', d(jan.outflow).plus(feb.outflow).toFixed(2))).toBe('-0.54');
      // Another fund's version, one that does not exist, none given.
      expect((await viewer.get(`/api/funds/north/variance?scenarioVersion=${otherFundVersion}`)).status).toBe(404);
      expect((await viewer.get('/api/funds/north/variance?scenarioVersion=999999')).status).toBe(404);
      expect((await viewer.get('/api/funds/north/variance')).status).toBe(422);
    });

    it('opens a months-of-payouts warning when actual payouts run high, clears it on the correction, and reopens it', async () => {
      const post = (outflow: string) => planner.post<{ warnings: { opened: Warning[]; cleared: Warning[] } }>('/api/funds/north/actuals', { rows: [{ month: '2026-01', fundType: 'publicSectorPension', inflow: '21384667.00', outflow }] });
      // (30,000,000 + 25,967,954 + 26,021,942) / 3 = 27,329,965.33 a month; 80,018,826.40 / that = 2.92 months < 3.
      const high = await post('30000000.00');
      expect(high.body.warnings.opened.map((w) => [w.rule, w.subject, w.state])).toEqual([['monthsCovered', 'publicSectorPension', 'open']]);
      expect(high.body.warnings.opened[0]!.detail).toMatchObject({ liquid: '80018826.40', meanOutflow: '27329965.33', monthsCovered: '2.92', threshold: '3', scenarioVersionId: sampleVersion });
      expect(d('80018826.40').div(d('30000000.00').plus('25967954.00').plus('26021942.00').div(3)).toFixed(2, Decimal.ROUND_DOWN)).toBe('2.92');
      expect(await open('monthsCovered')).toEqual(['publicSectorPension']);
      const first = (await warnings()).find((w) => w.rule === 'monthsCovered')!;

      // The forecast figure: 3.08 months again.
      const corrected = await post('25913967.00');
      expect(corrected.body.warnings.cleared.map((w) => [w.rule, w.subject, w.state])).toEqual([['monthsCovered', 'publicSectorPension', 'cleared']]);
      const cleared = (await warnings('?state=cleared')).find((w) => w.rule === 'monthsCovered')!;
      expect(cleared).toMatchObject({ id: first.id, state: 'cleared', firstSeen: first.firstSeen });
      expect(cleared.clearedAt).not.toBeNull();

      const again = await post('30000000.00');
      expect(again.body.warnings.opened.map((w) => w.id)).toEqual([first.id]);
      expect(again.body.warnings.opened[0]!.clearedAt).toBeNull();
      expect(new Date(again.body.warnings.opened[0]!.firstSeen).getTime()).toBeGreaterThanOrEqual(new Date(cleared.clearedAt!).getTime());
    });

    it('evaluates the warnings after a finished run: caps near, statutory-rate findings, maturities left unplaced — and clears those a later run no longer finds', async () => {
      const evaluate = async (plan: unknown) => {
        const r = await planner.post<{ run: { id: string } }>('/api/funds/north/runs', { kind: 'evaluate', scenario: { scenarioVersion: sampleVersion }, plan });
        expect(r.status, JSON.stringify(r.body)).toBe(202);
        await planner.get(`/api/funds/north/runs/${r.body.run.id}/events`);
        const run = await planner.get<{ state: string; result: unknown }>(`/api/funds/north/runs/${r.body.run.id}`);
        expect(run.body.state).toBe('done');
        const decoded = decodeResult(run.body.result);
        if (!decoded.ok || decoded.value.kind !== 'evaluate') throw new Error('not an evaluate result');
        return { id: r.body.run.id, evaluation: decoded.value.evaluation };
      };
      const nearCaps = (ev: EvaluationSummary) => ev.kpis.bankCapUsage.filter((u) => [u.tranche, u.localDeposits, u.fundShare].some((x) => x?.gte('0.8'))).map((u) => u.bankId).sort();
      const unpaidRates = (ev: EvaluationSummary) => [...new Set(ev.findings.filter((f) => f.code === 'below_statutory_rate').map((f) => f.subject!))].sort();
      const sixMaturing = ['h-ep2301-ccb', 'h-ep2301-cib', 'h-ep2301-citic', 'h-ep2301-city', 'h-ep2301-icbc', 'h-ep2301-psbc'];

      // The sample plan places 职工养老 money on 2026-01-01 and next on 2026-04-01: the 60,000,000 maturing 2026-01-16 waits.
      const first = await evaluate(samplePlan);
      await vi.waitFor(async () => expect(await open('maturityUnplaced')).toEqual(sixMaturing), { timeout: 20_000, interval: 100 });
      expect(await open('bankCapNear')).toEqual(nearCaps(first.evaluation));
      expect(nearCaps(first.evaluation)).toEqual(['ccb', 'cib', 'citic', 'city', 'icbc', 'psbc']);
      expect(await open('belowStatutoryRate')).toEqual(unpaidRates(first.evaluation));
      expect(unpaidRates(first.evaluation)).toHaveLength(11);
      const maturing = (await warnings()).find((w) => w.subject === 'h-ep2301-icbc')!;
      expect(maturing.detail).toMatchObject({ maturityDate: '2026-01-16', principal: '10000000.00', unplaced: '10000000.00', runId: first.id, runKind: 'evaluate' });

      // The same plan, with each maturing 10,000,000 placed again on 2026-02-01 at its bank for a year.
      const replaced = { ...samplePlan, name: '含到期再存', placements: [...samplePlan.placements, ...['icbc', 'ccb', 'psbc', 'cib', 'citic', 'city'].map((bankId) => ({ month: '2026-02', product: 'timeDeposit', termMonths: 12, bankId, fundType: 'employeePension', amount: '10000000.00' }))] };
      const second = await evaluate(replaced);
      await vi.waitFor(async () => expect(await open('maturityUnplaced')).toEqual([]), { timeout: 20_000, interval: 100 });
      const all = await warnings();
      expect(all.filter((w) => w.rule === 'maturityUnplaced').map((w) => [w.subject, w.state])).toEqual(sixMaturing.map((s) => [s, 'cleared']));
      expect(await open('bankCapNear')).toEqual(nearCaps(second.evaluation));
      // The months-of-payouts warning opened by the actuals stays open: the run's evaluation finds it too.
      expect(await open('monthsCovered')).toEqual(['publicSectorPension']);
    }, 90_000);

    it('takes the structural gaps from an optimize result’s stress summary, per fund type', async () => {
      const decoded = decodeResult(optimizeWire);
      if (!decoded.ok || decoded.value.kind !== 'optimize' || !decoded.value.stress) throw new Error('no optimize stress');
      const expected = decoded.value.stress.byFundType.filter((f) => f.structuralShortProbability > 0).map((f) => f.fundType).sort();
      expect(expected.length).toBeGreaterThan(0);
      // Stored as a finished run (created and finished in one transaction: the runner never sees it queued).
      const runId = await store.transaction(async (tx) => {
        const { run } = await createRun(tx, { fundId: 'north', kind: 'optimize', scenarioVersionIds: [sampleVersion], request: { ...optimizeRequest, scenario: { scenarioVersion: sampleVersion } }, requestHash: 'optimize-once', codeVersion: 'test', createdBy: 'planner1' });
        await tx.query("update runs set state = 'done', result = $2::jsonb, started_at = now(), finished_at = now() where id = $1", [run.id, JSON.stringify(optimizeWire)]);
        return run.id;
      });
      await warningsOnFinished(store)(runId, 'north');
      expect(await open('structuralGap')).toEqual(expected);
      const gap = (await warnings()).find((w) => w.rule === 'structuralGap')!;
      const stress = decoded.value.stress.byFundType.find((f) => f.fundType === gap.subject)!;
      expect(gap.detail).toMatchObject({ fundType: gap.subject, structuralShortProbability: stress.structuralShortProbability, runId, runKind: 'optimize' });
    });
  });
}
