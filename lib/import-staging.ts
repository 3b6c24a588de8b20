import { UserError } from './errors';
import type { CommitImportRequest, StagedSession, StageImportRequest } from './protocol';

/** A page that stops sending parts leaves nothing behind for longer than this. */
const STALE_MS = 10 * 60_000;

const INTERRUPTED =
  'The import was interrupted (Tabkeep’s background service restarted). Nothing was imported: import the file again.';

/**
 * The parts of imports not yet committed, in memory only: nothing of them reaches the
 * database before the commit, and a restart of the service forgets them, which the page
 * then hears as "interrupted".
 */
export class ImportStaging {
  private readonly imports = new Map<
    string,
    { sessions: StagedSession[]; parts: number; touched: number }
  >();

  constructor(private readonly now: () => number) {}

  stage({ importId, part, sessions }: StageImportRequest): { staged: number } {
    this.dropStale();
    if (part === 0) this.imports.set(importId, { sessions: [], parts: 0, touched: 0 });
    const staged = this.imports.get(importId);
    if (staged === undefined || staged.parts !== part) throw new UserError(INTERRUPTED);
    for (const session of sessions) staged.sessions.push(session);
    staged.parts++;
    staged.touched = this.now();
    return { staged: staged.sessions.length };
  }

  /** The sessions of a complete import, which leaves the staging area either way. */
  take({ importId, parts }: CommitImportRequest): StagedSession[] {
    const staged = this.imports.get(importId);
    this.imports.delete(importId);
    if (staged === undefined || staged.parts !== parts) throw new UserError(INTERRUPTED);
    return staged.sessions;
  }

  cancel(importId: string): void {
    this.imports.delete(importId);
  }

  private dropStale(): void {
    const now = this.now();
    for (const [id, staged] of this.imports) {
      if (now - staged.touched > STALE_MS) this.imports.delete(id);
    }
  }
}
