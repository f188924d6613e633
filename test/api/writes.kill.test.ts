// A write the API acknowledged survives `kill -9`, and a write it did not finish leaves nothing half-saved
// (docs/api.md §9). A `serve` process takes a stream of scenario writes from four writers at once (a new scenario, then
// versions 2 and 3 of it, then the next); it is killed with `kill -9` while writes are in flight; the store is opened
// again (the PGlite folder by this process, as `serve` opens it; the server's database over a new connection) and read
// with SQL, which sees what the API's reads would hide (a scenario without versions is not listed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../apps/api/src/db/store';
import { hashJson } from '../../apps/api/src/http/hash';
import { addVersion } from '../../apps/api/src/repo/scenarios';
import { openStore } from '../../apps/api/src/store';
import { testStoreKinds } from '../../apps/api/src/testing/stores';
import { type HttpSession, SAMPLE_SCENARIO, killAll, startServe, until } from './harness';

const WRITERS = 4;
/** Acknowledged writes before the kill: enough that it falls in the middle of the stream, not at its start. */
const KILL_AFTER = 24;

afterAll(killAll);

interface Ack {
  readonly scenarioId: string;
  readonly versionId: string;
  readonly version: number;
  readonly bodyHash: string;
}

/**
 * Writers posting until the first failure (the process is gone): each creates a scenario, then versions 2 and 3 of it.
 * `onAck` sees every 2xx answer; `inFlight()` counts the requests sent and not yet answered.
 */
function writeStream(http: HttpSession, onAck: (a: Ack) => void): { done: Promise<unknown[]>; inFlight: () => number } {
  let pending = 0;
  const send = async <T>(path: string, body: unknown): Promise<{ status: number; body: T }> => {
    pending++;
    try {
      return await http.post<T>(path, body);
    } finally {
      pending--;
    }
  };
  const writer = async (w: number) => {
    for (let i = 0; ; i++) {
      const body = (v: number) => ({ ...SAMPLE_SCENARIO, description: `writer ${w}, scenario ${i}, version ${v}` });
      const created = await send<{ version: { id: string; scenarioId: string; version: number } }>('/api/funds/sample/scenarios', { name: `kill test ${w}-${i}`, body: body(1) });
      if (created.status !== 201) throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
      const scenarioId = created.body.version.scenarioId;
      onAck({ scenarioId, versionId: created.body.version.id, version: 1, bodyHash: hashJson(body(1)) });
      for (let v = 2; v <= 3; v++) {
        const r = await send<{ version: { id: string; version: number } }>(`/api/funds/sample/scenarios/${scenarioId}/versions`, { baseVersion: v - 1, body: body(v) });
        if (r.status !== 201) throw new Error(`version ${v} answered ${r.status}: ${JSON.stringify(r.body)}`);
        onAck({ scenarioId, versionId: r.body.version.id, version: r.body.version.version, bodyHash: hashJson(body(v)) });
      }
    }
  };
  // Each writer ends with the connection refused or reset by the kill: that is its expected end, kept for the report.
  return { done: Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w).catch((e: unknown) => e))), inFlight: () => pending };
}

