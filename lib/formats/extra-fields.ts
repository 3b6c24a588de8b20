import type { Extra } from '../model';

/*
 * Fields of our own file that a later Tabkeep wrote and this one does not know: kept on
 * import and written back on export, so a round trip through an older version loses
 * nothing (DESIGN §6).
 */

/**
 * `{ extra }` holding the fields of a loosely parsed object its schema does not name, or `{}`
 * when there are none. The schema library already dropped `__proto__`-like keys.
 */
export function unknownFields(
  parsed: Record<string, unknown>,
  known: Record<string, unknown>,
): { extra?: Extra } {
  const keys = Object.keys(parsed).filter((key) => !Object.hasOwn(known, key));
  if (keys.length === 0) return {};
  return { extra: Object.fromEntries(keys.map((key) => [key, parsed[key]])) };
}

/** `known` with the extra fields after it; a known field always wins over an extra one. */
export function withExtra<T extends object>(known: T, extra: Extra | undefined): T {
  if (extra === undefined) return known;
  const out = { ...known };
  for (const key of Object.keys(extra)) {
    if (Object.hasOwn(out, key)) continue;
    // defineProperty, not assignment: a key "__proto__" stays a plain field.
    Object.defineProperty(out, key, {
      value: extra[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
