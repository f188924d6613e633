import { z } from '@hono/zod-openapi';

/** Every error body (docs/api.md §4): a code, a sentence, and the CLI's issues. */
export const problemSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string() }),
    issues: z.array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])), rule: z.string(), message: z.string(), received: z.string().optional(), limit: z.string().optional() })),
  })
  .openapi('Problem');

export const fundIdParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).openapi({ param: { name: 'fundId', in: 'path' }, example: 'sample' });
export const idParam = (name: string) => z.string().regex(/^\d{1,18}$/).openapi({ param: { name, in: 'path' }, example: '1' });

/** A JSON response of `schema` (documented), and the error responses every route can give. */
export function responses<S extends z.ZodType>(status: 200 | 201 | 202, description: string, schema: S) {
  const err = (d: string) => ({ description: d, content: { 'application/json': { schema: problemSchema } } });
  return {
    [status]: { description, content: { 'application/json': { schema } } },
    400: err('malformed request'),
    401: err('not signed in'),
    403: err('signed in without the role this needs, or no CSRF token on a write'),
    404: err('no such resource in a fund you can see'),
    409: err('conflict with the stored state'),
    413: err('body too large'),
    422: err('the body breaks a rule: `issues` name each field'),
  } as const;
}

/** A JSON body of `schema` (strict: unknown keys are errors). */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

export const fundSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), role: z.string().optional() }).openapi('Fund');
export const scenarioSummarySchema = z.object({ id: z.string(), fundId: z.string(), name: z.string(), latestVersion: z.number(), latestVersionId: z.string(), createdAt: z.string() }).openapi('Scenario');
export const scenarioVersionSchema = z
  .object({ id: z.string(), scenarioId: z.string(), fundId: z.string(), version: z.number(), bodyHash: z.string(), note: z.string().nullable(), createdBy: z.string().nullable(), createdAt: z.string(), body: z.unknown().optional() })
  .openapi('ScenarioVersion');
export const runSchema = z
  .object({
    id: z.string(), fundId: z.string(), kind: z.string(), scenarioVersionIds: z.array(z.string()), request: z.unknown(), requestHash: z.string(), codeVersion: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']), progress: z.object({ stage: z.string(), done: z.number(), total: z.number() }).nullable(),
    issues: z.array(z.unknown()).nullable(), cancelRequested: z.boolean(), attempts: z.number(), createdBy: z.string().nullable(), createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
    result: z.unknown().optional().openapi({ description: "the application layer's result in its wire form (money as decimal strings to the fen), when done" }),
  })
  .openapi('Run');
