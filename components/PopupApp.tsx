import { DEFAULT_LIMITS } from '@/lib/search/index';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestCookieAccess } from '@/lib/adapters/permissions';
import { callService } from '@/lib/client';
import type { CookieScope } from '@/lib/cookies/capture';
import { originPatterns } from '@/lib/cookies/sites';
import { cookieReportText, limitWarning } from '@/lib/cookies/words';
import type { SessionSummary } from '@/lib/model';
import { DEFAULT_MODE, type RestoreMode } from '@/lib/restore/mode';
import { SORT_KEYS, type SortKey } from '@/lib/session-list';
import { t, type MessageKey } from '@/lib/i18n';
import { counted, plural } from './format';
import { RestoreProgress } from './RestoreProgress';
import { placeholdersLine, restoredLine } from './restore-words';
import { SaveForm } from './SaveForm';
import { SearchResults } from './SearchResults';
import { SessionList } from './SessionList';
import { StorageLine } from './StorageLine';
import { useAttempt } from './use-attempt';
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
  useTakeOverFirstPaint(data.status !== 'loading');
  const { status, attempt } = useAttempt();
  const [deleted, setDeleted] = useState<SessionSummary | null>(null);
  /** A restore waiting for the person to accept the cookie-limit warning. */
  const [pending, setPending] = useState<{
    session: SessionSummary;
    mode: RestoreMode;
    warning: string;
  } | null>(null);

  const save = (name: string, logins: { scope: CookieScope; allowed: boolean } | null) =>
    attempt(
      () => callService('save', { name, ...(logins?.allowed && { cookies: logins.scope }) }),
      ({ session, skippedPrivateWindows, cookies }) =>
        [
          t(
            'savedSession',
            session.name,
            counted(session.windowCount, 'Window'),
            counted(session.tabCount, 'Tab'),
          ),
          skippedPrivateWindows > 0
            ? `${plural(skippedPrivateWindows, 'private window')} left out.`
            : '',
          logins !== null && !logins.allowed
            ? 'Logins were not saved: Tabkeep was not allowed to read cookies.'
            : '',
          cookies === undefined
            ? ''
            : cookies.note !== undefined
              ? `Logins were not saved: ${cookies.note}`
              : cookies.saved === 0
                ? 'No login cookies of these sites were found.'
                : `With its login (${plural(cookies.saved, 'cookie')}).`,
        ]
          .filter(Boolean)
          .join(' '),
    );

  /**
   * A session with cookies asks for access to their sites first thing in the click, as
   * browsers require; a restore that would pass the cookie limits waits for a second click.
   */
  const restore = (
    session: SessionSummary,
    mode: RestoreMode = DEFAULT_MODE,
    confirmed = false,
  ) => {
    const warning = session.cookies && !confirmed ? limitWarning(session.cookies) : null;
    if (warning !== null) {
      setPending({ session, mode, warning });
      return;
    }
    setPending(null);
    const access = session.cookies
      ? requestCookieAccess(originPatterns(session.cookies.sites))
      : Promise.resolve(false);
    void attempt(
      async () => callService('restore', { id: session.id, cookies: await access, mode }),
      (report) =>
        [
          restoredLine(report),
          placeholdersLine(report),
          ...report.warnings,
          report.cookies ? cookieReportText(report.cookies) : '',
        ]
          .filter(Boolean)
          .join(' '),
    );
  };

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
      {pending !== null && (
        <div class="confirm" role="alert">
          <p>{pending.warning}</p>
          <button
            type="button"
            class="primary"
            onClick={() => restore(pending.session, pending.mode, true)}
          >
            {t('restoreAnyway')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
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
function useTakeOverFirstPaint(ready: boolean) {
  useLayoutEffect(() => {
    if (!ready) return;
    document.getElementById('first-paint')?.remove();
    document.getElementById('app')?.removeAttribute('hidden');
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
      if (e.key !== '/' || typing) return;
      e.preventDefault();
      field.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
