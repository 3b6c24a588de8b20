import { Dexie } from 'dexie';
import * as v from 'valibot';
import type { TabkeepDb } from './db';
import { SessionSummarySchema, type SessionSummary } from './model';

/**
 * Live sessions, newest first, read straight from IndexedDB so a page can paint without
 * waking the service worker. Reads summaries only; rows that fail the schema (written by
 * a version that went wrong) are left out rather than breaking the list.
 */
export async function listLiveSessions(db: TabkeepDb): Promise<SessionSummary[]> {
  const rows = await db.summaries
    .where('[deletedAt+createdAt]')
    .between([0, Dexie.minKey], [0, Dexie.maxKey])
    .reverse()
    .toArray();
  return rows.filter((row) => v.is(SessionSummarySchema, row));
}

export interface SessionGroups {
  /** Recovered after a crash or exit, newest first: what the user most likely wants back. */
  recovered: SessionSummary[];
  named: SessionSummary[];
  autosaves: SessionSummary[];
}

/** Splits a newest-first list into the popup's sections, keeping the order. */
export function groupSessions(sessions: readonly SessionSummary[]): SessionGroups {
  const groups: SessionGroups = { recovered: [], named: [], autosaves: [] };
  for (const s of sessions) {
    if (s.kind === 'crash' || s.kind === 'exit') groups.recovered.push(s);
    else if (s.kind === 'autosave') groups.autosaves.push(s);
    else groups.named.push(s);
  }
  return groups;
}
