import type { Dexie } from 'dexie';
import { jsonBytes } from './byte-meter';

export interface StorageSize {
  /** Sum of the JSON sizes of every row of every table. */
  logicalBytes: number;
  bytesByTable: Record<string, number>;
  rowsByTable: Record<string, number>;
}

export async function storageSize(db: Dexie): Promise<StorageSize> {
  const size: StorageSize = { logicalBytes: 0, bytesByTable: {}, rowsByTable: {} };
  for (const table of db.tables) {
    let bytes = 0;
    let rows = 0;
    await table.each((row: unknown) => {
      bytes += jsonBytes(row);
      rows++;
    });
    size.bytesByTable[table.name] = bytes;
    size.rowsByTable[table.name] = rows;
    size.logicalBytes += bytes;
  }
  return size;
}

/** The browser's own figure for the whole extension origin (every database, caches). */
export async function originUsage(): Promise<{ usage: number | null; quota: number | null }> {
  const estimate = await navigator.storage.estimate();
  return { usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}
