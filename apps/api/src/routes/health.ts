import { createRoute, z } from '@hono/zod-openapi';
import { schemaVersion } from '../db/migrate';
import { router } from '../http/router';

const health = createRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Whether the API answers, on which store, at which schema version',
  responses: {
    200: { description: 'up', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), store: z.enum(['pglite', 'postgres']), schemaVersion: z.number(), codeVersion: z.string() }) } } },
  },
});

export function healthRoutes() {
  return router()
    .openapi(health, async (c) => c.json({ status: 'ok' as const, store: c.var.store.kind, schemaVersion: await schemaVersion(c.var.store), codeVersion: c.var.codeVersion }, 200));
}
