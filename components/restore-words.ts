import { cookieReportText } from '@/lib/cookies/words';
import { t } from '@/lib/i18n';
import type { RestoreReport } from '@/lib/protocol';
import { counted } from './format';

/** The first sentence of a restore's report, for each mode's outcome. */
export function restoredLine(report: RestoreReport): string {
  const opened =
    report.windows === 0
      ? t('restoredIntoCurrent', counted(report.tabs, 'Tab'))
      : t('restoredWindows', counted(report.windows, 'Window'), counted(report.tabs, 'Tab'));
  if (report.closedWindows === undefined || report.closedWindows === 0) return opened;
  return `${opened} ${t('restoredClosed', counted(report.closedWindows, 'Window'))}`;
}

/** What became of tabs an extension may not open; '' when there were none. */
export function placeholdersLine(report: RestoreReport): string {
  return report.placeholders > 0
    ? t('restoredPlaceholders', counted(report.placeholders, 'Tab'))
    : '';
}

/** The status line after a restore: what opened, what could not, and the logins. */
export function restoreReportText(report: RestoreReport): string {
  return [
    restoredLine(report),
    placeholdersLine(report),
    ...report.warnings,
    report.cookies ? cookieReportText(report.cookies) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
