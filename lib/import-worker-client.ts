import { browser } from 'wxt/browser';
import { messageTemplates, t } from './i18n';
import type { ImportJobMessage, ImportJobRequest, ImportWorkerRequest } from './import-job';
import type { ReadSummary } from './import-preview';
import { IMPORT_WORKER_MESSAGES } from './import-words';

export interface WorkerHandlers {
  /** The fraction of the file read. */
  onProgress(fraction: number): void;
  /** Sessions in file order, as they are read: a batch as JSON text. */
  onSessions(json: string): void;
  /** The batches so far are void: the file is being read again. */
  onRestart(): void;
}

/** A read that failed, and, for an encrypted file, whether the passphrase was wrong. */
export class ImportReadError extends Error {
  override name = 'ImportReadError';
  constructor(
    message: string,
    readonly reason?: 'wrong-passphrase' | 'damaged' | 'unsupported',
  ) {
    super(message);
  }
}

/**
 * Reads an import file in a worker (entrypoints/import-worker.ts), so a 100 MB file
 * leaves the page responsive. Resolves once the file is read, or with 'locked' when it is
 * encrypted and came without its passphrase; `signal` stops the worker.
 */
export function readFileInWorker(
  request: ImportJobRequest,
  handlers: WorkerHandlers,
  signal?: AbortSignal,
): Promise<ReadSummary | 'locked'> {
  const worker = new Worker(browser.runtime.getURL('/import-worker.js'));
  return new Promise<ReadSummary | 'locked'>((resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('The read was stopped.')));
    worker.onmessage = ({ data }: MessageEvent<ImportJobMessage>) => {
      if (data.kind === 'progress')
        handlers.onProgress(data.total > 0 ? data.read / data.total : 1);
      else if (data.kind === 'sessions') handlers.onSessions(data.json);
      else if (data.kind === 'restart') handlers.onRestart();
      else if (data.kind === 'done') resolve(data.read);
      else if (data.kind === 'locked') resolve('locked');
      else reject(new ImportReadError(data.message, data.reason));
    };
    worker.onerror = (event) => reject(new Error(t('fileReadFailed', event.message)));
    const sent: ImportWorkerRequest = {
      ...request,
      messages: messageTemplates(IMPORT_WORKER_MESSAGES),
    };
    worker.postMessage(sent);
  }).finally(() => worker.terminate());
}
