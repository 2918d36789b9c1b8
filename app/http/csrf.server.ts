/**
 * Cross-site request forgery protection without tokens: a state-changing request must come
 * from our own origin. Browsers say where a request comes from in Sec-Fetch-Site (all
 * current ones) or Origin; a request with neither did not come from a browser page.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isCrossSiteRequest(request: {
  method: string;
  headers: { get(name: string): string | null };
  ownOrigin: string;
}): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const origin = request.headers.get('origin');
  if (origin) return origin !== request.ownOrigin;
  return false;
}
