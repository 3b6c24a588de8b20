import type { TabkeepDb } from './db';
import type { BrowserName, SessionSummary } from './model';
import { beyondNewest, RECOVERED_KEEP } from './retention';
import {
  endedCleanly,
  freshLiveRow,
  LIVE_KEY,
  parseLiveRow,
  parseWindowClosed,
  WINDOW_CLOSED_KEY,
  type ExitKind,
  type LiveRow,
} from './run-state';
import { dropSessions, liveOfKinds, sweepUnheld, droppingTables } from './store/bodies';
import { sessionFromLive } from './store/from-live';
import { seal } from './store/ref-lists';

export const RECOVERED_NAMES = {
  crash: 'Recovered after crash',
  exit: 'Last session before exit',
} as const;

/**
 * A new browser run began: the previous run's live snapshot becomes a session of kind
 * `crash` or `exit` (by its marker), and the new run gets an empty live row. One
 * transaction, and the session id comes from the old run's id, so a worker killed at any
 * point and started again neither loses nor doubles the recovered session.
 */
export function beginRun(
  db: TabkeepDb,
  options: {
    runId: string;
    now: number;
    /** When this run began (the worker's start): later window closes belong to it. */
    runStartedAt: number;
    origin: BrowserName;
  },
): Promise<SessionSummary | null> {
  const { runId, now, runStartedAt, origin } = options;
  return db.transaction('rw', droppingTables(db), async () => {
    const previous = parseLiveRow(await db.state.get(LIVE_KEY));
    if (previous?.runId === runId) return null;
    const closed = parseWindowClosed(await db.state.get(WINDOW_CLOSED_KEY));
    const clean = previous !== null && endedCleanly(previous, closed, runStartedAt);
    let recovered: SessionSummary | null = null;
    if (previous !== null && previous.tabCount > 0 && !previous.blank) {
      const id = `run-${previous.runId}`;
      if ((await db.summaries.get(id)) === undefined) {
        const kind = clean ? 'exit' : 'crash';
        recovered = await sessionFromLive(db, previous, {
          id,
          name: RECOVERED_NAMES[kind],
          kind,
          createdAt: previous.updatedAt,
          updatedAt: now,
          origin,
        });
      }
    }
    await dropSessions(db, beyondNewest(await liveOfKinds(db, ['crash', 'exit']), RECOVERED_KEEP));
    await db.state.put(freshLiveRow(runId, now, exitOf(previous, clean)));
    await seal(db);
    if (closed !== null && closed.at < runStartedAt) await db.state.delete(WINDOW_CLOSED_KEY);
    await sweepUnheld(db);
    return recovered;
  });
}

function exitOf(previous: LiveRow | null, clean: boolean): ExitKind {
  if (previous === null) return 'none';
  // A run that never took a snapshot says nothing new about how the one before it ended.
  if (previous.updatedAt === 0) return previous.previousExit;
  return clean ? 'clean' : 'crash';
}
