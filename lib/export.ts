import type { TabkeepDb } from './db';
import type { BrowserName } from './model';
import { toTabkeepFile } from './formats/own';
import type { OwnFile } from './formats/own-schema';
import { listLiveSessions } from './session-index';
import { readWindows } from './store/bodies';

/**
 * Every session that is not in the trash (or those with the given ids) as Tabkeep's own
 * file. Only reads, so a page runs it without the service; one read transaction gives a
 * consistent file even while autosaves write.
 */
export function exportSessions(
  db: TabkeepDb,
  meta: { appVersion: string; browser: BrowserName; now: number; ids?: readonly string[] },
): Promise<OwnFile> {
  return db.transaction('r', [db.summaries, db.bodies, db.refLists, db.tabRecords], async () => {
    const wanted = meta.ids === undefined ? null : new Set(meta.ids);
    const sessions = (await listLiveSessions(db)).filter((s) => wanted?.has(s.id) ?? true);
    const entries = [];
    for (const summary of sessions) {
      entries.push({ summary, windows: await readWindows(db, summary) });
    }
    return toTabkeepFile(entries, meta);
  });
}

/** "tabkeep-2026-11-21.json": the local date, so files of different days sort and differ. */
export function exportFileName(now: number, compressed: boolean): string {
  const d = new Date(now);
  const day = [d.getFullYear(), d.getMonth() + 1, d.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  return `tabkeep-${day}.json${compressed ? '.gz' : ''}`;
}
