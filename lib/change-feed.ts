import { DB_NAME } from './db-name';

/*
 * Tells pages which tables the service changed, so a page that reads IndexedDB without
 * Dexie (the popup) can re-read. The worker forwards Dexie's own change events here.
 */

export const CHANGES_CHANNEL = 'tabkeep-changes';

export interface ChangeMessage {
  tables: string[];
}

/** The tables named by Dexie's change parts ("idb://<db>/<table>/<index>" keys). */
export function tablesOfParts(parts: Record<string, unknown>, dbName = DB_NAME): string[] {
  const prefix = `idb://${dbName}/`;
  const tables = new Set<string>();
  for (const key of Object.keys(parts)) {
    if (!key.startsWith(prefix)) continue;
    const table = key.slice(prefix.length).split('/')[0];
    if (table) tables.add(table);
  }
  return [...tables];
}

/** Calls `listener` whenever the service changes one of `tables`. Returns the unsubscribe. */
export function onTablesChanged(tables: readonly string[], listener: () => void): () => void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (event: MessageEvent<ChangeMessage>) => {
    if (event.data?.tables?.some((t) => tables.includes(t))) listener();
  };
  return () => channel.close();
}
