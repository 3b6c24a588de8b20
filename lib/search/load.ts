import * as v from 'valibot';
import { RefListSchema, SHARED_KINDS, SharedBodySchema, TabRecordSchema } from '../model';
import type { SessionSummary } from '../model';
import { readRows, readTable } from '../page-db';
import { toSearchText, type SearchText } from './index';
import { lineOf } from './text';

/*
 * Loads what search scans, straight from IndexedDB in the page. Whole-body sessions have a
 * stored text; the autosave family shares tab records, so theirs are built here from the
 * records (each distinct tab read once however many autosaves hold it).
 */

const SearchTextRowSchema = v.object({ id: v.string(), text: v.string() });

export async function loadSearchTexts(
  db: IDBDatabase,
  sessions: readonly SessionSummary[],
): Promise<Map<string, SearchText>> {
  const texts = new Map<string, SearchText>();
  for (const row of await readTable(db, 'searchTexts')) {
    if (v.is(SearchTextRowSchema, row)) texts.set(row.id, toSearchText(row.text));
  }
  const shared = sessions.filter((s) => SHARED_KINDS.includes(s.kind) && !texts.has(s.id));
  for (const [id, text] of await loadSharedTexts(db, shared)) texts.set(id, text);
  return texts;
}

/** Texts of autosave-family sessions, built from their shared tab records. */
export async function loadSharedTexts(
  db: IDBDatabase,
  sessions: readonly SessionSummary[],
): Promise<Map<string, SearchText>> {
  const out = new Map<string, SearchText>();
  if (sessions.length === 0) return out;
  const bodies = await readRows(
    db,
    'bodies',
    sessions.map((s) => s.id),
  );
  const listOf = new Map<string, number>();
  bodies.forEach((body, i) => {
    if (v.is(SharedBodySchema, body)) listOf.set(sessions[i]!.id, body.list);
  });
  const listIds = [...new Set(listOf.values())];
  const lists = new Map<number, number[]>();
  (await readRows(db, 'refLists', listIds)).forEach((list) => {
    if (v.is(RefListSchema, list))
      lists.set(
        list.id,
        list.windows.flatMap((w) => w.tabs),
      );
  });
  const recordIds = [...new Set([...lists.values()].flat())];
  const lines = new Map<number, string>();
  (await readRows(db, 'tabRecords', recordIds)).forEach((record) => {
    if (v.is(TabRecordSchema, record)) lines.set(record.id, lineOf(record.tab));
  });
  for (const [id, list] of listOf) {
    const tabs = lists.get(list);
    if (tabs) out.set(id, toSearchText(tabs.map((r) => lines.get(r) ?? '\t').join('\n')));
  }
  // A session whose records are missing or damaged gets an empty text: searched by name
  // only, and not read again each time the list changes.
  for (const s of sessions) if (!out.has(s.id)) out.set(s.id, toSearchText(''));
  return out;
}
