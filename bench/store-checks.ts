import { Dexie } from 'dexie';
import * as v from 'valibot';
import { snapshotWindows } from '../lib/capture/map';
import { SharedBodySchema } from '../lib/model';
import { LIVE_KEY, parseLiveRow } from '../lib/run-state';
import { readWindows } from '../lib/store/bodies';
import type { Rig } from './rig';

export interface StoreCheck {
  autosavesKept: number;
  /** Tab records that no body and no live row holds: retention should leave none. */
  orphanTabRecords: number;
  /** Ref lists that no body and no live row points at. */
  orphanRefLists: number;
}

/**
 * Every kept autosave must open whole, and the newest must be exactly what the browser
 * shows: byte counts of a store that lost data would prove nothing.
 */
export async function checkStore(rig: Rig): Promise<StoreCheck> {
  const { db } = rig;
  // Oldest first, by the schema's own index.
  const summaries = await db.summaries
    .where('[kind+createdAt]')
    .between(['autosave', Dexie.minKey], ['autosave', Dexie.maxKey])
    .toArray();
  let newest: string | null = null;
  for (const summary of summaries) newest = sortedJson(await readWindows(db, summary));
  const current = sortedJson(snapshotWindows(rig.browserState, rig.extensionOrigin).windows);
  if (newest !== current) throw new Error('The newest autosave differs from the browser state.');

  const lists = new Set<number>();
  for (const body of await db.bodies.toArray()) {
    if (v.is(SharedBodySchema, body)) lists.add(body.list);
  }
  const live = parseLiveRow(await db.state.get(LIVE_KEY));
  if (live !== null && live.list > 0) lists.add(live.list);
  const held = new Set<number>();
  for (const list of await db.refLists.bulkGet([...lists])) {
    list?.windows.forEach((w) => w.tabs.forEach((id) => held.add(id)));
  }
  const recordIds = (await db.tabRecords.toCollection().primaryKeys()) as number[];
  const listIds = (await db.refLists.toCollection().primaryKeys()) as number[];
  return {
    autosavesKept: summaries.length,
    orphanTabRecords: recordIds.filter((id) => !held.has(id)).length,
    orphanRefLists: listIds.filter((id) => !lists.has(id)).length,
  };
}

// Rows read back are valibot outputs, whose keys follow the schema's order, not capture's.
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}
