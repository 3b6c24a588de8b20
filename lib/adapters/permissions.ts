import { browser } from 'wxt/browser';

/*
 * Cookie access is optional (DESIGN §5): asked for from a click, never from the worker.
 * Browsers grant a request only while they handle the person's input, so callers call
 * this first thing in a click handler, before any await.
 */

/** Host access to every web site, for "all sites" and for wiping what any site set. */
export const ALL_SITES = ['*://*/*'];

/**
 * Asks for cookie access to these sites; true when granted (at once if it already was).
 * Firefox grants `cookies` with the extension (its containers need it), so only Chrome
 * asks for it here.
 */
export function requestCookieAccess(origins: readonly string[]): Promise<boolean> {
  const request = import.meta.env.FIREFOX
    ? { origins: [...origins] }
    : { permissions: ['cookies' as const], origins: [...origins] };
  return browser.permissions.request(request).catch(() => false);
}
