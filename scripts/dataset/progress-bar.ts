/**
 * A plain-text progress bar on stderr. On a terminal it redraws one line; elsewhere (CI logs, pipes)
 * it prints a line at every tenth of the way, so logs stay short.
 */
export class ProgressBar {
  private readonly started = performance.now();
  private lastTenth = -1;
  private lastKey: string | undefined;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  /** `key`: off a terminal, a change of key (e.g. the phase) prints a line too. */
  update(fractionDone: number, detail = '', key?: string): void {
    const fraction = Math.max(0, Math.min(1, fractionDone));
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    const filled = Math.round(fraction * this.width);
    const line =
      `${this.label} [${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ` +
      `${String(Math.round(fraction * 100)).padStart(3)}% ${detail} (${seconds} s)`;
    if (this.stream.isTTY) {
      const now = performance.now();
      if (now - this.lastDraw < 100 && fraction < 1) return;
      this.lastDraw = now;
      this.stream.write(`\r${line.padEnd(this.stream.columns ? this.stream.columns - 1 : 100)}`);
    } else {
      const tenth = Math.floor(fraction * 10);
      if (tenth === this.lastTenth && key === this.lastKey) return;
      this.lastTenth = tenth;
      this.lastKey = key;
      this.stream.write(`${line}\n`);
    }
  }

  done(message = ''): void {
    if (this.stream.isTTY) this.stream.write('\n');
    if (message) this.stream.write(`${message}\n`);
  }
}
