import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { AMOUNT_UNITS, IMPORT_PARTS, type ImportPart, TEXT_ENCODINGS, type TableSource, importIssueText, importScenario, changeText } from '@fundladder/app';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { problem } from '../http/problem';
import { fundIdParam, responses, scenarioVersionSchema } from '../http/schemas';
import { addVersion, createScenario, getScenario, getVersion } from '../repo/scenarios';
import { listImports, recordImport } from '../repo/imports';

const params = z.object({ fundId: fundIdParam });
const file = z.instanceof(File).openapi({ type: 'string', format: 'binary' });
const form = z.strictObject({
  ...Object.fromEntries(IMPORT_PARTS.map((p) => [p, file.optional()])) as Record<ImportPart, z.ZodOptional<typeof file>>,
  /** Update this scenario (its latest version is the base); absent: a new scenario named `name`. */
  scenarioId: z.string().regex(/^\d{1,18}$/).optional(),
  /** The version the update starts from: refused with 409 when a newer one exists. */
  baseVersion: z.coerce.number().int().min(1).optional(),
  name: z.string().min(1).max(200).optional(),
  unit: z.enum(AMOUNT_UNITS).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  horizonMonths: z.coerce.number().int().min(1).max(120).optional(),
  /** `preview` (default): read and check, save nothing; `save`: save the result as a scenario version. */
  mode: z.enum(['preview', 'save']).default('preview'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

const importSchema = z.object({
  id: z.string(),
  outcome: z.enum(['preview', 'saved', 'refused']),
  issues: z.array(z.unknown()),
  notes: z.array(z.unknown()),
  changes: z.array(z.unknown()),
  tables: z.array(z.unknown()),
  version: scenarioVersionSchema.optional(),
}).openapi('Import');

const upload = createRoute({
  method: 'post', path: '/api/funds/{fundId}/imports', summary: 'Build or update a scenario from CSV/XLSX files as finance systems export them (GBK or UTF-8, 万元/亿元, 2025年1月…): preview what would change, or save it as a scenario version', middleware: [requireRole('planner')] as const,
  request: { params, body: { required: true, content: { 'multipart/form-data': { schema: form } } } },
  responses: responses(200, 'what was read and what changes (and the saved version); a refused import lists every issue at its file, row and column', importSchema),
});
const list = createRoute({ method: 'get', path: '/api/funds/{fundId}/imports', summary: "The fund's imports, newest first: files (name, size, sha256), outcome, the version saved", middleware: [requireRole('viewer')] as const, request: { params }, responses: responses(200, 'imports', z.object({ imports: z.array(z.unknown()) })) });

export function importRoutes() {
  return router()
    .openapi(upload, async (c) => {
    const { fundId } = c.req.valid('param');
    const f = c.req.valid('form');
    const user = c.var.user!.name;
    const files: { part: ImportPart; file: string; bytes: Uint8Array; sha256: string }[] = [];
    for (const part of IMPORT_PARTS) {
      const upload = f[part];
      if (!upload) continue;
      const bytes = new Uint8Array(await upload.arrayBuffer());
      files.push({ part, file: upload.name || `${part}.csv`, bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    if (!files.length) return problem(c, 422, 'no_files', 'upload at least one table', [{ code: 'missing', path: ['history'], rule: 'importNeedsATable', message: `one of ${IMPORT_PARTS.join(', ')}` }]) as never;
    if (f.scenarioId === undefined && f.mode === 'save' && !f.name) return problem(c, 422, 'no_name', 'a new scenario needs a name', [{ code: 'missing', path: ['name'], rule: 'newScenarioName', message: 'name the new scenario (or give scenarioId to update one)' }]) as never;

    const current = f.scenarioId ? await getScenario(c.var.store, fundId, f.scenarioId) : undefined;
    if (f.scenarioId && !current) return problem(c, 404, 'not_found', 'no such scenario in this fund') as never;
    const base = current ? await getVersion(c.var.store, fundId, current.summary.latestVersionId) : undefined;
    const tables: Partial<Record<ImportPart, TableSource>> = Object.fromEntries(files.map((x) => [x.part, { bytes: x.bytes, file: x.file, ...(f.encoding ? { encoding: f.encoding } : {}) }]));
    const outcome = await importScenario({
      ...(base ? { base: base.body } : {}),
      tables,
      ...(f.unit ? { unit: f.unit } : {}),
      settings: { ...(f.name ? { name: f.name } : {}), ...(f.asOf ? { asOf: f.asOf as never } : {}), ...(f.horizonMonths ? { horizonMonths: f.horizonMonths } : {}) },
    });
    const lang = f.lang;
    const worded = <T extends Parameters<typeof importIssueText>[0]>(list: readonly T[]) => list.map((i) => ({ ...i, text: importIssueText(i, lang) }));
    if (!outcome.ok) {
      const rec = await recordImport(c.var.store, { fundId, files, outcome: 'refused', issues: outcome.issues, changes: [], createdBy: user });
      return c.json({ id: rec.id, outcome: 'refused' as const, issues: worded(outcome.issues), notes: worded(outcome.notes), changes: [], tables: [] }, 200);
    }
    const changes = outcome.value.changes.map((ch) => ({ ...ch, text: changeText(ch, lang) }));
    if (f.mode === 'preview') {
      const rec = await recordImport(c.var.store, { fundId, files, outcome: 'preview', issues: [], changes: outcome.value.changes as unknown[], createdBy: user });
      return c.json({ id: rec.id, outcome: 'preview' as const, issues: [], notes: worded(outcome.notes), changes, tables: [...outcome.value.tables] }, 200);
    }
    // Save: the new version and the import's record in one transaction.
    const saved = await c.var.store.transaction(async (tx) => {
      const version = current
        ? await addVersion(tx, { fundId, scenarioId: current.summary.id, baseVersion: f.baseVersion ?? current.summary.latestVersion, body: outcome.value.scenario, note: `import: ${files.map((x) => x.file).join(', ')}`, createdBy: user })
        : await createScenario(tx, { fundId, name: f.name!, body: outcome.value.scenario, note: `import: ${files.map((x) => x.file).join(', ')}`, createdBy: user }).then((v) => (v ? { ok: true as const, version: v } : { ok: false as const, reason: 'exists' as const }));
      if (!version.ok) return version;
      const rec = await recordImport(tx, { fundId, files, outcome: 'saved', scenarioVersionId: version.version.id, issues: [], changes: outcome.value.changes as unknown[], createdBy: user });
      return { ok: true as const, version: version.version, rec };
    });
    if (!saved.ok && saved.reason === 'conflict') return problem(c, 409, 'stale_version', `version ${saved.latest} is the latest, not ${f.baseVersion}: import again onto the latest`) as never;
    if (!saved.ok && saved.reason === 'exists') return problem(c, 409, 'exists', `the fund has a scenario named ${f.name}: give scenarioId to update it`) as never;
    if (!saved.ok) return problem(c, 404, 'not_found', 'no such scenario in this fund') as never;
    return c.json({ id: saved.rec.id, outcome: 'saved' as const, issues: [], notes: worded(outcome.notes), changes, tables: [...outcome.value.tables], version: saved.version }, 200);
  })
    .openapi(list, async (c) => c.json({ imports: await listImports(c.var.store, c.req.valid('param').fundId) }, 200));
}
