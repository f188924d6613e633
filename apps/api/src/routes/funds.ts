import { createRoute, z } from '@hono/zod-openapi';
import { ROLES, fundsOf, grantRole } from '../auth/access';
import { router } from '../http/router';
import { requireRole, requireSiteAdmin } from '../http/access';
import { problem } from '../http/problem';
import { fundIdParam, fundSchema, jsonBody, responses } from '../http/schemas';
import { createFund, getFund, listFunds } from '../repo/funds';

const list = createRoute({ method: 'get', path: '/api/funds', summary: 'The funds you may read', responses: responses(200, 'funds', z.object({ funds: z.array(fundSchema) })) });
const create = createRoute({
  method: 'post', path: '/api/funds', summary: 'Create a fund (site administrators)', middleware: [requireSiteAdmin()] as const,
  request: { body: jsonBody(z.strictObject({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/), name: z.string().min(1).max(200) })) },
  responses: responses(201, 'created', fundSchema),
});
const one = createRoute({ method: 'get', path: '/api/funds/{fundId}', summary: 'One fund', middleware: [requireRole('viewer')] as const, request: { params: z.object({ fundId: fundIdParam }) }, responses: responses(200, 'the fund', fundSchema) });
const member = createRoute({
  method: 'put', path: '/api/funds/{fundId}/members/{userName}', summary: "Give a user a role in the fund (the fund's admins)", middleware: [requireRole('admin')] as const,
  request: { params: z.object({ fundId: fundIdParam, userName: z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/).openapi({ param: { name: 'userName', in: 'path' } }) }), body: jsonBody(z.strictObject({ role: z.enum(ROLES) })) },
  responses: responses(200, 'granted', z.object({ fundId: z.string(), userName: z.string(), role: z.enum(ROLES) })),
});

export function fundRoutes() {
  return router()
    .openapi(list, async (c) => {
    const user = c.var.user;
    if (!user) return problem(c, 401, 'unauthenticated', 'sign in first (POST /api/session)') as never;
    const mine = await fundsOf(c.var.store, user);
    return c.json({ funds: await listFunds(c.var.store, mine === 'all' ? undefined : mine) }, 200);
  })
    .openapi(create, async (c) => {
    const fund = await createFund(c.var.store, c.req.valid('json'));
    if (!fund) return problem(c, 409, 'exists', 'a fund with this id exists') as never;
    return c.json(fund, 201);
  })
    .openapi(one, async (c) => {
    const fund = await getFund(c.var.store, c.req.valid('param').fundId);
    return fund ? c.json({ ...fund, role: c.get('role' as never) as string }, 200) : (problem(c, 404, 'not_found', 'no such fund') as never);
  })
    .openapi(member, async (c) => {
    const { fundId, userName } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const [user] = await c.var.store.query<{ id: string }>('select id from users where name = $1', [userName]);
    if (!user) return problem(c, 404, 'not_found', `no user named ${userName}`) as never;
    await grantRole(c.var.store, user.id, fundId, role);
    return c.json({ fundId, userName, role }, 200);
  });
}
