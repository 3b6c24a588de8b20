import { Dexie } from 'dexie';
import * as v from 'valibot';
import type { TabkeepDb } from '../db';
import { UserError } from '../errors';
import {
  SHARED_KINDS,
  SharedBodySchema,
  StoredBodySchema,
  type SessionKind,
  type SessionSummary,
  type WindowSnap,
} from '../model';
import { LiveRowSchema, LIVE_KEY } from '../run-state';
import { resolveWindows } from './tab-records';

/** A session's windows, whichever way its body is stored; checked before use. */
export async function readWindows(db: TabkeepDb, session: SessionSummary): Promise<WindowSnap[]> {
  const parsed = v.safeParse(StoredBodySchema, await db.bodies.get(session.id));
  if (!parsed.success) {
    throw new UserError(`“${session.name}” cannot be opened: its stored data is damaged.`);
  }
  const body = parsed.output;
  return 'windows' in body ? body.windows : resolveWindows(db, body.refs, session.name);
}

/** The summaries of one kind, in the trash or not, oldest first. */
export function ofKind(db: TabkeepDb, kind: SessionKind) {
  return db.summaries.where('[kind+createdAt]').between([kind, Dexie.minKey], [kind, Dexie.maxKey]);
}

/**
 * Deletes every tab record no shared body and no live snapshot holds. Runs inside a
 * read-write transaction over summaries, bodies, tabRecords and state, after the bodies
 * it frees are gone. Only the autosave family can hold records, so only its bodies are read.
 */
export async function sweepTabRecords(db: TabkeepDb): Promise<number> {
  const held = new Set<number>();
  const ids = (
    await Promise.all(SHARED_KINDS.map((kind) => ofKind(db, kind).primaryKeys()))
  ).flat();
  for (const body of await db.bodies.bulkGet(ids)) {
    if (v.is(SharedBodySchema, body)) {
      for (const w of body.refs) for (const id of w.tabs) held.add(id);
    }
  }
  const live = v.safeParse(LiveRowSchema, await db.state.get(LIVE_KEY));
  if (live.success) for (const w of live.output.refs) for (const id of w.tabs) held.add(id);
  const unheld = (await db.tabRecords.toCollection().primaryKeys()).filter((id) => !held.has(id));
  await db.tabRecords.bulkDelete(unheld);
  return unheld.length;
}

/** Deletes sessions with their bodies. */
export async function dropSessions(db: TabkeepDb, ids: readonly string[]): Promise<void> {
  await db.summaries.bulkDelete([...ids]);
  await db.bodies.bulkDelete([...ids]);
}

/** Sessions of these kinds that are not in the trash. */
export async function liveOfKinds(
  db: TabkeepDb,
  kinds: readonly SessionKind[],
): Promise<SessionSummary[]> {
  const rows = await Promise.all(kinds.map((kind) => ofKind(db, kind).toArray()));
  return rows.flat().filter((s) => s.deletedAt === 0);
}
