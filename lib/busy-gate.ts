/**
 * Work that must wait while some other work runs, without stopping it from starting:
 * `idle()` resolves once nothing holds the gate. The live snapshot waits out a restore this
 * way: a snapshot a second of a window still filling costs the restore CPU and tells
 * nothing the snapshot after it will not.
 */
export class BusyGate {
  private holders = 0;
  private waiters: (() => void)[] = [];

  /** Holds the gate while `work` runs. */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.holders++;
    try {
      return await work();
    } finally {
      if (--this.holders === 0) {
        const waiting = this.waiters;
        this.waiters = [];
        for (const wake of waiting) wake();
      }
    }
  }

  idle(): Promise<void> {
    if (this.holders === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
