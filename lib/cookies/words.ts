import { t } from '../i18n';
import type { CookieRestoreReport } from './restore-run';
import { DEFAULT_COOKIE_LIMITS } from './limits';
import type { CookieInfo } from './model';

/*
 * What the popup and manager say about saved cookies, in the browser's language. Pure, so
 * the wording is tested without a page.
 */

const REASONS_SHOWN = 3;

/** "Login saved (12 cookies), expires 3 Dec 2026" and its expired and session-only forms. */
export function loginLine(
  info: CookieInfo,
  now: number,
  formatDay: (ms: number) => string,
): string {
  const count = t(info.count === 1 ? 'countCookieOne' : 'countCookieMany', info.count);
  if (info.expiresAt === null) return t('loginSavedUntilClose', count);
  if (info.expiresAt <= now) return t('loginExpired', formatDay(info.expiresAt));
  return t('loginSavedExpires', count, formatDay(info.expiresAt));
}

/**
 * The warning shown before a restore would set more cookies than a browser keeps; null
 * when it fits.
 */
export function limitWarning(info: CookieInfo): string | null {
  const { perSite, total } = DEFAULT_COOKIE_LIMITS;
  if (info.count <= total && info.largestSite <= perSite) return null;
  return info.count > total
    ? t('cookieLimitTotal', info.count, total)
    : t('cookieLimitPerSite', info.largestSite, perSite);
}

/** One sentence (or a few) on the cookies of a restore, for the status line. */
export function cookieReportText(report: CookieRestoreReport): string {
  const parts: string[] = [];
  const total = report.restored + report.skippedCount;
  if (total > 0) {
    parts.push(t('cookiesRestoredOf', report.restored, total));
  }
  if (report.skippedCount > 0) {
    const listed = report.skipped
      .slice(0, REASONS_SHOWN)
      .map((s) => `${s.name} (${s.domain}): ${s.why}`);
    const more = report.skippedCount - listed.length;
    if (more > 0) listed.push(t('cookiesAndMore', more));
    parts.push(t('cookiesLeftOut', listed.join(' ')));
  }
  parts.push(...report.warnings);
  return parts.join(' ');
}
