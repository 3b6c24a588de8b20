import { t } from '../i18n';
import { isGzip } from './bytes';
import { FormatError, type FormatId, type ImportedSession, type Skipped } from './imported';
import { JsonItemReader, type JsonEvent } from './json-items';
import { isMozLz4 } from './mozlz4';
import { checkTabkeepEnvelope, TabkeepSessionReader } from './own';
import { place } from './place';
import { TABKEEP_FORMAT } from './own-schema';
import { readImportFile } from './read-file';
import {
  looksLikeSessionBuddyJson,
  SESSIONS_KEY,
  SessionBuddySessionReader,
} from './session-buddy';
import { looksLikeTabSessionManager, TsmSessionReader } from './tab-session-manager';

/*
 * Any import file, read as a stream so that a 100 MB file never lies in memory whole.
 * The formats people keep years of sessions in, our own, Tab Session Manager's and Session
 * Buddy's JSON, are read one session at a time: each is converted and handed on before
 * the next is parsed. Every other file (text, Firefox's session store, and files whose
 * layout the stream cannot decide on) is read whole by `readImportFile`, with the same
 * results; both paths end only in FormatError.
 */

export interface StreamReadOptions {
  now: number;
  /** See ReadOptions.decrypted: cookies are imported only from an encrypted file. */
  decrypted?: boolean;
  /** Bytes of the file read so far. */
  onProgress?: (read: number) => void;
  /** Each session as soon as it is read, in file order; awaited before reading on. */
  onSession: (session: ImportedSession) => void | Promise<void>;
  /**
   * The sessions handed out so far are void: the file turned out not to be what its start
   * said (a Session Buddy file with a "format" member after its sessions, say), and is read
   * again, whole. Rare, and only after `onSession` was called.
   */
  onRestart: () => void;
}

export interface StreamedFile {
  format: FormatId;
  skipped: Skipped[];
}

/** What the stream found: a session reader for it, or "read the file whole". */
type Decision = 'whole' | null;

/** TSM is recognised by the first ten sessions, as `looksLikeTabSessionManager` does. */
const TSM_SAMPLE = 10;

/** A File, or anything that reads like one. */
export type ImportSource = Pick<Blob, 'size' | 'slice' | 'stream' | 'arrayBuffer'>;

export async function readImportBlob(
  file: ImportSource,
  options: StreamReadOptions,
): Promise<StreamedFile> {
  let streamed: StreamedFile | Decision;
  const dispatch = new Dispatch(options);
  try {
    streamed = await readStreamed(file, options, dispatch);
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(null, '', t('fileUnreadable', String(error)));
  }
  if (streamed !== 'whole' && streamed !== null) return streamed;
  if (dispatch.emitted > 0) options.onRestart();
  const parsed = await readImportFile(new Uint8Array(await file.arrayBuffer()), options);
  options.onProgress?.(file.size);
  for (const session of parsed.sessions) await options.onSession(session);
  return { format: parsed.format, skipped: parsed.skipped };
}

async function readStreamed(
  file: ImportSource,
  options: StreamReadOptions,
  dispatch: Dispatch,
): Promise<StreamedFile | Decision> {
  const magic = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  let read = 0;
  let stream = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        options.onProgress?.(read);
        controller.enqueue(chunk);
      },
    }),
  );
  const gzipped = isGzip(magic);
  if (gzipped) stream = stream.pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const json = new JsonItemReader();
  let first = true;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        if (!gzipped) throw error;
        throw new FormatError(null, '', t('fileGzipDamaged'));
      }
      if (next.done) break;
      if (first) {
        first = false;
        if (!startsLikeJson(next.value)) return 'whole';
      }
      for (const event of json.push(next.value)) {
        if ((await dispatch.on(event)) === 'whole') return 'whole';
      }
    }
    if (first) return 'whole'; // empty: the whole-file path says so
    // The reader may hand out last events before it says the file is broken.
    for (let events = json.end(); events.length > 0; events = json.end()) {
      for (const event of events) {
        if ((await dispatch.on(event)) === 'whole') return 'whole';
      }
    }
    return await dispatch.finish();
  } finally {
    // Stops the file and the decompressor when the stream is left early.
    void reader.cancel().catch(() => undefined);
  }
}

/**
 * JSON opening with `[` or `{` (after a byte-order mark and blanks) in the first chunk;
 * anything else, a Firefox session file included, is read whole.
 */
function startsLikeJson(chunk: Uint8Array): boolean {
  if (isMozLz4(chunk)) return false;
  let i = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  while (
    i < chunk.length &&
    (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)
  )
    i++;
  return chunk[i] === 0x5b || chunk[i] === 0x7b;
}

