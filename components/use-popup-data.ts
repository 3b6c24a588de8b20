import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { onTablesChanged } from '@/lib/change-feed';
import { SessionSummarySchema, type SessionSummary } from '@/lib/model';
import {
  openPageDb,
  readAllLiveSummaries,
  readLiveSummaries,
  readNewestOfKind,
  readRow,
} from '@/lib/page-db';
import { AUTOSAVE_STATUS_KEY, LIVE_KEY } from '@/lib/run-state';
import { loadSettings, SETTINGS_KEY, type Settings } from '@/lib/settings';
import { healthOf, type StorageHealth } from '@/lib/health';

/** Enough rows to fill the popup: read first, so the first row never waits for the rest. */
const FIRST_PAGE = 12;

export type PopupData =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      db: IDBDatabase | null;
      sessions: SessionSummary[];
      /** False while only the first page is read. */
      complete: boolean;
      settings: Settings | null;
      health: StorageHealth | null;
    };

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
    const readRest = async (db: IDBDatabase) => {
      const [all, settingsRow, live, status, newestAutosave] = await Promise.all([
        readAllLiveSummaries(db),
        readRow(db, 'state', SETTINGS_KEY),
        readRow(db, 'state', LIVE_KEY),
        readRow(db, 'state', AUTOSAVE_STATUS_KEY),
        readNewestOfKind(db, 'autosave'),
      ]);
      const sessions = summaries(all);
      const autosaves = sessions.filter((s) => s.kind === 'autosave').length;
      if (closed) return;
      setData({
        status: 'ready',
        db,
        sessions,
        complete: true,
        settings: loadSettings(settingsRow).settings,
        health: healthOf({
          sessions: sessions.length,
          autosaves,
          newestAutosave: v.is(SessionSummarySchema, newestAutosave) ? newestAutosave : undefined,
          live,
          status,
        }),
      });
    };
    void (async () => {
      const db = await openPageDb();
      if (db === null) {
        // Nothing saved yet; the worker creates the database, and says so on the feed.
        setData({
          status: 'ready',
          db,
          sessions: [],
          complete: true,
          settings: null,
          health: null,
        });
        stop = onTablesChanged(['summaries', 'state'], () => location.reload());
        return;
      }
      const first = summaries(await readLiveSummaries(db, FIRST_PAGE));
      if (closed) return;
      setData({
        status: 'ready',
        db,
        sessions: first,
        complete: false,
        settings: null,
        health: null,
      });
      // Listening before the full read: a write in between is not missed.
      stop = onTablesChanged(['summaries', 'state'], () => {
        void readRest(db).catch((error: unknown) => setData({ status: 'error', error }));
      });
      await readRest(db);
    })().catch((error: unknown) => {
      if (!closed) setData({ status: 'error', error });
    });
    return () => {
      closed = true;
      stop();
    };
  }, []);
  return data;
}
