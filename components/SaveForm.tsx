import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ALL_SITES, requestCookieAccess } from '@/lib/adapters/permissions';
import type { CookieScope } from '@/lib/cookies/capture';
import { originPatterns, urlHosts } from '@/lib/cookies/sites';
import { MAX_NAME_LENGTH } from '@/lib/naming';
import { t } from '@/lib/i18n';
import type { CookieSettings } from '@/lib/settings';

interface Props {
  /** The settings' default for "with logins"; null while they load. */
  cookieSettings: CookieSettings | null;
  /**
   * `cookies`: the person asked for logins; `allowed`: whether the browser granted access.
   * Resolves true when the session was saved.
   */
  onSave(name: string, cookies: { scope: CookieScope; allowed: boolean } | null): Promise<boolean>;
}

/** "Save session" with an optional name, and logins (cookies) when the person opts in. */
export function SaveForm({ cookieSettings, onSave }: Props) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [withLogins, setWithLogins] = useState<boolean | null>(null);
  // The sites to ask access to, known before the click: the request must come first in it.
  const [origins, setOrigins] = useState<string[]>([]);
  useEffect(() => {
    const refresh = () =>
      void browser.tabs
        .query({})
        .then((tabs) => setOrigins(originPatterns(urlHosts(tabs.map((t) => t.url ?? '')))));
    refresh();
    // The popup may stay open (or be a tab) while pages open and close.
    browser.tabs.onUpdated.addListener(refresh);
    browser.tabs.onRemoved.addListener(refresh);
    return () => {
      browser.tabs.onUpdated.removeListener(refresh);
      browser.tabs.onRemoved.removeListener(refresh);
    };
  }, []);
  const checked = withLogins ?? cookieSettings?.saveByDefault ?? false;
  const scope = cookieSettings?.scope ?? 'sites';

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const allowed = checked
      ? await requestCookieAccess(scope === 'all' ? ALL_SITES : origins)
      : false;
    const saved = await onSave(name, checked ? { scope, allowed } : null);
    setBusy(false);
    if (saved) setName('');
  };
  return (
    <form class="save-form" onSubmit={submit}>
      <input
        type="text"
        aria-label={t('saveNameLabel')}
        placeholder={t('saveNamePlaceholder')}
        maxLength={MAX_NAME_LENGTH}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={busy}>
        {t('saveButton')}
      </button>
      <label class="with-logins" title={t('withLoginsTitle')}>
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => setWithLogins(e.currentTarget.checked)}
        />{' '}
        {t(scope === 'all' ? 'withLoginsAll' : 'withLoginsSites')}
      </label>
    </form>
  );
}
