import { ConfigError, loadConfig } from './config/config.js';
import { createLogger, type Logger } from './observability/logger.js';
import { type RunningServer, startServer } from './server.js';

process.env.TZ = 'UTC';

/** From the first SIGTERM/SIGINT to exit, whatever happens (docs/operations.md, "Stopping"). */
const SHUTDOWN_BUDGET_MS = 10_000;

let server: RunningServer | undefined;
let stopping = false;
/** One JSON object a line, like the server's log; LOG_LEVEL applies once the configuration is read. */
let log: Logger = createLogger('info');

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log.fatal(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  log = createLogger(config.logLevel);
  // Signals are handled from the start: a stop during startup (migrations, the embedded engine's
  // first initdb) waits for startup to settle and then stops cleanly, releasing the data folder's lock.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  server = await startServer(config);
  if (stopping) {
    await stopNow(0);
    return;
  }
  log.info(`Planspor is serving ${server.url}/graphql (health: ${server.url}/health)`);
}

async function stop(signal: string): Promise<void> {
  if (stopping) {
    log.info(`${signal}: already stopping`);
    return;
  }
  stopping = true;
  log.info(`${signal}: refusing new requests, finishing those in flight, then stopping`);
  const timer = setTimeout(() => {
    log.error(`Shutdown took longer than ${SHUTDOWN_BUDGET_MS / 1000} s: exiting`);
    process.exit(1);
  }, SHUTDOWN_BUDGET_MS);
  timer.unref();
  // Still starting: main() stops as soon as startServer() returns (or exits if it fails).
  if (server) await stopNow(0);
}

async function stopNow(exitCode: number): Promise<void> {
  const started = Date.now();
  try {
    await server?.stop();
    log.info(`Stopped in ${Date.now() - started} ms`);
    process.exit(exitCode);
  } catch (error) {
    log.error(`Stopping failed: ${describeError(error)}`);
    process.exit(1);
  }
}

// A stray rejected promise (say, from a connection that died during an outage) must not take the
// whole process down with it: log it and keep serving.
process.on('unhandledRejection', (reason) => {
  log.error(`Unhandled rejection (kept running): ${describeError(reason)}`);
});
// An exception nobody caught leaves the process in an unknown state: log it, stop gracefully, exit 1.
process.on('uncaughtException', (error) => {
  log.fatal(`Uncaught exception: ${describeError(error)}`);
  if (!stopping) {
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_BUDGET_MS).unref();
    void stopNow(1);
  }
});

main().catch((error) => {
  log.fatal(`Planspor failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
