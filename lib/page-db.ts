import { DB_NAME } from './db-name';

/*
 * Read-only IndexedDB access for the popup, without Dexie: the popup's first row must not
 * wait for a 30 KB library, nor for the service worker. The tables and indexes are the
 * ones lib/db.ts declares; Dexie names a compound index by its source, "[a+b]".
 */

const LIVE_INDEX = '[deletedAt+createdAt]';
const KIND_INDEX = '[kind+createdAt]';

/** The open database, or null when Tabkeep has not created it yet. */
export function openPageDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    // No database yet: creating one here would give the worker a schema-less version 1.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // The worker upgrading the schema must not wait for this page.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      if (request.error?.name === 'AbortError') resolve(null);
      else reject(request.error ?? new Error('IndexedDB did not open'));
    };
  });
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
  });
}

function store(db: IDBDatabase, name: string): IDBObjectStore {
  return db.transaction(name, 'readonly').objectStore(name);
}

/** Live (not deleted) summaries, newest first; at most `limit` when given. */
export function readLiveSummaries(db: IDBDatabase, limit?: number): Promise<unknown[]> {
  const range = IDBKeyRange.bound([0, -Infinity], [0, Infinity]);
  const index = store(db, 'summaries').index(LIVE_INDEX);
  return new Promise((resolve, reject) => {
    const rows: unknown[] = [];
    const cursor = index.openCursor(range, 'prev');
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB read failed'));
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (at === null || (limit !== undefined && rows.length >= limit)) {
        resolve(rows);
        return;
      }
      rows.push(at.value);
      at.continue();
    };
  });
}

/** Every live summary, newest first, in one request. */
export async function readAllLiveSummaries(db: IDBDatabase): Promise<unknown[]> {
  const range = IDBKeyRange.bound([0, -Infinity], [0, Infinity]);
  return (await done(store(db, 'summaries').index(LIVE_INDEX).getAll(range))).reverse();
}

/** The newest summary of a kind, deleted or not. */
export async function readNewestOfKind(db: IDBDatabase, kind: string): Promise<unknown> {
  const range = IDBKeyRange.bound([kind, -Infinity], [kind, Infinity]);
  const cursor = await done(store(db, 'summaries').index(KIND_INDEX).openCursor(range, 'prev'));
  return cursor?.value;
}

export function readRow(db: IDBDatabase, table: string, key: IDBValidKey): Promise<unknown> {
  return done(store(db, table).get(key));
}

export function readRows(
  db: IDBDatabase,
  table: string,
  keys: readonly IDBValidKey[],
): Promise<unknown[]> {
  const tx = db.transaction(table, 'readonly').objectStore(table);
  return Promise.all(keys.map((key) => done(tx.get(key))));
}

export function readTable(db: IDBDatabase, table: string): Promise<unknown[]> {
  return done(store(db, table).getAll());
}
