import { t } from '@/lib/i18n';
import type { SaveResult } from '@/lib/protocol';
import { counted } from './format';

/** The status line after a save; `loginsRefused`: the person did not allow reading cookies. */
export function saveReportText(result: SaveResult, loginsRefused: boolean): string {
  const { session, skippedPrivateWindows, cookies } = result;
  return [
    t(
      'savedSession',
      session.name,
      counted(session.windowCount, 'Window'),
      counted(session.tabCount, 'Tab'),
    ),
    skippedPrivateWindows > 0
      ? t('savedPrivateLeftOut', counted(skippedPrivateWindows, 'PrivateWindow'))
      : '',
    loginsRefused ? t('savedLoginsNotAllowed') : '',
    cookies === undefined
      ? ''
      : cookies.note !== undefined
        ? t('savedLoginsNot', cookies.note)
        : cookies.saved === 0
          ? t('savedNoLoginCookies')
          : t('savedWithLogin', counted(cookies.saved, 'Cookie')),
  ]
    .filter(Boolean)
    .join(' ');
}
