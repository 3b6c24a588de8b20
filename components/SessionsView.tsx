import { DEFAULT_LIMITS } from '@/lib/search/index';
import { useEffect, useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { SessionSummary } from '@/lib/model';
import { openPageDb } from '@/lib/page-db';
import { listLiveSessions } from '@/lib/session-index';
import { CompareResult } from './CompareResult';
import { MergeBar } from './MergeBar';
import { SessionDetail } from './SessionDetail';
import { ManagerSessionList } from './ManagerSessionList';
import { useAttempt } from './use-attempt';
import { useRestore } from './use-restore';
import { SearchResults } from './SearchResults';
import { useLiveQuery } from './use-live-query';
import { useSearch } from './use-search';

/** Live sessions on the left, the one opened on the right; ticked ones merge or compare. */
export function SessionsView() {
  const sessions = useLiveQuery(() => listLiveSessions(openDb()));
  const [openId, setOpenId] = useState<string | null>(null);
  const [ticked, setTicked] = useState<readonly string[]>([]);
  const [comparing, setComparing] = useState<readonly [string, string] | null>(null);
  const { status, attempt } = useAttempt();
  const { restore, confirmation } = useRestore(attempt);
  const [query, setQuery] = useState('');
  const [searchWanted, setSearchWanted] = useState(false);
  const [searchLimit, setSearchLimit] = useState(DEFAULT_LIMITS.sessions);
  const pageDb = usePageDb(sessions.status === 'ready');
  const all = sessions.status === 'ready' ? sessions.value : NO_SESSIONS;
  const search = useSearch(pageDb, all, query, {
    sessionLimit: searchLimit,
    wanted: searchWanted,
  });

  if (sessions.status === 'loading') return null;
  if (sessions.status === 'error') {
    return <p class="status error">{t('cannotRead', String(sessions.error))}</p>;
  }
  const show = (s: SessionSummary) => {
    setOpenId(s.id);
    setComparing(null);
  };
  const openTab = (s: SessionSummary, index: number) =>
    void attempt(
      () => callService('restore', { id: s.id, mode: { kind: 'tab', index } }),
      () => t('openedTab'),
    );
  const open = all.find((s) => s.id === openId) ?? null;
  const tickedRows = all.filter((s) => ticked.includes(s.id));
  const toggle = (id: string) =>
    setTicked((old) => (old.includes(id) ? old.filter((x) => x !== id) : [...old, id]));

  return (
    <div class="sessions-view">
      <div class="sessions-side">
        <input
          type="search"
          class="manager-search"
          aria-label={t('searchLabel')}
          placeholder={t('searchLabel')}
          value={query}
          onFocus={() => setSearchWanted(true)}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setSearchLimit(DEFAULT_LIMITS.sessions);
          }}
        />
        <MergeBar
          ticked={tickedRows}
          attempt={attempt}
          onMerged={(merged) => {
            setTicked([]);
            setOpenId(merged.id);
          }}
          onCompare={(a, b) => setComparing([a.id, b.id])}
        />
        <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
          {status?.text}
        </p>
        {confirmation}
        {search.status === 'ready' ? (
          <SearchResults
            result={search.result}
            onRestore={restore}
            onOpenTab={openTab}
            onShow={show}
            onMore={(shown) => setSearchLimit(shown + DEFAULT_LIMITS.sessions)}
          />
        ) : search.status === 'loading' ? (
          <p class="status">{t('searchSearching')}</p>
        ) : search.status === 'error' ? (
          <p class="status error">{t('searchFailed', String(search.error))}</p>
        ) : (
          <ManagerSessionList
            sessions={all}
            openId={openId}
            ticked={ticked}
            onOpen={show}
            onToggle={(s) => toggle(s.id)}
          />
        )}
      </div>
      <div class="sessions-detail">
        {comparing !== null ? (
          <CompareResult
            sessions={comparing.map((id) => all.find((s) => s.id === id) ?? null)}
            onClose={() => setComparing(null)}
          />
        ) : open !== null ? (
          <SessionDetail
            key={open.id}
            session={open}
            attempt={attempt}
            onOpen={(id) => setOpenId(id)}
            onGone={() => setOpenId(null)}
          />
        ) : (
          <p class="empty">{t('managerNoneOpen')}</p>
        )}
      </div>
    </div>
  );
}

const NO_SESSIONS: SessionSummary[] = [];

/**
 * The database for raw reads (search reads its texts without Dexie, as the popup does),
 * opened once Dexie has made sure it exists.
 */
function usePageDb(after: boolean): IDBDatabase | null {
  const [db, setDb] = useState<IDBDatabase | null>(null);
  useEffect(() => {
    if (after) void openPageDb().then(setDb);
  }, [after]);
  return db;
}
