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
 * JSON with every object's keys sorted: what `JSON.stringify` writes with a replacer that
 * sorts keys, written directly, since hashing a 100 MB import spent most of its time in
 * the replacer's copies. Our model is a few levels deep, never cyclic.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += skipped(item) ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  for (const key of sortedKeys(record)) {
    const inner = record[key];
    if (skipped(inner)) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalJson(inner)}`;
  }
  return `${out}}`;
}

/**
 * Keys in the order the reference (an object rebuilt from sorted entries) has them: the
 * array-index keys first, by number, as every object orders them; then the rest, sorted.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let indexKeys = 0;
  while (indexKeys < keys.length && isArrayIndex(keys[indexKeys]!)) indexKeys++;
  const rest = (indexKeys === 0 ? keys : keys.slice(indexKeys)).sort(byCodeUnits);
  return indexKeys === 0 ? rest : keys.slice(0, indexKeys).concat(rest);
}

/** A key the engine orders as an array index (Object.keys lists these first). */
function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Values JSON leaves out of objects (and writes as null in arrays). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
