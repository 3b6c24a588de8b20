/*
 * The lazy page holds a restored tab in Chrome, which cannot create discarded tabs: it shows
 * the saved title (and icon) and goes to the real address when the tab is first shown. Its
 * own URL carries the real one, so a session saved while tabs are still lazy stores the real
 * addresses, not ours. The page (public/lazy.html, its script entrypoints/lazy-page.ts)
 * reads the same parameters.
 */

export const LAZY_PATH = '/lazy.html';

/** Where the worker names the lazy page (its URL) whose tab was just activated. */
export const LAZY_ACTIVATED_CHANNEL = 'tabkeep-lazy-activated';

export function lazyUrl(
  extensionOrigin: string,
  url: string,
  title: string,
  favIconUrl?: string,
): string {
  const params = new URLSearchParams({ u: url, t: title });
  if (favIconUrl !== undefined) params.set('i', favIconUrl);
  return `${extensionOrigin}${LAZY_PATH}?${params.toString()}`;
}

/** The tab the lazy page stands for, or null when `url` is not our lazy page. */
export function parseLazyUrl(
  extensionOrigin: string,
  url: string,
): { url: string; title: string; favIconUrl?: string } | null {
  const prefix = `${extensionOrigin}${LAZY_PATH}?`;
  if (!url.startsWith(prefix)) return null;
  const params = new URLSearchParams(url.slice(prefix.length));
  const real = params.get('u');
  if (real === null) return null;
  const icon = params.get('i');
  return { url: real, title: params.get('t') ?? '', ...(icon !== null && { favIconUrl: icon }) };
}
