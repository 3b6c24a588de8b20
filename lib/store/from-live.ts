import type { TabkeepDb } from '../db';
import type { BrowserName, SessionSummary } from '../model';
import type { LiveRow } from '../run-state';

/**
 * Makes a session of the autosave family out of the live snapshot: a summary, and a body
 * that points at the live ref list (no copy). In the caller's transaction.
 */
export async function sessionFromLive(
  db: TabkeepDb,
  live: LiveRow,
  meta: Pick<SessionSummary, 'id' | 'name' | 'kind' | 'createdAt' | 'updatedAt'> & {
    origin: BrowserName;
  },
): Promise<SessionSummary> {
  const session: SessionSummary = {
    id: meta.id,
    name: meta.name,
    kind: meta.kind,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    tags: [],
    windowCount: live.windowCount,
    tabCount: live.tabCount,
    hash: live.hash,
    origin: meta.origin,
    deletedAt: 0,
  };
  await db.bodies.put({ id: meta.id, list: live.list });
  await db.summaries.put(session);
  return session;
}
