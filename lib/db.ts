import { Dexie, type EntityTable, type Table } from 'dexie';
import type { CookieJar } from './cookies/model';
import { DB_NAME } from './db-name';
import * as v from 'valibot';
import {
  SessionBodySchema,
  type RefList,
  type SessionSummary,
  type StoredBody,
  type TabRecord,
} from './model';
import { searchTextOf } from './search/text';
import type { SearchTextRow } from './store/search-texts';
import type { AutosaveStatus, LiveRow, Sealed, WindowClosed } from './run-state';
import type { SettingsRow } from './settings';

export { DB_NAME };

/** Rows of the `state` table, one per key; each is checked against its schema when read. */
export type StateRow = LiveRow | AutosaveStatus | SettingsRow | WindowClosed | Sealed;

/**
 * The only place tables are declared. Summaries are kept apart from bodies so that
 * listing, sorting and retention never read a body. Every schema change adds a new
 * `version(n)` below the old ones, with an upgrade when rows change shape.
 */
export class TabkeepDb extends Dexie {
  summaries!: EntityTable<SessionSummary, 'id'>;
  // A plain Table: EntityTable's insert type does not distribute over the body union.
  bodies!: Table<StoredBody, string>;
  tabRecords!: EntityTable<TabRecord, 'id'>;
  refLists!: EntityTable<RefList, 'id'>;
  state!: Table<StateRow, string>;
  cookieJars!: EntityTable<CookieJar, 'id'>;
  searchTexts!: EntityTable<SearchTextRow, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      // [deletedAt+createdAt]: live sessions (deletedAt 0) newest first, and the trash.
      summaries: 'id, [deletedAt+createdAt]',
      bodies: 'id',
    });
    // Version 2 adds the autosave family: bodies made of shared tab records, the live
    // snapshot, settings. Version 1 rows keep their shape (inline bodies stay valid).
    this.version(2).stores({
      // [kind+createdAt]: autosaves and recovered sessions, oldest first, for retention.
      summaries: 'id, [deletedAt+createdAt], [kind+createdAt]',
      bodies: 'id',
      // fp finds a record with the same content; ++id keeps ids growing, never reused.
      tabRecords: '++id, fp',
      // The window layouts of the live snapshot, which autosaves then point at.
      refLists: '++id',
      state: 'key',
    });
    // Version 3 keeps saved cookies (credentials) in a table of their own, apart from
    // bodies, so that one clear() forgets them all and no body read ever carries them.
    this.version(3).stores({ cookieJars: 'id' });
    // Version 4 keeps each whole-body session's tab titles and URLs as one string, so
    // search reads a string per session instead of parsing bodies.
    this.version(4)
      .stores({ searchTexts: 'id' })
      .upgrade(async (tx) => {
        const texts = tx.table<SearchTextRow, string>('searchTexts');
        await tx.table<StoredBody, string>('bodies').each((body) => {
          // A damaged body stays unsearchable rather than failing the upgrade.
          if (v.is(SessionBodySchema, body)) {
            void texts.put({ id: body.id, text: searchTextOf(body.windows) });
          }
        });
      });
  }
}

let shared: TabkeepDb | undefined;

/** One connection per extension context. */
export function openDb(): TabkeepDb {
  shared ??= new TabkeepDb();
  return shared;
}