type SessionReader = TsmSessionReader | TabkeepSessionReader | SessionBuddySessionReader;

/** Routes the stream's events to the reader of the format they turn out to be. */
class Dispatch {
  private top: 'array' | 'object' = 'array';
  /** Top-level members seen so far (a Map: a key "__proto__" is only a key). */
  private readonly head = new Map<string, unknown>();
  /** Keys of the top-level members whose values are arrays. */
  private readonly arrays: string[] = [];
  /** Sessions handed out so far. */
  emitted = 0;
  /** TSM's first sessions, held until they decide the format. */
  private sample: unknown[] = [];
  private reader: SessionReader | null = null;
  /** The member whose array holds the sessions (null: the top-level array). */
  private sessionsKey: string | null = null;

  constructor(private readonly options: StreamReadOptions) {}

  async on(event: JsonEvent): Promise<Decision> {
    switch (event.kind) {
      case 'start':
        this.top = event.top;
        return null;
      case 'member':
        this.head.set(event.key, event.value);
        return null;
      case 'array':
        return this.onArray(event.key);
      case 'item':
        return this.onItem(event.key, event.index, event.value);
    }
  }

  private onArray(key: string): Decision {
    this.arrays.push(key);
    if (this.reader !== null) {
      if (key !== this.sessionsKey) return null;
      if (this.reader instanceof TabkeepSessionReader) {
        throw new FormatError('tabkeep', place.field(key), t('fileAppearsTwice'));
      }
      // JSON.parse keeps the last of a repeated key: the whole file decides.
      return 'whole';
    }
    if (this.head.get('format') === TABKEEP_FORMAT) return this.onTabkeepArray(key);
    return this.onSessionBuddyArray(key);
  }

  private onTabkeepArray(key: string): Decision {
    // A field a later Tabkeep added before its sessions.
    if (key !== 'sessions') return null;
    this.head.set(key, []);
    try {
      this.reader = new TabkeepSessionReader(this.envelope(), this.options.now, {
        cookies: this.options.decrypted === true,
      });
    } catch {
      // Perhaps the version comes after the sessions: the whole file decides.
      return 'whole';
    }
    this.sessionsKey = key;
    return null;
  }

  /** Session Buddy's sessions or collections, when nothing before them says otherwise. */
  private onSessionBuddyArray(key: string): Decision {
    const format = this.sessionBuddyFormat();
    if (format === null || SESSIONS_KEY[format] !== key) return 'whole';
    this.reader = new SessionBuddySessionReader(format, this.options.now);
    this.sessionsKey = key;
    return null;
  }

  /** What the whole-file path would take the file for, from the top-level keys seen. */
  private sessionBuddyFormat() {
    const keys: Record<string, true> = Object.create(null) as Record<string, true>;
    for (const key of [...this.head.keys(), ...this.arrays]) keys[key] = true;
    return looksLikeSessionBuddyJson(keys);
  }

  private async onItem(key: string | null, index: number, value: unknown): Promise<Decision> {
    if (key === null && this.reader === null) {
      this.sample.push(value);
      return this.sample.length < TSM_SAMPLE ? null : this.decideArray();
    }
    if (this.reader !== null && key === this.sessionsKey) await this.emit(index, value);
    return null;
  }

  /** A top-level array is a TSM file, or left to the whole-file path to name. */
  private async decideArray(): Promise<Decision> {
    if (!looksLikeTabSessionManager(this.sample)) return 'whole';
    this.reader = new TsmSessionReader(this.options.now);
    const sample = this.sample;
    this.sample = [];
    for (let i = 0; i < sample.length; i++) await this.emit(i, sample[i]);
    return null;
  }

  private async emit(index: number, value: unknown): Promise<void> {
    const session = this.reader!.item(value, index);
    if (session === null) return;
    this.emitted++;
    await this.options.onSession(session);
  }

  async finish(): Promise<StreamedFile | Decision> {
    if (this.top === 'array' && this.reader === null) {
      if ((await this.decideArray()) === 'whole') return 'whole';
    }
    if (this.reader === null) return 'whole';
    // Members after the sessions may make it another file (a "format" member, say).
    if (
      this.reader instanceof SessionBuddySessionReader &&
      this.sessionBuddyFormat() !== this.reader.format
    ) {
      return 'whole';
    }
    // Members after the sessions belong to the envelope too.
    if (this.reader instanceof TabkeepSessionReader) checkTabkeepEnvelope(this.envelope());
    this.reader.finish();
    return { format: this.reader.format, skipped: this.reader.skipped };
  }

  /** The top-level object without its sessions, for the envelope check. */
  private envelope(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.head) {
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
}
