import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TabkeepDb } from '@/lib/db';
import { importedTab, importedWindow } from '@/lib/formats/imported';
import type { WindowSnap } from '@/lib/model';
import { searchTextOf, tabAt } from '@/lib/search/text';
import { rawState, rawTab, rawWindow } from '../fakes';
import { Harness } from '../service-harness';

function win(tabs: [string, string][]): WindowSnap {
  return importedWindow(tabs.map(([title, url]) => importedTab(url, title)));
}

const windows = [
  win([
    ['Docs', 'https://a.test/docs'],
    ['Tab\tand\nbreak', 'https://b.test/x'],
  ]),
  win([['Last', 'https://c.test/']]),
];

describe('search text', () => {
  it('has one line per tab across windows, and reads each tab back by position', () => {
    const text = searchTextOf(windows);
    expect(text.split('\n')).toHaveLength(3);
    expect(tabAt(text, 0)).toEqual({ index: 0, title: 'Docs', url: 'https://a.test/docs' });
    expect(tabAt(text, 1)).toEqual({ index: 1, title: 'Tab and break', url: 'https://b.test/x' });
    expect(tabAt(text, 2)).toEqual({ index: 2, title: 'Last', url: 'https://c.test/' });
    expect(tabAt(text, 3)).toBeNull();
    expect(tabAt('', 0)).toBeNull();
  });
});

describe('search texts in the database', () => {
  let h: Harness | undefined;
  afterEach(() => h?.close());

  it('are written with a saved session', async () => {
    h = new Harness();
    h.browser = rawState([rawWindow([rawTab('https://a.test/one'), rawTab('https://b.test/')])]);
    const { session } = await h.service().save({});
    const row = await h.db.searchTexts.get(session.id);
    expect(row?.text).toContain('https://a.test/one');
    expect(row?.text.split('\n')).toHaveLength(2);
  });

  it('are built from the bodies of version 3 when the database is upgraded', async () => {
    const name = `upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(3).stores({
      summaries: 'id, [deletedAt+createdAt], [kind+createdAt]',
      bodies: 'id',
      tabRecords: '++id, fp',
      refLists: '++id',
      state: 'key',
      cookieJars: 'id',
    });
    await old.table('bodies').bulkAdd([
      { id: 'inline', windows },
      { id: 'shared', list: 3 },
      { id: 'damaged', windows: 'nope' },
    ]);
    old.close();
    const db = new TabkeepDb(name);
    expect(await db.searchTexts.toCollection().primaryKeys()).toEqual(['inline']);
    expect((await db.searchTexts.get('inline'))?.text).toBe(searchTextOf(windows));
    db.close();
  });
});
