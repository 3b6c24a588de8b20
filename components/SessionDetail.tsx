import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { SHARED_KINDS, type SessionSummary } from '@/lib/model';
import { readWindows } from '@/lib/store/bodies';
import { counted, formatDate } from './format';
import { SessionHeader } from './SessionHeader';
import { TabActions } from './TabActions';
import type { Attempt } from './use-attempt';
import { useLiveQuery } from './use-live-query';

interface Props {
  session: SessionSummary;
  attempt: Attempt;
  /** Shows another session (the copy "Keep" made). */
  onOpen(id: string): void;
  /** The session went to the trash. */
  onGone(): void;
}

/** One session: its windows, then their tabs, each with a box to tick for the tab actions. */
export function SessionDetail({ session, attempt, onOpen, onGone }: Props) {
  const windows = useLiveQuery(() => readWindows(openDb(), session), [session.id, session.hash]);
  /** Ticked tabs by position across the windows, as the service counts them. */
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const readOnly = SHARED_KINDS.includes(session.kind);

  const keep = () =>
    void attempt(
      () => callService('keep', { id: session.id }),
      (kept) => {
        onOpen(kept.id);
        return t('detailKeptAs', kept.name);
      },
    );

  let position = 0;
  return (
    <section class="detail" aria-label={t('detailName')}>
      <SessionHeader session={session} attempt={attempt} onGone={onGone} />
      <p class="session-meta">
        {[
          counted(session.windowCount, 'Window'),
          counted(session.tabCount, 'Tab'),
          t('detailSaved', formatDate(session.createdAt)),
          session.updatedAt !== session.createdAt &&
            t('detailChanged', formatDate(session.updatedAt)),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {readOnly ? (
        <p class="read-only">
          {t('detailReadOnly')}{' '}
          <button type="button" onClick={keep}>
            {t('detailKeep')}
          </button>
        </p>
      ) : (
        windows.status === 'ready' && (
          <TabActions
            session={session}
            windowCount={windows.value.length}
            ticked={ticked}
            attempt={attempt}
            onDone={() => setTicked(new Set())}
          />
        )
      )}
      {windows.status === 'error' && (
        <p class="status error">
          {windows.error instanceof Error ? windows.error.message : String(windows.error)}
        </p>
      )}
      {windows.status === 'ready' &&
        windows.value.map((w, wi) => (
          <section key={wi} class="window" aria-label={t('detailWindow', wi + 1)}>
            <h3>
              {[
                t('detailWindow', wi + 1),
                counted(w.tabs.length, 'Tab'),
                w.incognito && t('detailPrivate'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </h3>
            <ul class="tab-list">
              {w.tabs.map((tab) => {
                const at = position++;
                return (
                  <li key={at}>
                    <label>
                      {!readOnly && (
                        <input
                          type="checkbox"
                          checked={ticked.has(at)}
                          onChange={() =>
                            setTicked((old) => {
                              const next = new Set(old);
                              if (!next.delete(at)) next.add(at);
                              return next;
                            })
                          }
                        />
                      )}{' '}
                      <span class="tab-title">{tab.title || tab.url}</span>{' '}
                      <span class="tab-url">{tab.url}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
    </section>
  );
}
