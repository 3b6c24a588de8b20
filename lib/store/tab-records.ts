import * as v from 'valibot';
import type { TabkeepDb } from '../db';
import { UserError } from '../errors';
import { fingerprint } from '../fingerprint';
import { TabRecordSchema, type RefWindow, type TabSnap, type WindowSnap } from '../model';

/*
 * Shared tab records: each distinct tab state is stored once, and the bodies of the
 * autosave family list record ids. A new autosave of a browser where k tabs changed adds
 * k records and a list of ids, never a second copy of the unchanged tabs.
 */

// Fixed key order (nested container keys included), so equal tabs give equal text.
const TAB_KEYS = [
  'url',
  'title',
  'pinned',
  'active',
  'muted',
  'group',
  'container',
  'lastAccessed',
  'favIconUrl',
  'cookieStoreId',
  'name',
  'color',
  'icon',
];

export function canonicalTab(tab: TabSnap): string {
  return JSON.stringify(tab, TAB_KEYS);
}

/**
 * Windows -> the same windows with tabs as record ids, adding records for tab states not
 * stored yet. Must run inside a read-write transaction over `tabRecords`: the lookup and
 * the insert have to see the same table. `likely` (the ids of the previous snapshot) are
 * read by key first, so only tabs that changed are searched for by fingerprint.
 */
export async function internWindows(
  db: TabkeepDb,
  windows: readonly WindowSnap[],
  likely: readonly number[] = [],
): Promise<RefWindow[]> {
  const texts = windows.map((w) => w.tabs.map(canonicalTab));
  const known = new Map<string, number>();
  const learn = (records: readonly unknown[]) => {
    for (const record of records) {
      if (v.is(TabRecordSchema, record)) known.set(canonicalTab(record.tab), record.id);
    }
  };
  learn(await db.tabRecords.bulkGet([...new Set(likely)]));
  const unknownFps = new Set(
    texts
      .flat()
      .filter((text) => !known.has(text))
      .map((text) => fingerprint(text)),
  );
  if (unknownFps.size > 0)
    learn(
      await db.tabRecords
        .where('fp')
        .anyOf([...unknownFps])
        .toArray(),
    );
  const fresh = new Map<string, TabSnap>();
  windows.forEach((w, wi) =>
    w.tabs.forEach((tab, ti) => {
      const text = texts[wi]![ti]!;
      if (!known.has(text)) fresh.set(text, tab);
    }),
  );
  if (fresh.size > 0) {
    const rows = [...fresh].map(([text, tab]) => ({ fp: fingerprint(text), tab }));
    const ids = await db.tabRecords.bulkAdd(rows, { allKeys: true });
    [...fresh.keys()].forEach((text, i) => known.set(text, ids[i] as number));
  }
  return windows.map((w, wi) => ({ ...w, tabs: texts[wi]!.map((text) => known.get(text)!) }));
}

/** Ref windows -> windows with their tabs, or a UserError naming what is damaged. */
export async function resolveWindows(
  db: TabkeepDb,
  refs: readonly RefWindow[],
  name: string,
): Promise<WindowSnap[]> {
  const ids = [...new Set(refs.flatMap((w) => w.tabs))];
  const rows = await db.tabRecords.bulkGet(ids);
  const tabs = new Map<number, TabSnap>();
  rows.forEach((row) => {
    if (v.is(TabRecordSchema, row)) tabs.set(row.id, row.tab);
  });
  if (tabs.size !== ids.length) {
    throw new UserError('errorTabsMissing', name, ids.length - tabs.size);
  }
  return refs.map((w) => ({ ...w, tabs: w.tabs.map((id) => tabs.get(id)!) }));
}
