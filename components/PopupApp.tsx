import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import type { SessionSummary } from '@/lib/model';
import { groupSessions, listLiveSessions } from '@/lib/session-index';
import { plural } from './format';
import { SaveForm } from './SaveForm';
import { SessionRow } from './SessionRow';
import { StorageLine } from './StorageLine';
import { useLiveQuery } from './use-live-query';

type Status = { tone: 'info' | 'error'; text: string } | null;

export function PopupApp() {
  const sessions = useLiveQuery(() => listLiveSessions(openDb()));
  const [status, setStatus] = useState<Status>(null);
  const [deleted, setDeleted] = useState<SessionSummary | null>(null);

  /** Runs a service call; failures become the status line. */
  const attempt = async <T,>(
    run: () => Promise<T>,
    done: (value: T) => string,
  ): Promise<boolean> => {
    try {
      setStatus({ tone: 'info', text: done(await run()) });
      return true;
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };

  const save = (name: string) =>
    attempt(
      () => callService('save', { name }),
      ({ session, skippedPrivateWindows }) =>
        `Saved “${session.name}”: ${plural(session.windowCount, 'window')}, ${plural(session.tabCount, 'tab')}.` +
        (skippedPrivateWindows > 0
          ? ` ${plural(skippedPrivateWindows, 'private window')} left out.`
          : ''),
    );

  const restore = (session: SessionSummary) =>
    void attempt(
      () => callService('restore', { id: session.id }),
      (report) =>
        [
          `Restored ${plural(report.windows, 'window')}, ${plural(report.tabs, 'tab')}.`,
          report.placeholders > 0
            ? `${plural(report.placeholders, 'tab')} the browser will not let extensions open show a placeholder.`
            : '',
          ...report.warnings,
        ]
          .filter(Boolean)
          .join(' '),
    );

  const rename = (session: SessionSummary, name: string) =>
    attempt(
      () => callService('rename', { id: session.id, name }),
      (renamed) => `Renamed to “${renamed.name}”.`,
    );

  const keep = (session: SessionSummary) =>
    void attempt(
      () => callService('keep', { id: session.id }),
      (kept) => `Kept as “${kept.name}” among your sessions.`,
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
      () => `“${session.name}” is back.`,
    );

  return (
    <main class="popup">
      <h1>Tabkeep</h1>
      <SaveForm onSave={save} />
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
      {deleted !== null && (
        <div class="undo" role="alert">
          <span>Deleted “{deleted.name}”.</span>
          <button type="button" onClick={() => undo(deleted)}>
            Undo
          </button>
        </div>
      )}
      <SessionListView
        state={sessions}
        onRestore={restore}
        onRename={rename}
        onKeep={keep}
        onDelete={remove}
      />
      <StorageLine />
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </main>
  );
}

function SessionListView({
  state,
  onRestore,
  onRename,
  onKeep,
  onDelete,
}: {
  state: ReturnType<typeof useLiveQuery<SessionSummary[]>>;
  onRestore(session: SessionSummary): void;
  onRename(session: SessionSummary, name: string): Promise<boolean>;
  onKeep(session: SessionSummary): void;
  onDelete(session: SessionSummary): void;
}) {
  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return (
      <p class="status error">Tabkeep cannot read its saved sessions: {String(state.error)}</p>
    );
  }
  const { recovered, named, autosaves } = groupSessions(state.value);
  const copyable = { onRestore, onKeep, onDelete };
  return (
    <>
      {recovered.length > 0 && (
        <section aria-label="Recovered">
          <h2>Recovered</h2>
          <ul class="sessions recovered">
            {recovered.map((session) => (
              <SessionRow key={session.id} session={session} {...copyable} />
            ))}
          </ul>
        </section>
      )}
      {named.length === 0 ? (
        <p class="empty">
          No saved sessions yet. Save the open windows with the button above or with the keyboard
          shortcut (Alt+Shift+S unless you changed it).
        </p>
      ) : (
        <ul class="sessions" aria-label="Saved sessions">
          {named.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              onRestore={onRestore}
              onRename={onRename}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
      {autosaves.length > 0 && (
        <details class="autosaves">
          <summary>Autosaves ({autosaves.length})</summary>
          <ul class="sessions" aria-label="Autosaves">
            {autosaves.map((session) => (
              <SessionRow key={session.id} session={session} {...copyable} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
