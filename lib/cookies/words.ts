import type { CookieRestoreReport } from './restore-run';
import { DEFAULT_COOKIE_LIMITS } from './limits';
import type { CookieInfo } from './model';

/*
 * What the popup and manager say about saved cookies. Pure, so the wording is tested
 * without a page.
 */

const REASONS_SHOWN = 3;

/** "Login saved (12 cookies), expires 3 Dec 2026" and its expired and session-only forms. */
export function loginLine(
  info: CookieInfo,
  now: number,
  formatDay: (ms: number) => string,
): string {
  const count = `${info.count.toLocaleString()} ${info.count === 1 ? 'cookie' : 'cookies'}`;
  if (info.expiresAt === null) return `Login saved (${count}), until the browser closes`;
  if (info.expiresAt <= now) return `Saved login expired on ${formatDay(info.expiresAt)}`;
  return `Login saved (${count}), expires ${formatDay(info.expiresAt)}`;
}

/**
 * The warning shown before a restore would set more cookies than a browser keeps; null
 * when it fits.
 */
export function limitWarning(info: CookieInfo): string | null {
  const { perSite, total } = DEFAULT_COOKIE_LIMITS;
  if (info.count <= total && info.largestSite <= perSite) return null;
  const why =
    info.count > total
      ? `${info.count.toLocaleString()} saved cookies, and browsers keep about ${total.toLocaleString()} in all`
      : `${info.largestSite.toLocaleString()} saved cookies of one site, and browsers keep about ${perSite} per site`;
  return `This session has ${why}: those expiring soonest will be left out, and the browser may drop cookies you have now.`;
}

/** One sentence (or a few) on the cookies of a restore, for the status line. */
export function cookieReportText(report: CookieRestoreReport): string {
  const parts: string[] = [];
  const total = report.restored + report.skippedCount;
  if (total > 0) {
    parts.push(
      `Restored ${report.restored.toLocaleString()} of ${total.toLocaleString()} saved cookies.`,
    );
  }
  if (report.skippedCount > 0) {
    const listed = report.skipped
      .slice(0, REASONS_SHOWN)
      .map((s) => `${s.name} (${s.domain}): ${s.why}`);
    const more = report.skippedCount - listed.length;
    parts.push(
      `Left out: ${listed.join(' ')}${more > 0 ? ` And ${more.toLocaleString()} more.` : ''}`,
    );
  }
  parts.push(...report.warnings);
  return parts.join(' ');
}