/** Everything the store must show after the kill; returns what it found, for the assertion messages. */
async function checkStore(store: Store, acked: readonly Ack[]): Promise<{ scenarios: number; versions: number; unacknowledged: number }> {
  const versions = await store.query<{ id: string; scenario_id: string; version: number; body: unknown; body_hash: string }>('select id, scenario_id, version, body, body_hash from scenario_versions order by id');
  const byId = new Map(versions.map((v) => [v.id, v]));
  // Every acknowledged write is there, as acknowledged.
  for (const a of acked) {
    const row = byId.get(a.versionId);
    expect(row, `acknowledged version ${a.versionId} (scenario ${a.scenarioId} v${a.version})`).toBeDefined();
    expect({ scenarioId: row!.scenario_id, version: row!.version, bodyHash: row!.body_hash }).toEqual({ scenarioId: a.scenarioId, version: a.version, bodyHash: a.bodyHash });
  }
  // No half-written row: each stored body hashes to its recorded hash …
  for (const v of versions) expect(hashJson(v.body), `version ${v.id}: body and body_hash`).toBe(v.body_hash);
  // … every scenario has versions 1..n without a gap (none has no version at all) …
  const shapes = await store.query<{ id: string; n: string; low: number | null; high: number | null }>(
    `select s.id, count(v.id) as n, min(v.version) as low, max(v.version) as high from scenarios s left join scenario_versions v on v.scenario_id = s.id group by s.id order by s.id`,
  );
  for (const s of shapes) expect({ scenario: s.id, low: s.low, high: s.high }).toEqual({ scenario: s.id, low: 1, high: Number(s.n) });
  // … and the indexes agree with the tables (an index scan and a sequential scan see the same rows).
  const count = async (sql: string, scan: 'index' | 'seq') =>
    store.transaction(async (tx) => {
      await tx.exec(scan === 'index' ? 'set local enable_seqscan = off' : 'set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off');
      return (await tx.query<{ n: string }>(sql))[0]!.n;
    });
  for (const sql of ['select count(*) as n from scenario_versions where id > 0', 'select count(*) as n from scenarios where id > 0', `select count(*) as n from scenario_versions where (scenario_id, version) > (0, 0)`]) {
    expect(await count(sql, 'index'), sql).toBe(await count(sql, 'seq'));
  }
  // The store takes writes again.
  const last = versions.filter((v) => v.scenario_id === acked[0]!.scenarioId).at(-1)!;
  const next = await store.transaction((tx) => addVersion(tx, { fundId: 'sample', scenarioId: last.scenario_id, baseVersion: last.version, body: SAMPLE_SCENARIO, note: 'after the kill' }));
  expect(next.ok).toBe(true);
  const acknowledged = new Set(acked.map((a) => a.versionId));
  return { scenarios: shapes.length, versions: versions.length, unacknowledged: versions.filter((v) => !acknowledged.has(v.id)).length };
}

for (const kind of await testStoreKinds()) {
  describe(`kill -9 during a stream of writes, on ${kind.kind}`, () => {
    it('keeps every acknowledged write and no half-written one', async () => {
      // PGlite: a data folder of its own. Server: a database of its own (this connection reads it after the kill).
      const dir = kind.kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'fundladder-fault-writes-')) : undefined;
      const server = kind.kind === 'postgres' ? await kind.open() : undefined;
      try {
        const api = await startServe(dir ? { FUNDLADDER_DATA: dir } : { DATABASE_URL: server!.url! });
        const acked: Ack[] = [];
        let inFlightAtKill = -1;
        let killed: Promise<void> | undefined;
        const stream = writeStream(api.http, (a) => {
          acked.push(a);
          if (acked.length === KILL_AFTER) {
            inFlightAtKill = stream.inFlight();
            killed = api.process.kill9();
          }
        });
        await until(() => killed !== undefined, 120_000, `${KILL_AFTER} acknowledged writes`);
        await killed;
        const endings = await stream.done;
        // The kill fell mid-stream: writes were on the wire, and every writer ended on the lost connection.
        expect(inFlightAtKill).toBeGreaterThan(0);
        for (const e of endings) expect(String((e as { cause?: unknown }).cause ?? e)).toMatch(/ECONNRESET|ECONNREFUSED|other side closed|socket/i);

        let store: Store;
        if (dir) store = (await openStore({ dataDir: dir })).store;
        else store = server!.store;
        try {
          const found = await checkStore(store, acked);
          // The sample scenario, then every scenario a writer created (acknowledged or committed just before the kill).
          expect(found.scenarios).toBeGreaterThanOrEqual(1 + new Set(acked.map((a) => a.scenarioId)).size);
          expect(found.versions).toBeGreaterThanOrEqual(1 + acked.length);
        } finally {
          if (dir) await store.close();
        }
      } finally {
        await killAll();
        await server?.dispose();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    }, 180_000);
  });
}
