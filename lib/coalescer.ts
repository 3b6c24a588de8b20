/**
 * Runs `task` at most `delayMs` after the first of a burst of pokes, one run at a time:
 * a poke during a run schedules one more run after it. Bursts of tab events become one
 * snapshot, and no change waits longer than the delay plus one run.
 */
export class Coalescer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly task: () => Promise<void>,
    private readonly delayMs: number,
  ) {}

  poke(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.chain = this.chain.then(this.task).catch(() => undefined);
    }, this.delayMs);
  }
}
