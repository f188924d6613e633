import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../http/router';
import { requireRole } from '../http/access';
import { fundIdParam, responses } from '../http/schemas';
import { listWarnings } from '../repo/warnings';
import { WARNING_RULES } from '../warnings/rules';

export const warningSchema = z
  .object({
    id: z.string(), fundId: z.string(), rule: z.enum(WARNING_RULES), subject: z.string().openapi({ description: 'the fund type, bank, or deposit or account id the warning is about' }), state: z.enum(['open', 'cleared']),
    firstSeen: z.string(), lastSeen: z.string(), clearedAt: z.string().nullable(), detail: z.unknown().openapi({ description: 'the facts behind it (money and shares as decimal strings) and where they came from (runId, scenarioVersionId)' }),
  })
  .openapi('Warning');

const list = createRoute({
  method: 'get', path: '/api/funds/{fundId}/warnings', summary: "The fund's early warnings (预警) with their state: open ones first, then cleared; `state` filters",
  middleware: [requireRole('viewer')] as const, request: { params: z.object({ fundId: fundIdParam }), query: z.object({ state: z.enum(['open', 'cleared']).optional() }) },
  responses: responses(200, 'warnings', z.object({ warnings: z.array(warningSchema) })),
});

export function warningRoutes() {
  return router()
    .openapi(list, async (c) => c.json({ warnings: await listWarnings(c.var.store, c.req.valid('param').fundId, c.req.valid('query').state) }, 200));
}
