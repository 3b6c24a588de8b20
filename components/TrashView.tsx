import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { daysLeft, listTrash, TRASH_DAYS } from '@/lib/trash';
import { formatDate, plural } from './format';
import { useAttempt } from './use-attempt';
import { useLiveQuery } from './use-live-query';

/** Deleted sessions, kept TRASH_DAYS days: restore one, delete it for good, or empty all. */
export function TrashView() {
  const trash = useLiveQuery(() => listTrash(openDb()));
  const { status, attempt } = useAttempt();
  const [confirming, setConfirming] = useState(false);
  if (trash.status === 'loading') return null;
  if (trash.status === 'error') {
    return <p class="status error">Tabkeep cannot read the trash: {String(trash.error)}</p>;
  }
  const now = Date.now();
  const rows = trash.value;
  return (
    <section class="trash" aria-label="Trash">
      <h2>Trash</h2>
      <p class="muted">Deleted sessions stay here {TRASH_DAYS} days, then go for good.</p>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
      {rows.length === 0 ? (
        <p class="empty">The trash is empty.</p>
      ) : (
        <>
          {confirming ? (
            <div class="confirm" role="alert">
              Delete {plural(rows.length, 'session')} forever?{' '}
              <button
                type="button"
                class="danger"
                onClick={() =>
                  void attempt(
                    () => callService('emptyTrash', {}),
                    ({ sessions }) => {
                      setConfirming(false);
                      return `Deleted ${plural(sessions, 'session')} forever.`;
                    },
                  )
                }
              >
                Delete forever
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              Empty the trash
            </button>
          )}
          <ul class="manager-list" aria-label="Deleted sessions">
            {rows.map((s) => {
              const left = daysLeft(s.deletedAt, now);
              return (
                <li key={s.id} data-session-id={s.id}>
                  <div class="session-text">
                    <span class="session-name">{s.name}</span>
                    <span class="session-meta">
                      {plural(s.tabCount, 'tab')} · deleted {formatDate(s.deletedAt)} ·{' '}
                      {left === 0 ? 'goes today' : `${plural(left, 'day')} left`}
                    </span>
                  </div>
                  <button
                    type="button"
                    aria-label={`Restore ${s.name}`}
                    onClick={() =>
                      void attempt(
                        () => callService('undoRemove', { id: s.id }),
                        () => `“${s.name}” is back among the sessions.`,
                      )
                    }
                  >
                    Restore
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-label={`Delete forever ${s.name}`}
                    onClick={() =>
                      void attempt(
                        () => callService('deleteForever', { id: s.id }),
                        () => `“${s.name}” is deleted for good.`,
                      )
                    }
                  >
                    Delete forever
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
