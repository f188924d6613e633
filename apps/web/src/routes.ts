// The app's addresses. Paths, not hashes: the API serves index.html for every path outside /api (SPA fallback), so a
// plan's address can be bookmarked and sent to a colleague.

/** A screen and what it shows. */
export type Route =
  | { screen: 'funds' }
  | { screen: 'overview'; fundId: string }
  | { screen: 'plan'; fundId: string; runId: string }
  | { screen: 'data'; fundId: string }
  | { screen: 'forecast'; fundId: string }
  | { screen: 'actuals'; fundId: string }
  | { screen: 'compare'; fundId: string; runId?: string }
  | { screen: 'approval'; fundId: string; runId: string }
  | { screen: 'sweep'; fundId: string; sweepId?: string }
  | { screen: 'tender'; fundId: string; runId?: string }
  | { screen: 'audit'; fundId: string; runId?: string }
  | { screen: 'replay'; fundId: string; runId?: string }
  | { screen: 'notFound'; path: string };

/**
 * The route of a path.
 * @example parseRoute('/funds/sample/runs/12') //=> { screen: 'plan', fundId: 'sample', runId: '12' }
 * @example parseRoute('/funds/sample/') //=> { screen: 'overview', fundId: 'sample' }
 */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0) return { screen: 'funds' };
  if (parts[0] === 'funds' && parts.length === 2) return { screen: 'overview', fundId: parts[1]! };
  if (parts[0] === 'funds' && parts.length === 3 && (parts[2] === 'data' || parts[2] === 'forecast' || parts[2] === 'actuals')) return { screen: parts[2], fundId: parts[1]! };
  if (parts[0] === 'funds' && parts[2] === 'runs' && parts.length === 4 && /^\d{1,18}$/.test(parts[3]!)) return { screen: 'plan', fundId: parts[1]!, runId: parts[3]! };
  if (parts[0] === 'funds' && parts[2] === 'compare' && parts.length === 3) return { screen: 'compare', fundId: parts[1]! };
  if (parts[0] === 'funds' && parts[2] === 'compare' && parts.length === 4 && /^\d{1,18}$/.test(parts[3]!)) return { screen: 'compare', fundId: parts[1]!, runId: parts[3]! };
  if (parts[0] === 'funds' && parts[2] === 'sweeps' && (parts.length === 3 || (parts.length === 4 && /^\d{1,18}$/.test(parts[3]!)))) return { screen: 'sweep', fundId: parts[1]!, ...(parts[3] ? { sweepId: parts[3] } : {}) };
  if (parts[0] === 'funds' && parts[2] === 'tender' && (parts.length === 3 || (parts.length === 4 && /^\d{1,18}$/.test(parts[3]!)))) return { screen: 'tender', fundId: parts[1]!, ...(parts[3] ? { runId: parts[3] } : {}) };
  if (parts[0] === 'funds' && parts[2] === 'audit' && (parts.length === 3 || (parts.length === 4 && /^\d{1,18}$/.test(parts[3]!)))) return { screen: 'audit', fundId: parts[1]!, ...(parts[3] ? { runId: parts[3] } : {}) };
  if (parts[0] === 'funds' && parts[2] === 'replay' && (parts.length === 3 || (parts.length === 4 && /^\d{1,18}$/.test(parts[3]!)))) return { screen: 'replay', fundId: parts[1]!, ...(parts[3] ? { runId: parts[3] } : {}) };
  if (parts[0] === 'funds' && parts[2] === 'runs' && parts[4] === 'approval' && parts.length === 5 && /^\d{1,18}$/.test(parts[3]!)) return { screen: 'approval', fundId: parts[1]!, runId: parts[3]! };
  return { screen: 'notFound', path: pathname };
}

/**
 * The path of a route (the inverse of {@link parseRoute}).
 * @example routePath({ screen: 'plan', fundId: 'sample', runId: '12' }) //=> '/funds/sample/runs/12'
 */
export function routePath(route: Exclude<Route, { screen: 'notFound' }>): string {
  switch (route.screen) {
    case 'funds':
      return '/';
    case 'overview':
      return `/funds/${encodeURIComponent(route.fundId)}`;
    case 'plan':
      return `/funds/${encodeURIComponent(route.fundId)}/runs/${encodeURIComponent(route.runId)}`;
    case 'compare':
      return `/funds/${encodeURIComponent(route.fundId)}/compare${route.runId ? `/${encodeURIComponent(route.runId)}` : ''}`;
    case 'sweep':
      return `/funds/${encodeURIComponent(route.fundId)}/sweeps${route.sweepId ? `/${encodeURIComponent(route.sweepId)}` : ''}`;
    case 'tender':
      return `/funds/${encodeURIComponent(route.fundId)}/tender${route.runId ? `/${encodeURIComponent(route.runId)}` : ''}`;
    case 'replay':
      return `/funds/${encodeURIComponent(route.fundId)}/replay${route.runId ? `/${encodeURIComponent(route.runId)}` : ''}`;
    case 'audit':
      return `/funds/${encodeURIComponent(route.fundId)}/audit${route.runId ? `/${encodeURIComponent(route.runId)}` : ''}`;
    case 'approval':
      return `/funds/${encodeURIComponent(route.fundId)}/runs/${encodeURIComponent(route.runId)}/approval`;
    case 'data':
    case 'forecast':
    case 'actuals':
      return `/funds/${encodeURIComponent(route.fundId)}/${route.screen}`;
  }
}
