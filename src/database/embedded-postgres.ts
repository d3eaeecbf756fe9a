import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) served over the Postgres wire
 * protocol, so the ordinary `pg` driver talks to it unchanged. All connections share one session,
 * which is why the app uses a pool of one against it.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
    private readonly lockFile?: string,
  ) {}

  /** `dataDir` undefined keeps everything in memory (tests). */
  static async start(dataDir?: string): Promise<EmbeddedPostgres> {
    let lockFile: string | undefined;
    let pgDir: string | undefined;
    if (dataDir) {
      const dir = resolve(dataDir);
      mkdirSync(dir, { recursive: true });
      lockFile = join(dir, 'planspor.lock');
      takeLock(lockFile);
      pgDir = join(dir, 'pg');
    }
    try {
      const db = await PGlite.create(pgDir);
      // One connection: every client of the socket shares PGlite's single session, so a second one
      // (a pg_dump, a psql) could change the app's session state under it.
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
      await server.start();
      const address = server.getServerConn(); // "127.0.0.1:PORT"
      return new EmbeddedPostgres(db, server, `postgres://postgres@${address}/postgres`, lockFile);
    } catch (error) {
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

// Names this process in its lock files: in a container a restarted server often has the same pid
// as the one that died, and must not mistake that one's lock for a live holder.
const PROCESS_TOKEN = randomUUID();

/** Two processes on one PGlite folder silently lose writes: refuse unless the holder is gone. */
function takeLock(lockFile: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid} ${PROCESS_TOKEN}`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, token] = readFileSync(lockFile, 'utf8').trim().split(' ');
      const holder = Number(pid);
      const heldHere = token === PROCESS_TOKEN;
      const heldElsewhere = holder !== process.pid && holder > 0 && isAlive(holder);
      if (heldHere || heldElsewhere) {
        throw new Error(
          `the data folder is in use by process ${holder} (${lockFile}); stop it or set DATA_DIR to another folder`,
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that died
    }
  }
  throw new Error(`could not take the lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
