import * as v from 'valibot';
import type { TabkeepDb } from '../db';
import { UserError } from '../errors';
import { contentHash } from '../hash';
import {
  countTabs,
  SessionBodySchema,
  SHARED_KINDS,
  type SessionBody,
  type SessionSummary,
  type WindowSnap,
} from '../model';
import { writeSearchText } from './search-texts';

/** A live whole-body session, read for an edit. */
export interface Editable {
  summary: SessionSummary;
  body: SessionBody;
}

/**
 * Reads a session to edit. The autosave family shares its tab records with its
 * neighbours and is never changed in place: the page offers "Keep" to edit a copy.
 */
export function readEditable(db: TabkeepDb, id: string): Promise<Editable> {
  return db.transaction('r', [db.summaries, db.bodies], async () => {
    const summary = await db.summaries.get(id);
    if (summary === undefined || summary.deletedAt !== 0) {
      throw new UserError('errorSessionGone');
    }
    if (SHARED_KINDS.includes(summary.kind)) {
      throw new UserError('errorSharedNotEditable', summary.name);
    }
    const body = v.safeParse(SessionBodySchema, await db.bodies.get(id));
    if (!body.success) {
      throw new UserError('errorDamagedEdit', summary.name);
    }
    return { summary, body: body.output };
  });
}

/**
 * Writes edited windows back: body, summary (counts, hash, updatedAt) and search text in
 * one transaction. The hash is computed first (crypto would end an IndexedDB transaction
 * left waiting), so the write checks that nothing changed the session meanwhile.
 */
export async function writeEdited(
  db: TabkeepDb,
  before: Editable,
  windows: WindowSnap[],
  now: number,
): Promise<SessionSummary> {
  const counts = {
    windowCount: windows.length,
    tabCount: countTabs(windows),
    hash: await contentHash(windows),
    updatedAt: now,
  };
  return db.transaction('rw', [db.summaries, db.bodies, db.searchTexts], async () => {
    const current = await db.summaries.get(before.summary.id);
    if (current === undefined || current.deletedAt !== 0) {
      throw new UserError('errorSessionGone');
    }
    if (current.hash !== before.summary.hash || current.updatedAt !== before.summary.updatedAt) {
      throw new UserError('errorSessionChanged');
    }
    // From the current row: a favourite star set meanwhile (not an edit) is kept.
    const edited: SessionSummary = { ...current, ...counts };
    await db.bodies.put({ ...before.body, windows });
    await writeSearchText(db, edited.id, windows);
    await db.summaries.put(edited);
    return edited;
  });
}
