import type { Queryable } from '../db/store';

export interface ImportRecord {
  readonly id: string;
  readonly fundId: string;
  readonly files: readonly { part: string; file: string; bytes: number; sha256: string }[];
  readonly outcome: 'preview' | 'saved' | 'refused';
  readonly scenarioVersionId: string | null;
  readonly issues: unknown[];
  readonly changes: unknown[];
  readonly createdBy: string | null;
  readonly createdAt: string;
}

interface ImportRow { id: string; fund_id: string; files: ImportRecord['files']; outcome: ImportRecord['outcome']; scenario_version_id: string | null; issues: unknown[]; changes: unknown[]; created_by: string | null; created_at: Date }
const importOf = (r: ImportRow): ImportRecord => ({ id: r.id, fundId: r.fund_id, files: r.files, outcome: r.outcome, scenarioVersionId: r.scenario_version_id, issues: r.issues, changes: r.changes, createdBy: r.created_by, createdAt: new Date(r.created_at).toISOString() });
const COLUMNS = 'id, fund_id, files, outcome, scenario_version_id, issues, changes, created_by, created_at';

/**
 * JSON for a jsonb column. An uploaded file's cell may hold U+0000, which jsonb refuses (the issue quoting the cell
 * would make the whole record fail): it is kept visible as the six characters `\u0000`. The exact bytes are in `contents`.
 */
const storableJson = (value: unknown) => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '\\u0000') : v));

/**
 * Records an import: the files as uploaded (bytes kept, so an auditor can see exactly what was read), what it changed
 * or why it was refused, and the scenario version it saved, if any.
 */
export async function recordImport(db: Queryable, input: { fundId: string; files: readonly { part: string; file: string; bytes: Uint8Array; sha256: string }[]; outcome: ImportRecord['outcome']; scenarioVersionId?: string; issues: unknown[]; changes: unknown[]; createdBy?: string }): Promise<ImportRecord> {
  const [row] = await db.query<ImportRow>(
    `insert into imports (fund_id, files, contents, outcome, scenario_version_id, issues, changes, created_by) values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
    [
      input.fundId,
      storableJson(input.files.map((f) => ({ part: f.part, file: f.file, bytes: f.bytes.length, sha256: f.sha256 }))),
      input.files.map((f) => Buffer.from(f.bytes)),
      input.outcome,
      input.scenarioVersionId ?? null,
      storableJson(input.issues),
      storableJson(input.changes),
      input.createdBy ?? null,
    ],
  );
  return importOf(row!);
}

export async function listImports(db: Queryable, fundId: string, limit = 50): Promise<ImportRecord[]> {
  return (await db.query<ImportRow>(`select ${COLUMNS} from imports where fund_id = $1 order by id desc limit $2`, [fundId, limit])).map(importOf);
}
