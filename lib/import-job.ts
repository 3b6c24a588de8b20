import { EnvelopeError, open } from './formats/envelope';
import { FormatError, type ImportedSession } from './formats/imported';
import { SealedFile } from './formats/read-file';
import { readImportBlob, type ImportSource, type StreamedFile } from './formats/read-stream';
import { t, type MessageTemplates } from './i18n';
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
  /** For an encrypted file; never stored, and gone with the worker. */
  passphrase?: string;
}

/** What the page sends its worker: the request, and the words the worker may need. */
export interface ImportWorkerRequest extends ImportJobRequest {
  /** A worker has no i18n API: the page reads these for it (IMPORT_WORKER_MESSAGES). */
  messages: MessageTemplates;
}

export type ImportJobMessage =
  | { kind: 'progress'; read: number; total: number }
  /** A batch of sessions (ImportedSession[]) as JSON text, as the service takes it. */
  | { kind: 'sessions'; json: string }
  /** The batches sent so far are void: the file is read again (see readImportBlob). */
  | { kind: 'restart' }
  | { kind: 'done'; read: ReadSummary }
  /** The file is encrypted, and no passphrase came with it. */
  | { kind: 'locked' }
  | { kind: 'failed'; message: string; reason?: EnvelopeError['reason'] };

/**
 * A batch is sent once it holds this many tabs: few messages, each far below Chrome's 64 MB
 * message limit (about 300 bytes a tab), and each one part of the import.
 */
const BATCH_TABS = 5_000;
/** Progress is sent in steps of this fraction of the file. */
const PROGRESS_STEP = 0.01;

export async function runImportJob(
  { file, now, passphrase }: ImportJobRequest,
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
  const read = (source: ImportSource, decrypted: boolean): Promise<StreamedFile> =>
    readImportBlob(source, {
      now,
      decrypted,
      onProgress: (bytes) => {
        if (source.size > 0 && bytes / source.size - reported < PROGRESS_STEP) return;
        reported = source.size > 0 ? bytes / source.size : 1;
        post({ kind: 'progress', read: bytes, total: source.size });
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
  try {
    let parsed: StreamedFile;
    try {
      parsed = await read(file, false);
    } catch (error) {
      if (!(error instanceof SealedFile)) throw error;
      if (passphrase === undefined) return post({ kind: 'locked' });
      // Nothing was handed out: an envelope holds no sessions of its own.
      reported = -1;
      parsed = await read(new Blob([(await open(error.envelope, passphrase)) as BlobPart]), true);
    }
    flush();
    post({ kind: 'done', read: readSummary(parsed) });
  } catch (error) {
    post({
      kind: 'failed',
      message:
        error instanceof FormatError || error instanceof EnvelopeError
          ? error.message
          : t('fileReadFailed', String(error)),
      ...(error instanceof EnvelopeError && { reason: error.reason }),
    });
  }
}
