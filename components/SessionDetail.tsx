import { useState } from 'preact/hooks';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { SHARED_KINDS, type SessionSummary } from '@/lib/model';
import { readWindows } from '@/lib/store/bodies';
import { formatDate, plural } from './format';
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
        return `Kept as “${kept.name}”: edit this copy.`;
      },
    );

  let position = 0;
  return (
    <section class="detail" aria-label="Session detail">
      <SessionHeader session={session} attempt={attempt} onGone={onGone} />
      <p class="session-meta">
        {plural(session.windowCount, 'window')} · {plural(session.tabCount, 'tab')} · saved{' '}
        {formatDate(session.createdAt)}
        {session.updatedAt !== session.createdAt && ` · changed ${formatDate(session.updatedAt)}`}
      </p>
      {readOnly ? (
        <p class="read-only">
          An autosave or recovered session shares its tabs with its neighbours and cannot be edited.{' '}
          <button type="button" onClick={keep}>
            Keep as a named session
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
          <section key={wi} class="window" aria-label={`Window ${wi + 1}`}>
            <h3>
              Window {wi + 1} · {plural(w.tabs.length, 'tab')}
              {w.incognito && ' · private'}
            </h3>
            <ul class="tab-list">
              {w.tabs.map((t) => {
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
                      <span class="tab-title">{t.title || t.url}</span>{' '}
                      <span class="tab-url">{t.url}</span>
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
