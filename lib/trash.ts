import { Dexie } from 'dexie';
import * as v from 'valibot';
import type { TabkeepDb } from './db';
import { UserError } from './errors';
import { SHARED_KINDS, SessionSummarySchema, type SessionSummary } from './model';
import { droppingTables, dropSessions, sweepUnheld } from './store/bodies';

/** How long a deleted session waits in the trash before it is purged. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days until the session is purged, counted up: deleted just now -> 30. */
export function daysLeft(deletedAt: number, now: number): number {
  return Math.max(0, Math.ceil((deletedAt + TRASH_DAYS * DAY_MS - now) / DAY_MS));
}

/** Sessions in the trash, most recently deleted first. Read straight by pages. */
export async function listTrash(db: TabkeepDb): Promise<SessionSummary[]> {
  const rows = await db.summaries.where('[deletedAt+createdAt]').above([0, Dexie.maxKey]).toArray();
  return rows
    .filter((row) => v.is(SessionSummarySchema, row))
    .sort((a, b) => b.deletedAt - a.deletedAt);
}

/**
 * Drops sessions for good with their bodies, saved cookies and search texts; when one of
 * them shared tab records (the autosave family), the records nobody holds any more go too.
 */
function dropForGood(db: TabkeepDb, select: (trash: SessionSummary[]) => SessionSummary[]) {
  return db.transaction('rw', droppingTables(db), async () => {
    const victims = select(await listTrash(db));
    await dropSessions(
      db,
      victims.map((s) => s.id),
    );
    if (victims.some((s) => SHARED_KINDS.includes(s.kind))) await sweepUnheld(db);
    return victims.length;
  });
}

/** Purges sessions deleted more than TRASH_DAYS ago; returns how many. */
export function purgeTrash(db: TabkeepDb, now: number): Promise<number> {
  const cutoff = now - TRASH_DAYS * DAY_MS;
  return dropForGood(db, (trash) => trash.filter((s) => s.deletedAt <= cutoff));
}

/** Drops one session that is in the trash. Live sessions must be deleted first. */
export async function deleteForever(db: TabkeepDb, id: string): Promise<void> {
  const dropped = await dropForGood(db, (trash) => trash.filter((s) => s.id === id));
  if (dropped === 0) throw new UserError('errorNotInTrash');
}

export function emptyTrash(db: TabkeepDb): Promise<number> {
  return dropForGood(db, (trash) => trash);
}
