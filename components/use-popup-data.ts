import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { onTablesChanged } from '@/lib/change-feed';
import { SessionSummarySchema, type SessionSummary } from '@/lib/model';
import { firstRead } from '@/lib/first-rows';
import { openPageDb, readAllLiveSummaries, readNewestOfKind, readRow } from '@/lib/page-db';
import { AUTOSAVE_STATUS_KEY, LIVE_KEY } from '@/lib/run-state';
import { loadSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { healthOf, type StorageHealth } from '@/lib/health';

interface Ready {
  status: 'ready';
  db: IDBDatabase | null;
  sessions: SessionSummary[];
  /** False while only the first page is read. */
  complete: boolean;
  settings: Settings | null;
  health: StorageHealth | null;
}

export type PopupData = { status: 'loading' } | { status: 'error'; error: unknown } | Ready;

function summaries(rows: unknown[]): SessionSummary[] {
  // A row a faulty version wrote is left out rather than breaking the list.
  return rows.filter((row): row is SessionSummary => v.is(SessionSummarySchema, row));
}

/**
 * What the popup shows, read straight from IndexedDB: the newest rows first, then the whole
 * list, settings and the storage line; read again whenever the service writes.
 */
export function usePopupData(): PopupData {
  const [data, setData] = useState<PopupData>({ status: 'loading' });
  useEffect(() => {
    let closed = false;
    let stop = () => {};
    // Summaries and the state rows are read apart: the live snapshot rewrites a state row
    // seconds after any tab changes, which must not re-read (and re-render) every session.
    let sessions: SessionSummary[] = [];
    let complete = false;
    let state: Pick<Ready, 'settings' | 'health'> = { settings: null, health: null };
    const show = (db: IDBDatabase) => {
      if (!closed) setData({ status: 'ready', db, sessions, complete, ...state });
    };
    const readSessions = async (db: IDBDatabase) => {
      sessions = summaries(await readAllLiveSummaries(db));
      complete = true;
    };
    const readState = async (db: IDBDatabase) => {
      const [settingsRow, live, status, newestAutosave] = await Promise.all([
        readRow(db, 'state', SETTINGS_KEY),
        readRow(db, 'state', LIVE_KEY),
        readRow(db, 'state', AUTOSAVE_STATUS_KEY),
        readNewestOfKind(db, 'autosave'),
      ]);
      state = {
        settings: loadSettings(settingsRow).settings,
        health: healthOf({
          sessions: sessions.length,
          autosaves: sessions.filter((s) => s.kind === 'autosave').length,
          newestAutosave: v.is(SessionSummarySchema, newestAutosave) ? newestAutosave : undefined,
          live,
          status,
        }),
      };
    };
    const fail = (error: unknown) => {
      if (!closed) setData({ status: 'error', error });
    };
    const follow = async (db: IDBDatabase) => {
      // Listening before the full read: a write in between is not missed.
      const stopSessions = onTablesChanged(['summaries'], () => {
        void readSessions(db)
          .then(() => readState(db))
          .then(() => show(db), fail);
      });
      const stopState = onTablesChanged(['state'], () => {
        void readState(db).then(() => show(db), fail);
      });
      stop = () => {
        stopSessions();
        stopState();
      };
      await readSessions(db);
      await readState(db);
      show(db);
    };
    void (async () => {
      // Started by popup.html's first script, which has already painted these rows.
      const { db, rows } = await firstRead();
      if (db !== null) {
        sessions = summaries(rows);
        show(db);
        await follow(db);
        return;
      }
      // Nothing saved yet: the worker creates the database, and says so on the feed.
      setData({ status: 'ready', db, sessions: [], complete: true, settings: null, health: null });
      stop = onTablesChanged(['summaries', 'state'], () => {
        stop();
        stop = () => {};
        void openPageDb()
          .then((opened) => opened && follow(opened))
          .catch(fail);
      });
    })().catch(fail);
    return () => {
      closed = true;
      stop();
    };
  }, []);
  return data;
}
