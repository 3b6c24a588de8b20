import { useState } from 'preact/hooks';
import { requestCookieAccess } from '@/lib/adapters/permissions';
import { callService } from '@/lib/client';
import { originPatterns } from '@/lib/cookies/sites';
import { limitWarning } from '@/lib/cookies/words';
import { t } from '@/lib/i18n';
import type { SessionSummary } from '@/lib/model';
import { DEFAULT_MODE, type RestoreMode } from '@/lib/restore/mode';
import { restoreReportText } from './restore-words';
import type { Attempt } from './use-attempt';

interface Pending {
  session: SessionSummary;
  mode: RestoreMode;
  warning: string;
}

/**
 * A restore as the popup and the manager both do it: a session with cookies asks for access
 * to their sites first thing in the click, as browsers require; a restore that would pass
 * the cookie limits waits for a second click on the warning (`confirmation`).
 */
export function useRestore(attempt: Attempt) {
  const [pending, setPending] = useState<Pending | null>(null);

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
      restoreReportText,
    );
  };

  const confirmation = pending && (
    <div class="confirm" role="alert">
      <p>{pending.warning}</p>
      <button
        type="button"
        class="primary"
        onClick={() => restore(pending.session, pending.mode, true)}
      >
        {t('restoreAnyway')}
      </button>{' '}
      <button type="button" onClick={() => setPending(null)}>
        {t('cancel')}
      </button>
    </div>
  );

  return { restore, confirmation };
}
