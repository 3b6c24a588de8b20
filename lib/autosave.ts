import * as v from 'valibot';
import type { TabkeepDb } from './db';
import type { BrowserName, SessionSummary } from './model';
import { nameAt } from './naming';
import { autosavesToDrop } from './retention';
import { AUTOSAVE_STATUS_KEY, AutosaveStatusSchema, LIVE_KEY, parseLiveRow } from './run-state';
import type { AutosaveSettings } from './settings';
import { dropSessions, liveOfKinds, ofKind, sweepUnheld, droppingTables } from './store/bodies';
import { sessionFromLive } from './store/from-live';
import { seal } from './store/ref-lists';

export type AutosaveOutcome = { saved: SessionSummary } | { skipped: 'unchanged' | 'nothing-open' };

/**
 * One scheduled autosave, from the live snapshot: skipped when nothing changed since the
 * newest autosave, else a new shared body (a list of record ids), then retention and the
 * sweep of records nothing holds any more. One transaction: all of it or none.
 */
export function autosaveOnce(
  db: TabkeepDb,
  options: { now: number; id: string; origin: BrowserName; settings: AutosaveSettings },
): Promise<AutosaveOutcome> {
  const { now, id, origin, settings } = options;
  return db.transaction('rw', droppingTables(db), async () => {
    const outcome = await addAutosave();
    // An unchanged browser writes nothing, unless a past failure is to be cleared.
    const status = v.safeParse(AutosaveStatusSchema, await db.state.get(AUTOSAVE_STATUS_KEY));
    if (!status.success || status.output.error !== null) {
      await db.state.put({ key: AUTOSAVE_STATUS_KEY, error: null });
    }
    return outcome;
  });

  async function addAutosave(): Promise<AutosaveOutcome> {
    const live = parseLiveRow(await db.state.get(LIVE_KEY));
    if (live === null || live.tabCount === 0 || live.blank) return { skipped: 'nothing-open' };
    // The newest one, even in the trash: deleting it is no reason to save the same again.
    const newest = await ofKind(db, 'autosave').last();
    if (newest?.hash === live.hash) return { skipped: 'unchanged' };
    const session = await sessionFromLive(db, live, {
      id,
      name: nameAt(new Date(live.updatedAt), live.sites),
      kind: 'autosave',
      createdAt: now,
      updatedAt: now,
      origin,
    });
    await seal(db);
    await dropSessions(db, autosavesToDrop(await liveOfKinds(db, ['autosave']), settings));
    await sweepUnheld(db);
    return { saved: session };
  }
}

/**
 * Frees room by dropping the oldest autosave (those in the trash first). Named sessions
 * are never touched. False when there is no autosave left to drop.
 */
export function pruneOldestAutosave(db: TabkeepDb): Promise<boolean> {
  return db.transaction('rw', droppingTables(db), async () => {
    const all = await ofKind(db, 'autosave').toArray();
    const victim = all.find((s) => s.deletedAt !== 0) ?? all[0];
    if (victim === undefined) return false;
    await dropSessions(db, [victim.id]);
    await sweepUnheld(db);
    return true;
  });
}

/** Remembers a failed autosave for the storage line; best effort, since storage may be why. */
export async function recordAutosaveFailure(
  db: TabkeepDb,
  now: number,
  message: string,
): Promise<void> {
  try {
    await db.state.put({ key: AUTOSAVE_STATUS_KEY, error: { at: now, message } });
  } catch {
    // The badge still tells the user.
  }
}
