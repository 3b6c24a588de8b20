import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

/*
 * The words people read, from public/_locales (the browser picks the language). English is
 * the source: the type of a key comes from its file, so a missing key fails to compile,
 * and a unit test holds every other language to the same keys and placeholders.
 */

export type MessageKey = keyof typeof english;

// Each getMessage is a call into the browser: search results asked for hundreds of labels
// per keystroke. A page's language does not change while it is open.
const known = new Map<string, string>();
const KNOWN_LIMIT = 1000;

/** Forgets the messages read: for tests that change the language. */
export function forgetMessages(): void {
  known.clear();
}

/** The message in the browser's language, with $1…$9 filled in. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const filled = substitutions.map((s) => (typeof s === 'number' ? s.toLocaleString() : s));
  const cacheKey = filled.length === 0 ? key : `${key}\u0000${filled.join('\u0000')}`;
  const cached = known.get(cacheKey);
  if (cached !== undefined) return cached;
  // An unknown key gives "": show the key rather than nothing, so it is seen and fixed.
  const text = browser.i18n.getMessage(key, filled) || key;
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(cacheKey, text);
  return text;
}

/**
 * The language of the words the pages show, for `<html lang>`. Not i18n.getUILanguage():
 * Chromium started with --lang=de picked the German messages but still answered "en-US".
 */
export function pageLanguage(): string {
  return t('languageTag');
}
