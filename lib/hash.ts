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

/**
 * JSON with every object's keys sorted. Stored hashes were made as `JSON.stringify` with a
 * replacer that rebuilds each object from its sorted entries; a sorted copy stringified
 * natively gives the same bytes (the engine puts array-index keys first in both) at a
 * third of the cost, which matters for a 100 MB import. Our model is never cyclic.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value));
}

function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedCopy);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Default sort: by UTF-16 code units, as the replacer compared them.
  for (const key of Object.keys(record).sort()) {
    const inner = sortedCopy(record[key]);
    // A key "__proto__" (possible in unknown fields of a file) must stay a plain field.
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: inner,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      out[key] = inner;
    }
  }
  return out;
}
