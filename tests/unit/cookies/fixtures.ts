/**
 * Cookies for unit tests, shaped like `browser.cookies.getAll` results. Each builder
 * gives a fresh object; `extra` overrides fields (keeping their place in key order).
 */
import type { SavedCookie } from '@/lib/cookies/model';

/** 2026-01-01T00:00:00Z, in seconds as the API has it. */
export const NEW_YEAR_2026 = 1767225600;

/** The login cookie of a local dev server: host-only, HttpOnly, session, no SameSite. */
const SID = {
  name: 'sid',
  value: 'alice',
  domain: '127.0.0.1',
  hostOnly: true,
  path: '/',
  secure: false,
  httpOnly: true,
  sameSite: 'unspecified',
  session: true,
} as const satisfies Partial<SavedCookie>;

/** The login cookie of 127.0.0.1 as Chrome lists it, in store '0'. */
export function chromeCookie(extra: Partial<SavedCookie> = {}): SavedCookie {
  return { ...SID, storeId: '0', ...extra };
}

/** The same cookie as Firefox 153 lists it and Tabkeep saves it (partitionKey: null stripped). */
export function firefoxCookie(extra: Partial<SavedCookie> = {}): SavedCookie {
  return { ...SID, firstPartyDomain: '', storeId: 'firefox-default', ...extra };
}

/** Firefox 153's `cookies.getAll` result for a cookie set without SameSite, as measured. */
export type FirefoxListedCookie = Omit<SavedCookie, 'partitionKey'> & { partitionKey: null };

/** Firefox 153's `cookies.getAll` result for {@link firefoxCookie}: with `partitionKey: null`. */
export function firefoxListed(extra: Partial<FirefoxListedCookie> = {}): FirefoxListedCookie {
  return {
    ...SID,
    firstPartyDomain: '',
    partitionKey: null,
    storeId: 'firefox-default',
    ...extra,
  };
}

/** A Chromium domain cookie with SameSite=Lax and an expiry (NEW_YEAR_2026 unless told). */
export function prefsCookie(extra: Partial<SavedCookie> = {}): SavedCookie {
  return {
    name: 'prefs',
    value: 'dark',
    domain: '.example.com',
    hostOnly: false,
    path: '/',
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    session: false,
    expirationDate: NEW_YEAR_2026,
    storeId: '0',
    ...extra,
  };
}

/** The bank's login: a secure, host-only, SameSite=Lax session cookie of bank.test. */
export function bankSid(): SavedCookie {
  return chromeCookie({ domain: 'bank.test', secure: true, sameSite: 'lax' });
}

/** The bank's preferences: a SameSite=Strict domain cookie of .bank.test expiring at `expirationDate`. */
export function bankPrefs(expirationDate: number): SavedCookie {
  return prefsCookie({ domain: '.bank.test', sameSite: 'strict', expirationDate });
}
