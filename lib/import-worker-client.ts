import { browser } from 'wxt/browser';
import type { ImportedSession } from './formats/imported';
import type { ImportJobMessage, ImportJobRequest } from './import-job';
import type { ImportPreview } from './import-preview';

export interface ReadFile {
  preview: ImportPreview;
  sessions: ImportedSession[];
}

/**
 * Reads an import file in a worker (entrypoints/import-worker.ts), so a 100 MB file
 * leaves the page responsive. `onProgress` gets the fraction of the file read.
 */
export function readFileInWorker(
  request: ImportJobRequest,
  onProgress: (fraction: number) => void,
): Promise<ReadFile> {
  const worker = new Worker(browser.runtime.getURL('/import-worker.js'));
  const sessions: ImportedSession[] = [];
  return new Promise<ReadFile>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<ImportJobMessage>) => {
      if (data.kind === 'progress') onProgress(data.total > 0 ? data.read / data.total : 1);
      else if (data.kind === 'sessions') for (const s of data.sessions) sessions.push(s);
      else if (data.kind === 'done') resolve({ preview: data.preview, sessions });
      else reject(new Error(data.message));
    };
    worker.onerror = (event) =>
      reject(new Error(`Tabkeep could not read the file (${event.message}).`));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
