import { useState } from 'preact/hooks';
import { ALL_SITES, requestCookieAccess } from '@/lib/adapters/permissions';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { loadSettings, SETTINGS_KEY, type CookieSettings } from '@/lib/settings';
import { plural } from './format';
import { useLiveQuery } from './use-live-query';

type Status = { tone: 'info' | 'error'; text: string } | null;

/**
 * Logins (cookies): whether a save offers them ticked, which sites, and one button that
 * forgets every saved cookie.
 */
export function LoginsPanel() {
  const state = useLiveQuery(async () => {
    const db = openDb();
    return {
      settings: loadSettings(await db.state.get(SETTINGS_KEY)).settings,
      withCookies: await db.cookieJars.count(),
    };
  });
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  if (state.status !== 'ready') return null;
  const { settings, withCookies } = state.value;

  const change = async (next: CookieSettings, access: Promise<boolean> | null) => {
    try {
      if (access !== null && !(await access)) {
        setStatus({ tone: 'error', text: 'Tabkeep was not allowed to read cookies of all sites.' });
        return;
      }
      await callService('saveSettings', { ...settings, cookies: next });
      setStatus({ tone: 'info', text: 'Settings saved.' });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const forget = async () => {
    setConfirming(false);
    try {
      const { sessions } = await callService('forgetCookies', {});
      setStatus({
        tone: 'info',
        text: `Forgot the saved cookies of ${plural(sessions, 'session')}.`,
      });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="logins" aria-label="Logins">
      <h2>Logins (cookies)</h2>
      <p class="muted">
        A session can keep the cookies that hold your logins, so that it comes back logged in. They
        are credentials: they stay on this computer, and leave it only in an encrypted export.
      </p>
      <label>
        <input
          type="checkbox"
          checked={settings.cookies.saveByDefault}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            // Asked here, in the click, when the choice needs access to every site.
            const access =
              on && settings.cookies.scope === 'all' ? requestCookieAccess(ALL_SITES) : null;
            void change({ ...settings.cookies, saveByDefault: on }, access);
          }}
        />{' '}
        Save logins with each session unless I untick it
      </label>
      <fieldset>
        <legend>Cookies to save</legend>
        <label>
          <input
            type="radio"
            name="cookie-scope"
            checked={settings.cookies.scope === 'sites'}
            onChange={() => void change({ ...settings.cookies, scope: 'sites' }, null)}
          />{' '}
          Those of the session’s sites
        </label>
        <label>
          <input
            type="radio"
            name="cookie-scope"
            checked={settings.cookies.scope === 'all'}
            onChange={() =>
              void change({ ...settings.cookies, scope: 'all' }, requestCookieAccess(ALL_SITES))
            }
          />{' '}
          Those of all sites
        </label>
      </fieldset>
      <p>
        {withCookies === 0
          ? 'No session keeps cookies.'
          : `${plural(withCookies, 'session')} ${withCookies === 1 ? 'keeps' : 'keep'} cookies.`}{' '}
        {confirming ? (
          <>
            Forget them all? This cannot be undone.{' '}
            <button type="button" class="danger" onClick={() => void forget()}>
              Forget all saved cookies
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" disabled={withCookies === 0} onClick={() => setConfirming(true)}>
            Forget all saved cookies…
          </button>
        )}
      </p>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </section>
  );
}
