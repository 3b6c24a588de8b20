import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionSummary } from '@/lib/model';
import { DEFAULT_LIMITS, searchSessions, type SearchText } from '@/lib/search/index';
import { loadSearchTexts } from '@/lib/search/load';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; result: ReturnType<typeof searchSessions> };

/**
 * Searches as the person types. The texts load on the first query (not with the popup:
 * its first row must not wait for them) and again when sessions change.
 */
export function useSearch(
  db: IDBDatabase | null,
  sessions: readonly SessionSummary[],
  query: string,
  sessionLimit: number,
): SearchState {
  const [texts, setTexts] = useState<Map<string, SearchText> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const active = query.trim() !== '';
  // The list the texts were loaded for: loaded once per list, not once per keystroke.
  const loadedFor = useRef<readonly SessionSummary[] | null>(null);
  useEffect(() => {
    if (!active || db === null || loadedFor.current === sessions) return;
    loadedFor.current = sessions;
    let current = true;
    let finished = false;
    loadSearchTexts(db, sessions)
      .then(
        (loaded) => current && setTexts(loaded),
        (e: unknown) => current && setError(e),
      )
      .finally(() => (finished = true));
    return () => {
      current = false;
      if (!finished) loadedFor.current = null;
    };
  }, [db, sessions, active]);
  return useMemo((): SearchState => {
    if (!active) return { status: 'idle' };
    if (error !== null) return { status: 'error', error };
    if (db === null) {
      return { status: 'ready', result: { query, hits: [], moreSessions: false } };
    }
    if (texts === null) return { status: 'loading' };
    const limits = { ...DEFAULT_LIMITS, sessions: sessionLimit };
    return { status: 'ready', result: searchSessions(query.trim(), sessions, texts, limits) };
  }, [active, db, error, texts, sessions, query, sessionLimit]);
}
