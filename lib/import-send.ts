import type { ImportCounts } from './import-preview';
import type { ArgOf, ImportResult, Method, ResultOf } from './protocol';

/** Well inside Chrome's 30 s idle limit for an extension's service worker. */
const HOLD_EVERY_MS = 20_000;

export type CallService = <M extends Method>(method: M, arg: ArgOf<M>) => Promise<ResultOf<M>>;

/**
 * Hands the sessions of one import to the service part by part while the file is still
 * being read (a message may not carry a 100 MB file's sessions), then commits them: the
 * service keeps parts in memory and writes them all in one transaction, or nothing.
 */
export class ImportStager {
  private importId = crypto.randomUUID();
  private parts = 0;
  private counts: ImportCounts = { sessions: 0, windows: 0, tabs: 0, duplicates: 0, logins: 0 };
  /** Parts go one after another, in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private holding: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly call: CallService,
    /** For the parts: a transport for megabytes (callServiceBulk). */
    private readonly sendPart: CallService = call,
  ) {}

  /**
   * Sends a part: `sessionsJson` is a batch of sessions (ImportedSession[]) as JSON text.
   * A failure surfaces at `staged()` or `commit()`.
   */
  add(sessionsJson: string): void {
    const part = this.parts++;
    const { importId } = this;
    this.queue = this.queue.then(async () => {
      const counts = await this.sendPart('stageImport', { importId, part, sessionsJson });
      if (importId === this.importId) this.counts = counts;
    });
  }

  /**
   * Drops the parts sent so far and starts the import over, under a new id: the reader
   * found the file is not what its start said, and reads it again.
   */
  restart(): void {
    const dropped = this.importId;
    this.importId = crypto.randomUUID();
    this.parts = 0;
    this.counts = { sessions: 0, windows: 0, tabs: 0, duplicates: 0, logins: 0 };
    // A part of the dropped import that failed does not fail this one.
    this.queue = this.queue
      .catch(() => undefined)
      .then(() => this.call('cancelImport', { importId: dropped }))
      .catch(() => undefined);
  }

  /** Once every part sent so far has reached the service: what it counted, for the preview. */
  async staged(): Promise<ImportCounts> {
    await this.queue;
    return this.counts;
  }

  /**
   * From the first part until commit or cancel, a runtime message every HOLD_EVERY_MS keeps
   * the service (and the parts it holds) from being stopped as idle: while the preview waits
   * for the person, and while a slow read sends parts by the bulk transport, which need not
   * count as activity for an extension's service worker.
   */
  hold(): void {
    this.stopHolding();
    this.holding = setInterval(() => {
      void this.call('holdImport', { importId: this.importId }).catch(() => undefined);
    }, HOLD_EVERY_MS);
  }

  private stopHolding(): void {
    if (this.holding !== undefined) clearInterval(this.holding);
    this.holding = undefined;
  }

  async commit(): Promise<ImportResult> {
    this.stopHolding();
    try {
      await this.queue;
      // An empty import is still one (empty) part, so the service answers as for any other.
      if (this.parts === 0) this.add('[]');
      await this.queue;
      return await this.call('commitImport', { importId: this.importId, parts: this.parts });
    } catch (error) {
      await this.cancel();
      throw error;
    }
  }

  /** Drops what the service holds for this import. */
  async cancel(): Promise<void> {
    this.stopHolding();
    await this.call('cancelImport', { importId: this.importId }).catch(() => undefined);
  }
}
