import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requestCookieAccess } from '@/lib/adapters/permissions';
import { callService } from '@/lib/client';
import type { CookieScope } from '@/lib/cookies/capture';
import { originPatterns } from '@/lib/cookies/sites';
import { cookieReportText, limitWarning } from '@/lib/cookies/words';
import { openDb } from '@/lib/db';
import type { SessionSummary } from '@/lib/model';
import { DEFAULT_MODE, type RestoreMode } from '@/lib/restore/mode';
import { restoredLine } from '@/lib/restore/words';
import { groupSessions, listLiveSessions } from '@/lib/session-index';
import { loadSettings, SETTINGS_KEY } from '@/lib/settings';
import { plural } from './format';
import { RestoreProgress } from './RestoreProgress';
import { SaveForm } from './SaveForm';
import { SessionRow } from './SessionRow';
import { StorageLine } from './StorageLine';
import { useLiveQuery } from './use-live-query';

type Status = { tone: 'info' | 'error'; text: string } | null;

export function PopupApp() {
  const sessions = useLiveQuery(() => listLiveSessions(openDb()));
  const settings = useLiveQuery(
    async () => loadSettings(await openDb().state.get(SETTINGS_KEY)).settings,
  );
  const [status, setStatus] = useState<Status>(null);
  const [deleted, setDeleted] = useState<SessionSummary | null>(null);
  /** A restore waiting for the person to accept the cookie-limit warning. */
  const [pending, setPending] = useState<{
    session: SessionSummary;
    mode: RestoreMode;
    warning: string;
  } | null>(null);

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

  const save = (name: string, logins: { scope: CookieScope; allowed: boolean } | null) =>
    attempt(
      () => callService('save', { name, ...(logins?.allowed && { cookies: logins.scope }) }),
      ({ session, skippedPrivateWindows, cookies }) =>
        [
          `Saved “${session.name}”: ${plural(session.windowCount, 'window')}, ${plural(session.tabCount, 'tab')}.`,
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
          report.placeholders > 0
            ? `${plural(report.placeholders, 'tab')} the browser will not let extensions open show a placeholder.`
            : '',
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
      <SaveForm
        cookieSettings={settings.status === 'ready' ? settings.value.cookies : null}
        onSave={save}
      />
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
            Restore anyway
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
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
  onRestore(session: SessionSummary, mode?: RestoreMode): void;
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
