import { Dexie } from 'dexie';
import { CHANGES_CHANNEL, tablesOfParts, type ChangeMessage } from '../change-feed';

/** Forwards every committed write of this context to pages listening on the change feed. */
export function broadcastChanges(): void {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  Dexie.on('storagemutated', (parts) => {
    const tables = tablesOfParts(parts);
    if (tables.length > 0) channel.postMessage({ tables } satisfies ChangeMessage);
  });
}
