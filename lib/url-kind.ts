/*
 * What a restore may do with a saved URL. Extensions may open only web pages and their own
 * pages; everything else (javascript:, data:, file:, browser pages, other extensions) goes
 * to the placeholder, so a `javascript:` URL never runs.
 */

export type UrlKind = 'web' | 'newtab' | 'own' | 'restricted';

const NEW_TAB_URLS = new Set([
  '',
  'about:blank',
  'about:newtab',
  'about:home',
  'about:privatebrowsing',
  // Firefox's new tab when new-tab content is turned off.
  'chrome://browser/content/blanktab.html',
  'chrome://newtab/',
  'chrome://new-tab-page/',
  'chrome://new-tab-page-third-party/',
  'edge://newtab/',
]);

export function classifyUrl(url: string, extensionOrigin: string): UrlKind {
  if (NEW_TAB_URLS.has(url)) return 'newtab';
  if (extensionOrigin !== '' && url.startsWith(`${extensionOrigin}/`)) return 'own';
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return 'restricted';
  }
  return protocol === 'http:' || protocol === 'https:' ? 'web' : 'restricted';
}

export function isNewTabUrl(url: string): boolean {
  return NEW_TAB_URLS.has(url);
}

/** The host a person would recognise a site by: lower case, without "www.". */
export function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
