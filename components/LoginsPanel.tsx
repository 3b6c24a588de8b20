import { useState } from 'preact/hooks';
import { ALL_SITES, requestCookieAccess } from '@/lib/adapters/permissions';
import { callService } from '@/lib/client';
import { openDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { loadSettings, SETTINGS_KEY, type CookieSettings } from '@/lib/settings';
import { counted } from './format';
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
        setStatus({ tone: 'error', text: t('loginsDenied') });
        return;
      }
      await callService('saveSettings', { ...settings, cookies: next });
      setStatus({ tone: 'info', text: t('settingsSaved') });
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
        text: t('loginsForgot', counted(sessions, 'Session')),
      });
    } catch (error) {
      setStatus({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="logins" aria-label={t('loginsName')}>
      <h2>{t('loginsTitle')}</h2>
      <p class="muted">{t('loginsExplain')}</p>
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
        {t('loginsByDefault')}
      </label>
      <fieldset>
        <legend>{t('loginsScope')}</legend>
        <label>
          <input
            type="radio"
            name="cookie-scope"
            checked={settings.cookies.scope === 'sites'}
            onChange={() => void change({ ...settings.cookies, scope: 'sites' }, null)}
          />{' '}
          {t('loginsScopeSites')}
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
          {t('loginsScopeAll')}
        </label>
      </fieldset>
      <p>
        {withCookies === 0
          ? t('loginsNone')
          : t(withCookies === 1 ? 'loginsKeptOne' : 'loginsKeptMany', withCookies)}{' '}
        {confirming ? (
          <>
            {t('loginsForgetQuestion')}{' '}
            <button type="button" class="danger" onClick={() => void forget()}>
              {t('loginsForgetAll')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" disabled={withCookies === 0} onClick={() => setConfirming(true)}>
            {t('loginsForgetAsk')}
          </button>
        )}
      </p>
      <p class={`status ${status?.tone ?? ''}`} role="status" aria-live="polite">
        {status?.text}
      </p>
    </section>
  );
}
