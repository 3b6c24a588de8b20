import { DEFAULT_LIMITS } from '@/lib/search/index';
import { searchTyped, takeEarlyKeys } from '@/lib/early-keys';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callService } from '@/lib/client';
import type { CookieScope } from '@/lib/cookies/capture';
import type { SessionSummary } from '@/lib/model';
import { SORT_KEYS, type SortKey } from '@/lib/session-list';
import { t, type MessageKey } from '@/lib/i18n';
import { RestoreProgress } from './RestoreProgress';
import { saveReportText } from './save-words';
import { SaveForm } from './SaveForm';
import { SearchResults } from './SearchResults';
import { SessionList } from './SessionList';
import { StorageLine } from './StorageLine';
import { useAttempt } from './use-attempt';
import { useRestore } from './use-restore';
import { usePopupData } from './use-popup-data';
import { useSearch } from './use-search';

export function PopupApp() {
  const data = usePopupData();
  const ready = data.status === 'ready' ? data : null;
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('date');
  const [searchLimit, setSearchLimit] = useState(DEFAULT_LIMITS.sessions);
  const [focusList, setFocusList] = useState(0);
  const searchField = useRef<HTMLInputElement>(null);
  const [searchWanted, setSearchWanted] = useState(false);
  const search = useSearch(ready?.db ?? null, ready?.sessions ?? NO_SESSIONS, query, {
    sessionLimit: searchLimit,
    wanted: searchWanted,
  });
  useSlashFocuses(searchField);
  useTakeOverFirstPaint(data.status !== 'loading', (typed) => {
    setSearchWanted(true);
    setQuery(typed);
    searchField.current?.focus();
  });
  const { status, attempt } = useAttempt();
  const [deleted, setDeleted] = useState<SessionSummary | null>(null);
  const { restore, confirmation } = useRestore(attempt);

  const save = (name: string, logins: { scope: CookieScope; allowed: boolean } | null) =>
    attempt(
      () => callService('save', { name, ...(logins?.allowed && { cookies: logins.scope }) }),
      (result) => saveReportText(result, logins !== null && !logins.allowed),
    );

  const rename = (session: SessionSummary, name: string) =>
    attempt(
      () => callService('rename', { id: session.id, name }),
      (renamed) => t('renamedTo', renamed.name),
    );

  const keep = (session: SessionSummary) =>
    void attempt(
      () => callService('keep', { id: session.id }),
      (kept) => t('keptAs', kept.name),
    );

  const remove = (session: SessionSummary) =>
    void attempt(
      async () => {
        await callService('remove', { id: session.id });
        setDeleted(session);
      },
      () => '',
    );

  const undo = (session: SessionSummary) =>
    void attempt(
      async () => {
        await callService('undoRemove', { id: session.id });
        setDeleted(null);
      },
      () => t('isBack', session.name),
    );

  const openTab = (session: SessionSummary, index: number) =>
    void attempt(
      () => callService('restore', { id: session.id, mode: { kind: 'tab', index } }),
      () => t('openedTab'),
    );

  return (
    <main class="popup">
      <h1>Tabkeep</h1>
      <SaveForm cookieSettings={ready?.settings?.cookies ?? null} onSave={save} />
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
      <RestoreProgress />
      {confirmation}
      {deleted !== null && (
        <div class="undo" role="alert">
          <span>{t('deletedSession', deleted.name)}</span>
          <button type="button" onClick={() => undo(deleted)}>
            {t('undo')}
          </button>
        </div>
      )}
      <div class="list-tools">
        <input
          type="search"
          ref={searchField}
          class="search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={query}
          onFocus={() => setSearchWanted(true)}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setSearchLimit(DEFAULT_LIMITS.sessions);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && query.trim() === '') {
              e.preventDefault();
              setFocusList((n) => n + 1);
            }
            if (e.key === 'Escape' && query !== '') {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
        <label class="sort">
          <span>{t('sortLabel')}</span>
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(SORT_LABELS[key])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data.status === 'error' ? (
        <p class="status error">{t('cannotRead', String(data.error))}</p>
      ) : ready === null ? null : search.status === 'idle' ? (
        <SessionList
          sessions={ready.sessions}
          sort={sort}
          focusRequest={focusList}
          onRestore={restore}
          onRename={rename}
          onKeep={keep}
          onDelete={remove}
        />
      ) : search.status === 'loading' ? (
        <p class="status" role="status">
          {t('searchSearching')}
        </p>
      ) : search.status === 'error' ? (
        <p class="status error">{t('searchFailed', String(search.error))}</p>
      ) : (
        <SearchResults
          result={search.result}
          onRestore={restore}
          onOpenTab={openTab}
          onMore={(shown) => setSearchLimit(shown + DEFAULT_LIMITS.sessions)}
        />
      )}
      <StorageLine health={ready?.health ?? null} />
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('settings')}
      </button>
    </main>
  );
}

const NO_SESSIONS: SessionSummary[] = [];

const SORT_LABELS: Record<SortKey, MessageKey> = {
  date: 'sortDate',
  name: 'sortName',
  size: 'sortSize',
};

/**
 * Shows the app in the frame where it has its rows, and drops the rows popup.html painted
 * before it loaded, so the list never blinks.
 */
function useTakeOverFirstPaint(ready: boolean, onTyped: (query: string) => void) {
  useLayoutEffect(() => {
    if (!ready) return;
    document.getElementById('first-paint')?.remove();
    document.getElementById('app')?.removeAttribute('hidden');
    // Shown now, so the search field can take the cursor.
    const typed = searchTyped(takeEarlyKeys());
    if (typed !== null) onTyped(typed);
  }, [ready]);
}

/** `/` anywhere but in a text field puts the cursor in the search field. */
function useSlashFocuses(field: { current: HTMLInputElement | null }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement;
      // Still recorded for the replay (lib/early-keys.ts) while the app is hidden.
      if (e.key !== '/' || typing || e.defaultPrevented) return;
      e.preventDefault();
      field.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
