// HTTP content negotiation for the answers the API keeps in memory (docs/api.md §10): whether a client takes gzip, and
// whether its cached copy (If-None-Match) is still the current one. Rules from RFC 9110 §12.5.3 (Accept-Encoding) and
// §13.1.2 (If-None-Match, weak comparison).

/**
 * Whether a client that sent this Accept-Encoding takes a gzip body. gzip (or its alias x-gzip) with a weight above 0,
 * or `*` with a weight above 0 when gzip is not named; no header, or one that names neither, means no (RFC 9110 §12.5.3:
 * without the header any coding is allowed, but a client that did not ask may not decode it: fundladder sends identity).
 *
 * @example acceptsGzip('gzip, deflate, br, zstd') //=> true (Chromium's header)
 * @example acceptsGzip('gzip;q=0, *') //=> false
 * @example acceptsGzip(undefined) //=> false
 */
export function acceptsGzip(header: string | undefined | null): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim());
    const coding = name.toLowerCase();
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    let weight = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(p);
      if (m) weight = Number(m[1]);
    }
    if (coding === '*') any = weight;
    else gzip = Math.max(gzip ?? 0, weight);
  }
  return (gzip ?? any ?? 0) > 0;
}

/**
 * Whether an If-None-Match header matches the current entity tag, by the weak comparison RFC 9110 §13.1.2 asks for
 * (a `W/` prefix on either side is ignored; `*` matches any current representation).
 *
 * @example noneMatch('W/"abc", "def"', '"abc"') //=> true
 * @example noneMatch('"abd"', '"abc"') //=> false
 */
export function noneMatch(header: string | undefined | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const current = opaque(etag);
  return header.split(',').some((t) => opaque(t) === current);
}
