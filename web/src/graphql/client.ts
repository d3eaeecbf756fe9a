import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * The one GraphQL client: same origin as the page, the session's Bearer token on every request.
 *
 * Always POST with `content-type: application/json`: the server's CSRF protection (Apollo's
 * csrfPrevention) refuses "simple" requests, and a JSON POST is never one, so no extra header is
 * needed. GET is never used (urql would otherwise send short queries as GET).
 */
export function createApiClient(getToken: () => string | null): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => {
      const token = getToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers, credentials: 'omit' };
    },
  });
}
