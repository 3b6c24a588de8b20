import { Dexie } from 'dexie';
import * as v from 'valibot';
import type { TabkeepDb } from './db';
import { ofKind } from './store/bodies';
import {
  AUTOSAVE_STATUS_KEY,
  AutosaveStatusSchema,
  LIVE_KEY,
  parseLiveRow,
  type ExitKind,
} from './run-state';

/** What the storage line tells: read only from the database, never waking the worker. */
export interface StorageHealth {
  sessions: number;
  autosaves: number;
  lastAutosaveAt: number | null;
  previousExit: ExitKind | null;
  autosaveError: { at: number; message: string } | null;
}

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
  const parsedStatus = v.safeParse(AutosaveStatusSchema, status);
  return {
    sessions,
    autosaves,
    lastAutosaveAt: newest?.createdAt ?? null,
    previousExit: parseLiveRow(live)?.previousExit ?? null,
    autosaveError: parsedStatus.success ? parsedStatus.output.error : null,
  };
}
