import { Dexie } from 'dexie';
import type { TabkeepDb } from './db';
import { ofKind } from './store/bodies';
import { healthOf, type StorageHealth } from './health';
import { AUTOSAVE_STATUS_KEY, LIVE_KEY } from './run-state';

export async function readStorageHealth(db: TabkeepDb): Promise<StorageHealth> {
  const [sessions, autosaves, newest, live, status] = await Promise.all([
    db.summaries
      .where('[deletedAt+createdAt]')
      .between([0, Dexie.minKey], [0, Dexie.maxKey])
      .count(),
    ofKind(db, 'autosave')
      .filter((s) => s.deletedAt === 0)
      .count(),
    ofKind(db, 'autosave').last(),
    db.state.get(LIVE_KEY),
    db.state.get(AUTOSAVE_STATUS_KEY),
  ]);
  return healthOf({ sessions, autosaves, newestAutosave: newest, live, status });
}
