import type { TabkeepDb } from './db';
import { countTabs, type WindowSnap } from './model';
import {
  freshLiveRow,
  LIVE_KEY,
  parseLiveRow,
  parseWindowClosed,
  WINDOW_CLOSED_KEY,
} from './run-state';
import { readRefList, readSeal } from './store/ref-lists';
import { internWindows } from './store/tab-records';

/** What the browser shows now, mapped and hashed before any transaction starts. */
export interface LiveInput {
  windows: WindowSnap[];
  hash: string;
  blank: boolean;
  sites: string;
}

export type LiveOutcome = 'written' | 'unchanged' | 'kept-previous';

/**
 * Rewrites the live snapshot when the browser changed. Adds records only for tab states
 * not stored yet, and frees the records only the old snapshot held.
 */
export function writeLive(
  db: TabkeepDb,
  input: LiveInput,
  now: number,
  newRunId: () => string,
): Promise<LiveOutcome> {
  return db.transaction('rw', [db.tabRecords, db.refLists, db.state], async () => {
    const row = parseLiveRow(await db.state.get(LIVE_KEY)) ?? freshLiveRow(newRunId(), now, 'none');
    // The last window closing leaves nothing open: the state before it is what to recover.
    if (countTabs(input.windows) === 0) return 'kept-previous';
    // A window closed since: rewrite even an equal state, so the run does not look ended.
    const closed = parseWindowClosed(await db.state.get(WINDOW_CLOSED_KEY));
    const closedSince = closed !== null && closed.at > row.updatedAt;
    if (row.hash === input.hash && !closedSince) return 'unchanged';
    const previous = (row.list > 0 && (await readRefList(db, row.list))) || [];
    const refs = await internWindows(
      db,
      input.windows,
      previous.flatMap((w) => w.tabs),
    );
    const list = await db.refLists.add({ windows: refs });
    // Free what only the replaced snapshot held: its list, and records no one else has.
    const sealed = await readSeal(db);
    if (row.list > sealed.lists) {
      const held = new Set(refs.flatMap((w) => w.tabs));
      const freed = new Set(
        previous.flatMap((w) => w.tabs).filter((id) => id > sealed.records && !held.has(id)),
      );
      await db.tabRecords.bulkDelete([...freed]);
      await db.refLists.delete(row.list);
    }
    await db.state.put({
      ...row,
      updatedAt: now,
      hash: input.hash,
      windowCount: input.windows.length,
      tabCount: countTabs(input.windows),
      blank: input.blank,
      sites: input.sites,
      list,
    });
    return 'written';
  });
}

/**
 * A normal window closed. Issued synchronously from the event, with no read before it:
 * when it was the last window the browser is about to quit.
 */
export function markWindowClosed(db: TabkeepDb, at: number): Promise<unknown> {
  return db.state.put({ key: WINDOW_CLOSED_KEY, at });
}
