import * as v from 'valibot';
import { AutosaveStatusSchema, parseLiveRow, type ExitKind } from './run-state';

/** What the storage line tells: read only from the database, never waking the worker. */
export interface StorageHealth {
  sessions: number;
  autosaves: number;
  lastAutosaveAt: number | null;
  previousExit: ExitKind | null;
  autosaveError: { at: number; message: string } | null;
}

/** The same, from rows a page read itself (the popup reads IndexedDB without Dexie). */
export function healthOf(rows: {
  sessions: number;
  autosaves: number;
  newestAutosave: { createdAt: number } | undefined;
  live: unknown;
  status: unknown;
}): StorageHealth {
  const parsedStatus = v.safeParse(AutosaveStatusSchema, rows.status);
  return {
    sessions: rows.sessions,
    autosaves: rows.autosaves,
    lastAutosaveAt: rows.newestAutosave?.createdAt ?? null,
    previousExit: parseLiveRow(rows.live)?.previousExit ?? null,
    autosaveError: parsedStatus.success ? parsedStatus.output.error : null,
  };
}
