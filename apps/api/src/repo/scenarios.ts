import type { Queryable } from '../db/store';
import { hashJson } from '../http/hash';

export interface ScenarioSummary {
  readonly id: string;
  readonly fundId: string;
  readonly name: string;
  readonly latestVersion: number;
  readonly latestVersionId: string;
  readonly createdAt: string;
}

export interface ScenarioVersion {
  readonly id: string;
  readonly scenarioId: string;
  readonly fundId: string;
  readonly version: number;
  readonly bodyHash: string;
  readonly note: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

interface VersionRow { id: string; scenario_id: string; fund_id: string; version: number; body_hash: string; note: string | null; created_by: string | null; created_at: Date }
const versionOf = (r: VersionRow): ScenarioVersion => ({ id: r.id, scenarioId: r.scenario_id, fundId: r.fund_id, version: r.version, bodyHash: r.body_hash, note: r.note, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() });
const VERSION_COLUMNS = 'v.id, v.scenario_id, s.fund_id, v.version, v.body_hash, v.note, v.created_by, v.created_at';

export async function listScenarios(db: Queryable, fundId: string): Promise<ScenarioSummary[]> {
  const rows = await db.query<{ id: string; fund_id: string; name: string; created_at: Date; version: number; version_id: string }>(
    `select s.id, s.fund_id, s.name, s.created_at, v.version, v.id as version_id
       from scenarios s join lateral (select id, version from scenario_versions where scenario_id = s.id order by version desc limit 1) v on true
      where s.fund_id = $1 order by s.id`,
    [fundId],
  );
  return rows.map((r) => ({ id: r.id, fundId: r.fund_id, name: r.name, latestVersion: r.version, latestVersionId: r.version_id, createdAt: new Date(r.created_at).toISOString() }));
}

/** A new scenario with its first version; undefined when the fund already has a scenario of that name. */
export async function createScenario(db: Queryable, input: { fundId: string; name: string; body: unknown; note?: string; createdBy?: string }): Promise<ScenarioVersion | undefined> {
  const [s] = await db.query<{ id: string }>('insert into scenarios (fund_id, name) values ($1, $2) on conflict (fund_id, name) do nothing returning id', [input.fundId, input.name]);
  if (!s) return undefined;
  return insertVersion(db, s.id, 1, input);
}

async function insertVersion(db: Queryable, scenarioId: string, version: number, input: { body: unknown; note?: string; createdBy?: string }): Promise<ScenarioVersion> {
  const [row] = await db.query<VersionRow>(
    `with v as (insert into scenario_versions (scenario_id, version, body, body_hash, note, created_by) values ($1, $2, $3, $4, $5, $6) returning *)
     select ${VERSION_COLUMNS} from v join scenarios s on s.id = v.scenario_id`,
    [scenarioId, version, JSON.stringify(input.body), hashJson(input.body), input.note ?? null, input.createdBy ?? null],
  );
  return versionOf(row!);
}

/**
 * A new version of a scenario (versions are never edited). `baseVersion` is the version the edit started from: when a
 * newer one exists the edit is refused (`conflict`) rather than silently overwriting someone else's change.
 */
export async function addVersion(db: Queryable, input: { fundId: string; scenarioId: string; baseVersion: number; body: unknown; note?: string; createdBy?: string }): Promise<{ ok: true; version: ScenarioVersion } | { ok: false; reason: 'notFound' } | { ok: false; reason: 'conflict'; latest: number }> {
  // The scenario row is locked so two edits from the same base cannot both become version n + 1.
  const [s] = await db.query<{ id: string; latest: number }>(
    `select s.id, (select max(version) from scenario_versions where scenario_id = s.id) as latest from scenarios s where s.id = $1 and s.fund_id = $2 for update`,
    [input.scenarioId, input.fundId],
  );
  if (!s) return { ok: false, reason: 'notFound' };
  if (s.latest !== input.baseVersion) return { ok: false, reason: 'conflict', latest: s.latest };
  return { ok: true, version: await insertVersion(db, s.id, s.latest + 1, input) };
}

export async function getScenario(db: Queryable, fundId: string, scenarioId: string): Promise<{ summary: ScenarioSummary; versions: ScenarioVersion[] } | undefined> {
  const versions = (await db.query<VersionRow>(`select ${VERSION_COLUMNS} from scenario_versions v join scenarios s on s.id = v.scenario_id where s.id = $1 and s.fund_id = $2 order by v.version`, [scenarioId, fundId])).map(versionOf);
  const [s] = await db.query<{ id: string; fund_id: string; name: string; created_at: Date }>('select id, fund_id, name, created_at from scenarios where id = $1 and fund_id = $2', [scenarioId, fundId]);
  if (!s || !versions.length) return undefined;
  const last = versions.at(-1)!;
  return { summary: { id: s.id, fundId: s.fund_id, name: s.name, latestVersion: last.version, latestVersionId: last.id, createdAt: new Date(s.created_at).toISOString() }, versions };
}

/** One version with its body, only if it belongs to `fundId`. */
export async function getVersion(db: Queryable, fundId: string, versionId: string): Promise<(ScenarioVersion & { body: unknown }) | undefined> {
  if (!/^\d{1,18}$/.test(versionId)) return undefined;
  const [row] = await db.query<VersionRow & { body: unknown }>(`select ${VERSION_COLUMNS}, v.body from scenario_versions v join scenarios s on s.id = v.scenario_id where v.id = $1 and s.fund_id = $2`, [versionId, fundId]);
  return row ? { ...versionOf(row), body: row.body } : undefined;
}
