import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

/*
 * The words people read, from public/_locales (the browser picks the language). English is
 * the source: the type of a key comes from its file, so a missing key fails to compile,
 * and a unit test holds every other language to the same keys and placeholders.
 */

export type MessageKey = keyof typeof english;

/** The message in the browser's language, with $1…$9 filled in. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(
    key,
    substitutions.map((s) => (typeof s === 'number' ? s.toLocaleString() : s)),
  );
  // An unknown key gives "": show the key rather than nothing, so it is seen and fixed.
  return text || key;
}
