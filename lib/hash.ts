import type { WindowSnap } from './model';

/**
 * SHA-256 (hex) of a session's windows: equal content, equal hash, whatever order the
 * keys of its objects came in (captured, read back from storage, or imported).
 */
export async function contentHash(windows: readonly WindowSnap[]): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(windows));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JSON with every object's keys sorted. Our model is a few levels deep, never cyclic. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}
