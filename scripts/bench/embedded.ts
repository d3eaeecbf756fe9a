import { AppProcess } from './app-process.js';

export interface EmbeddedMemory {
  /** Seconds from spawn until /health answered (PGlite started, migrated, demo data loaded). */
  startSeconds: number;
  /** VmRSS once started and idle: the median of the samples, MB. */
  steadyRssMb: number;
  /** VmRSS samples over the idle window, MB. */
  samplesMb: number[];
  /** VmHWM: the peak during start, MB. */
  peakRssMb: number;
  /** RSS after a few page requests (the demo's plan page as its secretariat would open it), MB. */
  afterRequestsRssMb: number | null;
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/**
 * Target 7's second half: the app as `npm start` runs it without DATABASE_URL, i.e. the embedded
 * engine (PGlite) in a fresh data folder with the demo data, NODE_ENV unset. Its RSS is sampled every
 * second for `idleSeconds` once /health answers, after a settling pause; then once more after 20
 * GraphQL requests (`{ __typename }`: the request path warmed, no dataset-sized reads).
 */
export async function measureEmbedded(repoRoot: string, log: (line: string) => void, idleSeconds = 10): Promise<EmbeddedMemory> {
  const began = performance.now();
  const app = await AppProcess.start(repoRoot, '', { NODE_ENV: '', DEMO_DATA: 'true', DATA_DIR: './data' }, 180_000);
  try {
    const startSeconds = Math.round((performance.now() - began) / 100) / 10;
    await new Promise((r) => setTimeout(r, 5000));
    const samples: number[] = [];
    for (let i = 0; i < idleSeconds; i++) {
      samples.push(mb(app.memory().rssKb));
      await new Promise((r) => setTimeout(r, 1000));
    }
    const sorted = [...samples].sort((a, b) => a - b);
    for (let i = 0; i < 20; i++) {
      await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    }
    const result: EmbeddedMemory = {
      startSeconds,
      steadyRssMb: sorted[Math.floor(sorted.length / 2)],
      samplesMb: samples,
      peakRssMb: mb(app.memory().hwmKb),
      afterRequestsRssMb: mb(app.memory().rssKb),
    };
    log(`embedded: started in ${startSeconds} s; steady RSS ${result.steadyRssMb} MB (peak ${result.peakRssMb} MB, ${result.afterRequestsRssMb} MB after 20 requests)`);
    return result;
  } finally {
    await app.stop();
  }
}
