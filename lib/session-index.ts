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
