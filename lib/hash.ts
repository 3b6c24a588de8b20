import type { WindowSnap } from './model';

/** SHA-256 (hex) of a session's windows: equal content, equal hash. */
export async function contentHash(windows: readonly WindowSnap[]): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(windows));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
