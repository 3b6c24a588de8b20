import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import type { SessionSummary } from '@/lib/model';
import { counted, formatDate } from './format';
import { MoreSessions } from './MoreSessions';

/**
 * Rows drawn at first, and added each time the list is scrolled to its end: a manager of
 * 2,000 sessions drew every row before it could be used.
 */
const PAGE = 100;

interface Props {
  sessions: readonly SessionSummary[];
  openId: string | null;
  ticked: readonly string[];
  onOpen(session: SessionSummary): void;
  onToggle(session: SessionSummary): void;
}

const KIND_WORDS: Record<SessionSummary['kind'], MessageKey | null> = {
  manual: null,
  import: 'managerKindImport',
  autosave: 'managerKindAutosave',
  exit: 'managerKindRecovered',
  crash: 'managerKindRecovered',
};

function kindWord(kind: SessionSummary['kind']): string {
  const key = KIND_WORDS[kind];
  return key === null ? '' : t(key);
}

/** Every live session: a box to tick (for merge and compare) and a button to open it. */
export function ManagerSessionList({ sessions, openId, ticked, onOpen, onToggle }: Props) {
  const [shown, setShown] = useState(PAGE);
  if (sessions.length === 0) {
    return <p class="empty">{t('managerEmpty')}</p>;
  }
  const drawn = sessions.slice(0, shown);
  return (
    <>
      <ul class="manager-list" aria-label={t('managerList')}>
        {drawn.map((s) => (
          <li key={s.id} class={s.id === openId ? 'open' : ''} data-session-id={s.id}>
            <input
              type="checkbox"
              aria-label={t('managerSelect', s.name)}
              checked={ticked.includes(s.id)}
              onChange={() => onToggle(s)}
            />
            <button
              type="button"
              class="manager-open"
              aria-pressed={s.id === openId}
              onClick={() => onOpen(s)}
            >
              {/* The name read out starts "Open <name>"; the star shows first but reads last. */}
              <span class="session-line">
                <span class="visually-hidden">{t('managerOpen')} </span>
                <span class="session-name">{s.name}</span>
                {s.favourite === true && (
                  <span class="star" title={t('favourite')}>
                    <span aria-hidden="true">★ </span>
                    <span class="visually-hidden">, {t('managerFavourite')}</span>
                  </span>
                )}
              </span>
              <span class="session-meta">
                {[
                  kindWord(s.kind),
                  counted(s.windowCount, 'Window'),
                  counted(s.tabCount, 'Tab'),
                  formatDate(s.createdAt),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {s.tags.length > 0 && (
                <span class="tags">{s.tags.map((tag) => `#${tag}`).join(' ')}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {drawn.length < sessions.length && (
        <MoreSessions onMore={() => setShown(drawn.length + PAGE)} />
      )}
    </>
  );
}
