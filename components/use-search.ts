import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { onTablesChanged } from '@/lib/change-feed';
import { SHARED_KINDS, type SessionSummary } from '@/lib/model';
import { DEFAULT_LIMITS, searchSessions, type SearchText } from '@/lib/search/index';
import { loadSearchTexts, loadSharedTexts } from '@/lib/search/load';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; result: ReturnType<typeof searchSessions> };

/**
 * Searches as the person types. The texts load when search is first wanted (the field
 * takes the focus), not with the popup, whose first row must not wait for them. They are
 * read again only when the service changes a stored text; a new autosave adds its own.
 */
export function useSearch(
  db: IDBDatabase | null,
  sessions: readonly SessionSummary[],
  query: string,
  options: { sessionLimit: number; wanted: boolean },
): SearchState {
  const [texts, setTexts] = useState<Map<string, SearchText> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const active = query.trim() !== '';
  const wanted = options.wanted || active;
  // The change count the texts were loaded at; -1 before the first load.
  const loadedAt = useRef(-1);

  useEffect(() => onTablesChanged(['searchTexts'], () => setVersion((n) => n + 1)), []);
  useEffect(() => {
    if (!wanted || db === null || loadedAt.current === version) return;
    loadedAt.current = version;
    let current = true;
    let finished = false;
    loadSearchTexts(db, sessions)
      .then(
        (map) => current && setTexts(map),
        (e: unknown) => current && setError(e),
      )
      .finally(() => (finished = true));
    return () => {
      // Cut short: the next run must load again.
      if (!finished) loadedAt.current = -1;
      current = false;
    };
    // Not on every change of `sessions` (a rename, a new autosave): see below.
  }, [db, version, wanted]);
  useEffect(() => {
    if (texts === null || db === null) return;
    const missing = sessions.filter((s) => SHARED_KINDS.includes(s.kind) && !texts.has(s.id));
    if (missing.length === 0) return;
    let current = true;
    loadSharedTexts(db, missing).then(
      (more) => current && setTexts(new Map([...texts, ...more])),
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [db, sessions, texts]);

  return useMemo((): SearchState => {
    if (!active) return { status: 'idle' };
    if (error !== null) return { status: 'error', error };
    if (db === null) {
      return { status: 'ready', result: { query: query.trim(), hits: [], moreSessions: false } };
    }
    if (texts === null) return { status: 'loading' };
    const limits = { ...DEFAULT_LIMITS, sessions: options.sessionLimit };
    return { status: 'ready', result: searchSessions(query.trim(), sessions, texts, limits) };
  }, [active, db, error, texts, sessions, query, options.sessionLimit]);
}
