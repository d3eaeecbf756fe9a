import pg from 'pg';
import { preparedName } from './prepared-statements.js';

/**
 * The node-postgres client class the pool uses (via the pool's `Client` option). Two fixes for
 * what happens when the database goes away:
 *
 * 1. **An 'error' event never crashes the process.** node-postgres emits 'error' on a client whose
 *    connection fails, and an EventEmitter without a listener throws it as an uncaught exception.
 *    The pool listens while a client is idle and TypeORM while a query runner holds it, but there is
 *    a gap between the two: when a new connection's ReadyForQuery and a FATAL error (a session
 *    terminated by the server, SQLSTATE 57P01) arrive in the same TCP read, the pool has already
 *    removed its listener and TypeORM has not yet added its own (it does so a microtask later). The
 *    fault test that terminates sessions under load crashed the process this way. Here every client
 *    has a listener of its own for its whole life; the client is then unqueryable, its next query
 *    fails with a connection error (SERVICE_UNAVAILABLE), and the pool discards it on release.
 *
 * 2. **A query the server never answers is given up** after `deadlineMs` (when set). The server's
 *    `statement_timeout` cancels slow queries, but it cannot help when the server or the network to
 *    it stops answering altogether (a frozen host, a lost route, a half-open TCP connection).
 *    node-postgres's own `query_timeout` rejects the query yet leaves it active on the connection,
 *    which goes back to the pool and makes every later query on it wait as well. Here the query is
 *    rejected with an error the GraphQL layer reports as SERVICE_UNAVAILABLE (code ETIMEDOUT,
 *    message "Connection terminated: …"), the client is marked unqueryable so the pool discards it,
 *    and its socket is destroyed. Only the promise form of `query()` (the one TypeORM uses) gets a
 *    deadline; callback and submittable forms pass through unchanged.
 *
 * 3. **Registered statements are sent by name** when `prepare` is set (a real server only): a text
 *    registered in prepared-statements.ts, passed as TypeORM passes it (text and values), becomes
 *    node-postgres's `{ name, text, values }`, which parses it once per connection.
 */
export function resilientClient(options: { deadlineMs?: number; prepare?: boolean } = {}): typeof pg.Client {
  const { deadlineMs, prepare = false } = options;

  class ResilientClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      // The pool and TypeORM report and handle the failure; this listener only keeps it from
      // becoming an uncaught exception in the gap between them (see above).
      this.on('error', () => undefined);
    }

    // pg's overloads are many; the wrapper forwards whatever it is given.
    override query(...args: any[]): any {
      // 3. A statement registered in prepared-statements.ts goes by name (real server only).
      if (prepare && typeof args[0] === 'string' && Array.isArray(args[1]) && args.length === 2) {
        const name = preparedName(args[0]);
        if (name) args = [{ name, text: args[0], values: args[1] }];
      }
      const result = (super.query as (...a: any[]) => any)(...args);
      if (!deadlineMs) return result;
      const [config, values, callback] = args;
      const passThrough =
        typeof callback === 'function' ||
        typeof values === 'function' ||
        (config !== null && typeof config === 'object' && typeof config.submit === 'function');
      if (passThrough || !result || typeof result.then !== 'function') return result;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(
            Object.assign(new Error(`Connection terminated: the database did not answer within ${deadlineMs} ms`), {
              code: 'ETIMEDOUT',
            }),
          );
          this.abandon();
        }, deadlineMs);
        timer.unref();
      });
      return Promise.race([result, deadline]).finally(() => clearTimeout(timer));
    }

    /** Never reuse this connection: the pool removes an unqueryable client when it is released. */
    private abandon(): void {
      const self = this as unknown as { _queryable: boolean; connection?: { stream?: { destroy(): void } } };
      self._queryable = false;
      self.connection?.stream?.destroy();
    }
  }
  return ResilientClient;
}
