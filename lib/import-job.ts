import { FormatError, type ImportedSession } from './formats/imported';
import { readImportBlob } from './formats/read-stream';
import { readSummary, type ReadSummary } from './import-preview';
import { countTabs } from './model';

/*
 * Reading an import file, in a worker so the page never freezes: the file streams in, its
 * sessions go out to the page in batches as they are read (the page hands them on to the
 * service, which counts and hashes them on another thread), and a summary ends it.
 */

export interface ImportJobRequest {
  file: Blob;
  now: number;
}

export type ImportJobMessage =
  | { kind: 'progress'; read: number; total: number }
  /** A batch of sessions (ImportedSession[]) as JSON text, as the service takes it. */
  | { kind: 'sessions'; json: string }
  /** The batches sent so far are void: the file is read again (see readImportBlob). */
  | { kind: 'restart' }
  | { kind: 'done'; read: ReadSummary }
  | { kind: 'failed'; message: string };

/**
 * A batch is sent once it holds this many tabs: few messages, each far below Chrome's 64 MB
 * message limit (about 300 bytes a tab), and each one part of the import.
 */
const BATCH_TABS = 5_000;
/** Progress is sent in steps of this fraction of the file. */
const PROGRESS_STEP = 0.01;

export async function runImportJob(
  { file, now }: ImportJobRequest,
  post: (message: ImportJobMessage) => void,
): Promise<void> {
  let batch: ImportedSession[] = [];
  let batchTabs = 0;
  let reported = -1;
  const flush = () => {
    if (batch.length > 0) post({ kind: 'sessions', json: JSON.stringify(batch) });
    batch = [];
    batchTabs = 0;
  };
  try {
    const read = await readImportBlob(file, {
      now,
      onProgress: (bytes) => {
        if (file.size > 0 && bytes / file.size - reported < PROGRESS_STEP) return;
        reported = file.size > 0 ? bytes / file.size : 1;
        post({ kind: 'progress', read: bytes, total: file.size });
      },
      onSession: (session) => {
        batch.push(session);
        batchTabs += countTabs(session.windows);
        if (batchTabs >= BATCH_TABS) flush();
      },
      onRestart: () => {
        batch = [];
        batchTabs = 0;
        post({ kind: 'restart' });
      },
    });
    flush();
    post({ kind: 'done', read: readSummary(read) });
  } catch (error) {
    post({
      kind: 'failed',
      message:
        error instanceof FormatError
          ? error.message
          : `Tabkeep could not read the file (${String(error)}).`,
    });
  }
}
