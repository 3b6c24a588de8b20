import * as v from 'valibot';
import type { TabkeepDb } from '../db';
import { RefListSchema, type RefWindow } from '../model';
import { SEALED_KEY, SealedSchema, type Sealed } from '../run-state';

/*
 * Ref lists: the window layout of one live snapshot, as record ids. The live row points
 * at the newest; an autosave or recovered session points at the one that was live when it
 * was made, so making one copies no list.
 */

/** A stored list's windows, or null when it is missing or damaged. */
export async function readRefList(db: TabkeepDb, id: number): Promise<RefWindow[] | null> {
  const parsed = v.safeParse(RefListSchema, await db.refLists.get(id));
  return parsed.success ? parsed.output.windows : null;
}

/** Every record id in these lists. */
export async function recordsOfLists(db: TabkeepDb, ids: readonly number[]): Promise<Set<number>> {
  const held = new Set<number>();
  for (const list of await db.refLists.bulkGet([...ids])) {
    if (!v.is(RefListSchema, list)) continue;
    for (const w of list.windows) for (const id of w.tabs) held.add(id);
  }
  return held;
}

async function lastKey(table: TabkeepDb['tabRecords'] | TabkeepDb['refLists']): Promise<number> {
  return ((await table.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/** Marks every record and list stored so far as possibly shared. */
export async function seal(db: TabkeepDb): Promise<void> {
  const [records, lists] = await Promise.all([lastKey(db.tabRecords), lastKey(db.refLists)]);
  await db.state.put({ key: SEALED_KEY, records, lists });
}

/** Above these ids only the live row may hold a record or list; none when the mark is missing. */
export async function readSeal(db: TabkeepDb): Promise<Omit<Sealed, 'key'>> {
  const sealed = v.safeParse(SealedSchema, await db.state.get(SEALED_KEY));
  if (sealed.success) return sealed.output;
  return { records: Number.POSITIVE_INFINITY, lists: Number.POSITIVE_INFINITY };
}
