import { describe, expect, it } from 'vitest';
import type { CookieInfo } from '@/lib/cookies/model';
import type { CookieRestoreReport } from '@/lib/cookies/restore-run';
import { DEFAULT_COOKIE_LIMITS } from '@/lib/cookies/restore-rules';
import { cookieReportText, limitWarning, loginLine } from '@/lib/cookies/words';

const NOW = Date.UTC(2026, 10, 21, 12);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function info(extra: Partial<CookieInfo> = {}): CookieInfo {
  return { count: 12, sites: ['bank.test'], expiresAt: null, largestSite: 12, ...extra };
}

function report(extra: Partial<CookieRestoreReport> = {}): CookieRestoreReport {
  return { restored: 0, skipped: [], skippedCount: 0, warnings: [], ...extra };
}

const skippedCookie = (n: number) => ({ name: `c${n}`, domain: 'bank.test', why: `why ${n}.` });

describe('loginLine', () => {
  it('says a login of session cookies lasts until the browser closes', () => {
    expect(loginLine(info(), NOW, day)).toBe('Login saved (12 cookies), until the browser closes');
    expect(loginLine(info({ count: 1 }), NOW, day)).toBe(
      'Login saved (1 cookie), until the browser closes',
    );
  });

  it('says when a login will expire', () => {
    const later = Date.UTC(2026, 11, 3);
    expect(loginLine(info({ expiresAt: later }), NOW, day)).toBe(
      'Login saved (12 cookies), expires 2026-12-03',
    );
    expect(loginLine(info({ count: 1, expiresAt: NOW + 1 }), NOW, day)).toBe(
      'Login saved (1 cookie), expires 2026-11-21',
    );
  });

  it('says when a login expired, from the very moment it did', () => {
    const earlier = Date.UTC(2026, 9, 1);
    expect(loginLine(info({ expiresAt: earlier }), NOW, day)).toBe(
      'Saved login expired on 2026-10-01',
    );
    expect(loginLine(info({ expiresAt: NOW }), NOW, day)).toBe('Saved login expired on 2026-11-21');
  });
});

describe('limitWarning', () => {
  const { total, perSite } = DEFAULT_COOKIE_LIMITS;

  it('is null while the cookies fit, up to the limits themselves', () => {
    expect(limitWarning(info())).toBeNull();
    expect(limitWarning(info({ count: total, largestSite: perSite }))).toBeNull();
  });

  it('names the total when there are more cookies than browsers keep', () => {
    const warning = limitWarning(info({ count: total + 1, largestSite: 10 }));
    expect(warning).toBe(
      `This session has ${(total + 1).toLocaleString()} saved cookies, and browsers keep about ${total.toLocaleString()} in all: those expiring soonest will be left out, and the browser may drop cookies you have now.`,
    );
    // Over both: the total is what it names.
    expect(limitWarning(info({ count: total + 1, largestSite: perSite + 1 }))).toBe(warning);
  });

  it('names one site when it has more cookies than a browser keeps per site', () => {
    expect(limitWarning(info({ count: 200, largestSite: perSite + 1 }))).toBe(
      `This session has ${perSite + 1} saved cookies of one site, and browsers keep about ${perSite} per site: those expiring soonest will be left out, and the browser may drop cookies you have now.`,
    );
  });
});

describe('cookieReportText', () => {
  it('says nothing when there were no cookies', () => {
    expect(cookieReportText(report())).toBe('');
  });

  it('counts what was restored of all the saved cookies', () => {
    expect(cookieReportText(report({ restored: 2 }))).toBe('Restored 2 of 2 saved cookies.');
    expect(
      cookieReportText(report({ restored: 1, skipped: [skippedCookie(1)], skippedCount: 1 })),
    ).toBe('Restored 1 of 2 saved cookies. Left out: c1 (bank.test): why 1.');
  });

  it('lists three reasons at most, then how many more', () => {
    const three = [1, 2, 3].map(skippedCookie);
    expect(cookieReportText(report({ restored: 0, skipped: three, skippedCount: 3 }))).toBe(
      'Restored 0 of 3 saved cookies. Left out: c1 (bank.test): why 1. c2 (bank.test): why 2. c3 (bank.test): why 3.',
    );
    const five = [1, 2, 3, 4, 5].map(skippedCookie);
    expect(cookieReportText(report({ restored: 4, skipped: five, skippedCount: 5 }))).toBe(
      'Restored 4 of 9 saved cookies. Left out: c1 (bank.test): why 1. c2 (bank.test): why 2. c3 (bank.test): why 3. And 2 more.',
    );
    // The report keeps only the first of those left out; the count says how many.
    expect(
      cookieReportText(report({ restored: 0, skipped: five.slice(0, 4), skippedCount: 40 })),
    ).toMatch(/why 3\. And 37 more\.$/);
  });

  it('appends the warnings, after the counts or alone', () => {
    expect(
      cookieReportText(
        report({
          restored: 1,
          skipped: [skippedCookie(1)],
          skippedCount: 1,
          warnings: ['First warning.', 'Second warning.'],
        }),
      ),
    ).toBe(
      'Restored 1 of 2 saved cookies. Left out: c1 (bank.test): why 1. First warning. Second warning.',
    );
    expect(cookieReportText(report({ warnings: ['Not allowed to set cookies.'] }))).toBe(
      'Not allowed to set cookies.',
    );
  });
});
