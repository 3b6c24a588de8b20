import * as v from 'valibot';
import { UserError } from './errors';
import type { ImportedSession } from './formats/imported';
import { contentHash } from './hash';
import { PreviewTally, type ImportCounts } from './import-preview';
import { ImportedSessionSchema } from './model';
import type { CommitImportRequest, StageImportRequest } from './protocol';

/** A session of an import, with its content hash. */
export interface StagedSession {
  session: ImportedSession;
  hash: string;
}

/** A page that stops sending parts leaves nothing behind for longer than this. */
const STALE_MS = 10 * 60_000;

interface Staged {
  tally: PreviewTally;
  sessions: StagedSession[];
  parts: number;
  touched: number;
}

/**
 * The parts of imports not yet committed, in memory only: nothing of them reaches the
 * database before the commit, and a restart of the service forgets them, which the page
 * then hears as "interrupted". Each session is hashed here, as it arrives, against what
 * is kept and what came before it, so the preview's counts are the service's own and the
 * hashing runs on another thread than the file's reading.
 */
export class ImportStaging {
  private readonly imports = new Map<string, Staged>();

  constructor(
    private readonly now: () => number,
    /** Content hashes of the sessions kept now. */
    private readonly kept: () => Promise<string[]>,
  ) {}

  async stage({ importId, part, sessionsJson }: StageImportRequest): Promise<ImportCounts> {
    const sessions = parsePart(sessionsJson);
    this.dropStale();
    if (part === 0) {
      const tally = new PreviewTally(await this.kept());
      this.imports.set(importId, { tally, sessions: [], parts: 0, touched: 0 });
    }
    const staged = this.imports.get(importId);
    if (staged === undefined || staged.parts !== part) {
      throw new UserError('errorImportInterrupted');
    }
    staged.parts++;
    staged.touched = this.now();
    const hashes = await Promise.all(sessions.map((s) => contentHash(s.windows)));
    sessions.forEach((session: ImportedSession, i) => {
      const hash = hashes[i]!;
      if (staged.tally.add(session, hash)) staged.sessions.push({ session, hash });
    });
    return staged.tally.counts();
  }

  /** The sessions of a complete import, which leaves the staging area either way. */
  take({ importId, parts }: CommitImportRequest): StagedSession[] {
    const staged = this.imports.get(importId);
    this.imports.delete(importId);
    if (staged === undefined || staged.parts !== parts) {
      throw new UserError('errorImportInterrupted');
    }
    return staged.sessions;
  }

  cancel(importId: string): void {
    this.imports.delete(importId);
  }

  /** Keeps an import from going stale; false when the service no longer holds it. */
  hold(importId: string): boolean {
    const staged = this.imports.get(importId);
    if (staged !== undefined) staged.touched = this.now();
    return staged !== undefined;
  }

  private dropStale(): void {
    const now = this.now();
    for (const [id, staged] of this.imports) {
      if (now - staged.touched > STALE_MS) this.imports.delete(id);
    }
  }
}

const PartSchema = v.array(ImportedSessionSchema);

/** A part's JSON text -> sessions, checked against the model like any input from outside. */
function parsePart(json: string): ImportedSession[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new UserError('errorImportPartNotJson');
  }
  const parsed = v.safeParse(PartSchema, value);
  if (!parsed.success) {
    throw new UserError('errorImportPartMalformed', parsed.issues[0].message);
  }
  return parsed.output;
}
