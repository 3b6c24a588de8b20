import type { TabkeepDb } from '../db';
import type { WindowSnap } from '../model';
import { searchTextOf } from '../search/text';

/*
 * Search texts are kept for sessions whose body is stored whole (named and imported).
 * The autosave family shares its tab records; its text is built when search loads, so an
 * autosave still writes only what changed.
 */

export interface SearchTextRow {
  id: string;
  text: string;
}

/** Writes a session's search text. In the caller's transaction, beside its body. */
export function writeSearchText(
  db: TabkeepDb,
  id: string,
  windows: readonly WindowSnap[],
): Promise<string> {
  return db.searchTexts.put({ id, text: searchTextOf(windows) });
}

export function writeSearchTexts(
  db: TabkeepDb,
  sessions: readonly { id: string; windows: readonly WindowSnap[] }[],
): Promise<string> {
  return db.searchTexts.bulkPut(sessions.map((s) => ({ id: s.id, text: searchTextOf(s.windows) })));
}
