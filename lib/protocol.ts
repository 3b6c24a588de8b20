import type { CookieScope } from './cookies/capture';
import type { CookieRestoreReport } from './cookies/restore-run';
import type { MoveTarget } from './edit/move-tabs';
import type { ImportCounts } from './import-preview';
import type { SessionSummary } from './model';
import type { RestoreMode } from './restore/mode';
import type { Settings } from './settings';

/*
 * The one interface through which the popup and manager ask the session service to
 * change anything. Pages import only types from here; the service implements it and
 * `protocol-server.ts` dispatches messages to it.
 */

export interface SaveRequest {
  /** Empty or absent: the default name. */
  name?: string;
  /**
   * Save the logins too: the cookies of the session's sites, or of all sites. Absent: none.
   * The page asks for the permissions first, from the person's click.
   */
  cookies?: CookieScope;
}

export interface SaveResult {
  session: SessionSummary;
  /** Private windows left out because Tabkeep may not see them. */
  skippedPrivateWindows: number;
  /** When cookies were asked for: how many were saved, and why none if it failed. */
  cookies?: { saved: number; note?: string };
}

export interface RestoreRequest {
  id: string;
  /** The page got the person's leave to set cookies; without it saved cookies stay saved. */
  cookies?: boolean;
  /** Absent: new windows. */
  mode?: RestoreMode;
}

export type { RestoreMode };

export interface KeepRequest {
  /** The autosave or recovered session to copy. */
  id: string;
  /** Empty or absent: the source's name. */
  name?: string;
}

export interface RestoreReport {
  windows: number;
  tabs: number;
  /** Tabs opened on the placeholder page instead of their URL. */
  placeholders: number;
  /** Things that did not come back exactly as saved, in words for a person. */
  warnings: string[];
  /** Present when the session keeps cookies. */
  cookies?: CookieRestoreReport;
  /** Replace mode: the windows closed after the session opened. */
  closedWindows?: number;
}

/**
 * One part of a big import. A message may not carry a whole 100 MB file's sessions
 * (Chrome's limit is 64 MB), so a page sends them in numbered parts, then commits them:
 * the service writes nothing before the commit, and then everything in one transaction.
 */
export interface StageImportRequest {
  /** Chosen by the page, new for each import. */
  importId: string;
  /** 0, 1, 2, … in order; part 0 starts the import afresh. */
  part: number;
  /**
   * The part's sessions (ImportedSession[]) as JSON text, written by the reading worker:
   * Chrome sends messages as JSON anyway, and a string crosses from worker to page to
   * service for a fraction of what the objects would cost the page's thread.
   */
  sessionsJson: string;
}

export interface CommitImportRequest {
  importId: string;
  /** How many parts the page sent, so a lost one cannot pass unnoticed. */
  parts: number;
}

export interface ImportResult {
  imported: SessionSummary[];
  /** Sessions left out because one with the same windows and tabs is already kept. */
  duplicates: number;
}

/**
 * One edit of a session's tabs. Tabs are named by position, counted across the session's
 * windows in order (window 0's tabs first); windows by their index in the session.
 */
export type TabEdit =
  | { op: 'remove'; tabs: number[] }
  | { op: 'move'; tabs: number[]; to: MoveTarget }
  | { op: 'dedupe' };

export interface EditTabsRequest {
  id: string;
  edit: TabEdit;
}

export interface EditTabsResult {
  session: SessionSummary;
  /** Tabs the edit took out of the session (0 for a move). */
  removed: number;
}

export interface MergeRequest {
  /** Two or more live sessions; their windows are copied in this order. */
  ids: string[];
  /** Empty or absent: a name made from the sources' names. */
  name?: string;
}

export interface ServiceApi {
  save(req: SaveRequest): Promise<SaveResult>;
  rename(req: { id: string; name: string }): Promise<SessionSummary>;
  remove(req: { id: string }): Promise<void>;
  undoRemove(req: { id: string }): Promise<void>;
  restore(req: RestoreRequest): Promise<RestoreReport>;
  keep(req: KeepRequest): Promise<SessionSummary>;
  editTabs(req: EditTabsRequest): Promise<EditTabsResult>;
  /** A new named session holding every window of the given ones; they stay as they are. */
  merge(req: MergeRequest): Promise<SessionSummary>;
  setTags(req: { id: string; tags: string[] }): Promise<SessionSummary>;
  setFavourite(req: { id: string; favourite: boolean }): Promise<SessionSummary>;
  /** Drops a session in the trash, with its saved cookies; no undo. */
  deleteForever(req: { id: string }): Promise<void>;
  emptyTrash(req: Record<string, never>): Promise<{ sessions: number }>;
  saveSettings(settings: Settings): Promise<Settings>;
  /** Deletes every saved cookie of every session, in the trash too. */
  forgetCookies(req: Record<string, never>): Promise<{ sessions: number }>;
  /** Counts so far: what the preview shows. */
  stageImport(req: StageImportRequest): Promise<ImportCounts>;
  commitImport(req: CommitImportRequest): Promise<ImportResult>;
  cancelImport(req: { importId: string }): Promise<void>;
  /**
   * Sent while a preview waits for the person: a message keeps the background service
   * from being stopped as idle (Chrome stops it after 30 s), which would lose the parts.
   */
  holdImport(req: { importId: string }): Promise<{ held: boolean }>;
}

export type Method = keyof ServiceApi;
export type ArgOf<M extends Method> = Parameters<ServiceApi[M]>[0];
export type ResultOf<M extends Method> = Awaited<ReturnType<ServiceApi[M]>>;

/** Bumped when a message changes shape, so a stale page gets a clear error. */
export const PROTOCOL_VERSION = 1;

export interface ServiceRequest<M extends Method = Method> {
  tabkeep: typeof PROTOCOL_VERSION;
  method: M;
  arg: ArgOf<M>;
}

export type ServiceReply<M extends Method = Method> =
  { ok: true; value: ResultOf<M> } | { ok: false; error: string };
