import { Dexie } from 'dexie';
import * as v from 'valibot';
import type { TabkeepDb } from '../db';
import { UserError } from '../errors';
import {
  SHARED_KINDS,
  SharedBodySchema,
  StoredBodySchema,
  type Extra,
  type SessionKind,
  type SessionSummary,
  type WindowSnap,
} from '../model';
import { LIVE_KEY, parseLiveRow } from '../run-state';
import { readRefList, recordsOfLists } from './ref-lists';
import { resolveWindows } from './tab-records';

/** A session's windows, whichever way its body is stored; checked before use. */
export async function readWindows(db: TabkeepDb, session: SessionSummary): Promise<WindowSnap[]> {
  return (await readBody(db, session)).windows;
}

/** A session's windows, and the unknown fields of the file it was imported from. */
export async function readBody(
  db: TabkeepDb,
  session: SessionSummary,
): Promise<{ windows: WindowSnap[]; extra?: Extra }> {
  const parsed = v.safeParse(StoredBodySchema, await db.bodies.get(session.id));
  if (!parsed.success) {
    throw new UserError('errorDamagedOpen', session.name);
  }
  const body = parsed.output;
  if ('windows' in body) return body;
  const refs = await readRefList(db, body.list);
  if (refs === null) {
    throw new UserError('errorLayoutMissing', session.name);
  }
  return { windows: await resolveWindows(db, refs, session.name) };
}

/** The summaries of one kind, in the trash or not, oldest first. */
export function ofKind(db: TabkeepDb, kind: SessionKind) {
  return db.summaries.where('[kind+createdAt]').between([kind, Dexie.minKey], [kind, Dexie.maxKey]);
}

/**
 * Deletes every ref list and tab record that no shared body and no live snapshot holds.
 * Runs inside a read-write transaction over summaries, bodies, refLists, tabRecords and
 * state, after the bodies it frees are gone. Only the autosave family can hold lists, so
 * only its bodies are read.
 */
export async function sweepUnheld(db: TabkeepDb): Promise<void> {
  const ids = (
    await Promise.all(SHARED_KINDS.map((kind) => ofKind(db, kind).primaryKeys()))
  ).flat();
  const lists = new Set<number>();
  for (const body of await db.bodies.bulkGet(ids)) {
    if (v.is(SharedBodySchema, body)) lists.add(body.list);
  }
  const live = parseLiveRow(await db.state.get(LIVE_KEY));
  if (live !== null && live.list > 0) lists.add(live.list);
  const records = await recordsOfLists(db, [...lists]);
  const unheldLists = (await db.refLists.toCollection().primaryKeys()).filter(
    (id) => !lists.has(id),
  );
  const unheld = (await db.tabRecords.toCollection().primaryKeys()).filter(
    (id) => !records.has(id),
  );
  await db.refLists.bulkDelete(unheldLists);
  await db.tabRecords.bulkDelete(unheld);
}

/**
 * Deletes sessions with everything kept for them. In a transaction that holds summaries,
 * bodies, cookieJars and searchTexts.
 */
export async function dropSessions(db: TabkeepDb, ids: readonly string[]): Promise<void> {
  await db.summaries.bulkDelete([...ids]);
  await db.bodies.bulkDelete([...ids]);
  await db.cookieJars.bulkDelete([...ids]);
  await db.searchTexts.bulkDelete([...ids]);
}

/** Every table a transaction that drops sessions and sweeps their records needs. */
export function droppingTables(db: TabkeepDb) {
  return [
    db.summaries,
    db.bodies,
    db.refLists,
    db.tabRecords,
    db.state,
    db.cookieJars,
    db.searchTexts,
  ];
}

/** Sessions of these kinds that are not in the trash. */
export async function liveOfKinds(
  db: TabkeepDb,
  kinds: readonly SessionKind[],
): Promise<SessionSummary[]> {
  const rows = await Promise.all(kinds.map((kind) => ofKind(db, kind).toArray()));
  return rows.flat().filter((s) => s.deletedAt === 0);
}
