import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { daysLeft, listTrash, TRASH_DAYS } from '@/lib/trash';
import { counted, formatDate } from './format';
import { useAttempt } from './use-attempt';
import { useLiveQuery } from './use-live-query';

/** Deleted sessions, kept TRASH_DAYS days: restore one, delete it for good, or empty all. */
export function TrashView() {
  const trash = useLiveQuery(() => listTrash(openDb()));
  const { status, attempt } = useAttempt();
  const [confirming, setConfirming] = useState(false);
  if (trash.status === 'loading') return null;
  if (trash.status === 'error') {
    return <p class="status error">{t('trashCannotRead', String(trash.error))}</p>;
  }
  const now = Date.now();
  const rows = trash.value;
  return (
    <section class="trash" aria-label={t('trashName')}>
      <h2>{t('trashName')}</h2>
      <p class="muted">{t('trashExplain', TRASH_DAYS)}</p>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
      {rows.length === 0 ? (
        <p class="empty">{t('trashEmpty')}</p>
      ) : (
        <>
          {confirming ? (
            <div class="confirm" role="alert">
              {t('trashEmptyQuestion', counted(rows.length, 'Session'))}{' '}
              <button
                type="button"
                class="danger"
                onClick={() =>
                  void attempt(
                    () => callService('emptyTrash', {}),
                    ({ sessions }) => {
                      setConfirming(false);
                      return t('trashEmptied', counted(sessions, 'Session'));
                    },
                  )
                }
              >
                {t('trashDeleteForever')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </div>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t('trashEmptyButton')}
            </button>
          )}
          <ul class="manager-list" aria-label={t('trashList')}>
            {rows.map((s) => {
              const left = daysLeft(s.deletedAt, now);
              return (
                <li key={s.id} data-session-id={s.id}>
                  <div class="session-text">
                    <span class="session-name">{s.name}</span>
                    <span class="session-meta">
                      {[
                        counted(s.tabCount, 'Tab'),
                        t('trashDeletedOn', formatDate(s.deletedAt)),
                        left === 0 ? t('trashGoesToday') : t('trashLeft', counted(left, 'Day')),
                      ].join(' · ')}
                    </span>
                  </div>
                  <button
                    type="button"
                    aria-label={t('restoreLabel', s.name)}
                    onClick={() =>
                      void attempt(
                        () => callService('undoRemove', { id: s.id }),
                        () => t('trashRestored', s.name),
                      )
                    }
                  >
                    {t('restoreButton')}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-label={t('trashDeleteForeverLabel', s.name)}
                    onClick={() =>
                      void attempt(
                        () => callService('deleteForever', { id: s.id }),
                        () => t('trashGone', s.name),
                      )
                    }
                  >
                    {t('trashDeleteForever')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
