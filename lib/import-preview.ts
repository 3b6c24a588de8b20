import {
  FORMAT_NAMES,
  type FormatId,
  type ImportedSession,
  type Skipped,
} from './formats/imported';
import { countTabs } from './model';

/** What an import will bring, as the service counted it while the file was read. */
export interface ImportCounts {
  /** Sessions to import: not already kept, not twice in the file. */
  sessions: number;
  windows: number;
  tabs: number;
  /** Sessions left out because Tabkeep already keeps the same windows and tabs. */
  duplicates: number;
  /** Sessions to import that bring saved logins (cookies). */
  logins: number;
}

/** What the file held that cannot be imported, as its reader found it. */
export interface ReadSummary {
  format: FormatId;
  /** The first things left out and why (a damaged file may list thousands). */
  skipped: Skipped[];
  skippedCount: number;
}

/** What an import will do, shown before anything is written. */
export interface ImportPreview extends ImportCounts {
  formatName: string;
  skipped: Skipped[];
  skippedCount: number;
}

const SKIPPED_KEPT = 100;

/**
 * What makes two sessions the same for an import: their windows and tabs, and whether they
 * keep a login. A file that brings the login of a session already kept without one is not
 * a duplicate: leaving it out would lose the login.
 */
export function dedupeKey(hash: string, hasCookies: boolean): string {
  return hasCookies ? `${hash}+cookies` : hash;
}

/** An imported session brings a login when it has cookies; an empty list is none. */
export function hasLogin(
  session: ImportedSession,
): session is ImportedSession & { cookies: NonNullable<ImportedSession['cookies']> } {
  return session.cookies !== undefined && session.cookies.length > 0;
}

/**
 * Counts an import session by session, in file order, and tells which sessions are new:
 * not already kept (by content hash), and not met earlier in the same file.
 */
export class PreviewTally {
  private readonly seen: Set<string>;
  private sessions = 0;
  private windows = 0;
  private tabs = 0;
  private duplicates = 0;
  private logins = 0;

  /** `kept`: the dedupe keys (see `dedupeKey`) of the sessions Tabkeep keeps now. */
  constructor(kept: Iterable<string>) {
    this.seen = new Set(kept);
  }

  /** True when the session (with this content hash) is new and should be imported. */
  add(session: ImportedSession, hash: string): boolean {
    const key = dedupeKey(hash, hasLogin(session));
    if (this.seen.has(key)) {
      this.duplicates++;
      return false;
    }
    this.seen.add(key);
    this.sessions++;
    if (hasLogin(session)) this.logins++;
    this.windows += session.windows.length;
    this.tabs += countTabs(session.windows);
    return true;
  }

  counts(): ImportCounts {
    return {
      sessions: this.sessions,
      windows: this.windows,
      tabs: this.tabs,
      duplicates: this.duplicates,
      logins: this.logins,
    };
  }
}

/** A reader's result, small enough for a message: the first things left out, and how many. */
export function readSummary(file: { format: FormatId; skipped: Skipped[] }): ReadSummary {
  return {
    format: file.format,
    skipped: file.skipped.slice(0, SKIPPED_KEPT),
    skippedCount: file.skipped.length,
  };
}

export function toPreview(read: ReadSummary, counts: ImportCounts): ImportPreview {
  return {
    formatName: FORMAT_NAMES[read.format],
    ...counts,
    skipped: read.skipped,
    skippedCount: read.skippedCount,
  };
}
