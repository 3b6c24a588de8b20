import { FormatError, type ImportedSession } from './formats/imported';
import { contentHash } from './hash';
import { readImportBlob } from './formats/read-stream';
import { PreviewTally, type ImportPreview } from './import-preview';
import { countTabs } from './model';
import type { StagedSession } from './protocol';

/*
 * Reading an import file, in a worker so the page never freezes: the file streams in,
 * new sessions go out to the page in batches as they are read, and a preview ends it.
 */

export interface ImportJobRequest {
  file: Blob;
  now: number;
  /** Content hashes of the sessions already kept. */
  kept: string[];
}

export type ImportJobMessage =
  | { kind: 'progress'; read: number; total: number }
  | { kind: 'sessions'; sessions: StagedSession[] }
  | { kind: 'done'; preview: ImportPreview }
  | { kind: 'failed'; message: string };

/**
 * A batch is sent once it holds this many tabs: few messages, each far below Chrome's 64 MB
 * message limit (about 300 bytes a tab), and each one part of the import.
 */
const BATCH_TABS = 5_000;
const HASHES_IN_FLIGHT = 64;
/** Progress is sent in steps of this fraction of the file. */
const PROGRESS_STEP = 0.01;

export async function runImportJob(
  { file, now, kept }: ImportJobRequest,
  post: (message: ImportJobMessage) => void,
): Promise<void> {
  const tally = new PreviewTally(kept);
  let batch: StagedSession[] = [];
  let batchTabs = 0;
  let reported = -1;
  /** Sessions whose hashes are being computed, in file order. */
  let hashing: { session: ImportedSession; hash: Promise<string> }[] = [];
  const flush = () => {
    if (batch.length > 0) post({ kind: 'sessions', sessions: batch });
    batch = [];
    batchTabs = 0;
  };
  const tallyHashed = async () => {
    const done = hashing;
    hashing = [];
    for (const { session, hash } of done) {
      const value = await hash;
      if (!tally.add(session, value)) continue;
      batch.push({ session, hash: value });
      batchTabs += countTabs(session.windows);
      if (batchTabs >= BATCH_TABS) flush();
    }
  };
  try {
    const read = await readImportBlob(file, {
      now,
      onProgress: (bytes) => {
        if (file.size > 0 && bytes / file.size - reported < PROGRESS_STEP) return;
        reported = file.size > 0 ? bytes / file.size : 1;
        post({ kind: 'progress', read: bytes, total: file.size });
      },
      // Digests run off this thread: parsing goes on while a few dozen are under way.
      onSession: (session) => {
        hashing.push({ session, hash: contentHash(session.windows) });
        return hashing.length >= HASHES_IN_FLIGHT ? tallyHashed() : undefined;
      },
    });
    await tallyHashed();
    flush();
    post({ kind: 'done', preview: tally.preview(read) });
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
