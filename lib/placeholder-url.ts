/*
 * The placeholder page stands in for a tab whose URL the extension may not open. Its own
 * URL carries the original one, so a session saved while a placeholder is showing still
 * stores the real address, not ours.
 */

export const PLACEHOLDER_PATH = '/placeholder.html';

export function placeholderUrl(extensionOrigin: string, url: string, title: string): string {
  const params = new URLSearchParams({ url, title });
  return `${extensionOrigin}${PLACEHOLDER_PATH}?${params.toString()}`;
}

/** The tab the placeholder stands for, or null when `url` is not our placeholder. */
export function parsePlaceholderUrl(
  extensionOrigin: string,
  url: string,
): { url: string; title: string } | null {
  const prefix = `${extensionOrigin}${PLACEHOLDER_PATH}?`;
  if (!url.startsWith(prefix)) return null;
  const params = new URLSearchParams(url.slice(prefix.length));
  const original = params.get('url');
  if (original === null) return null;
  return { url: original, title: params.get('title') ?? '' };
}
