import type english from '../public/_locales/en/messages.json';

/*
 * The words people read, from public/_locales (the browser picks the language). English is
 * the source: the type of a key comes from its file, so a missing key fails to compile,
 * and a unit test holds every other language to the same keys and placeholders.
 */

export type MessageKey = keyof typeof english;

/** Messages with their $1…$9 left in, as a page reads them for a worker. */
export type MessageTemplates = Partial<Record<MessageKey, string>>;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

/*
 * The browser's own API (`browser` in Firefox, `chrome` in Chrome), not wxt/browser: its
 * polyfill throws on load where there is no extension API, and the import worker, which
 * reads files and words their problems, has none. It gets templates from its page instead.
 */
function i18nApi(): I18nApi | undefined {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

/** Set in a worker (useTemplates); null where the browser answers. */
let templates: ReadonlyMap<string, string> | null = null;

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
  const text = lookUp(key, filled) || key;
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(cacheKey, text);
  return text;
}

/**
 * `t(key, …)` when called: a message for a schema built as its module loads, made when a
 * value is checked, so that it reads in the language of that moment (a page's, a test's,
 * or the templates a worker got from its page).
 */
export function says(key: MessageKey, ...substitutions: (string | number)[]): () => string {
  return () => t(key, ...substitutions);
}

function lookUp(key: string, filled: string[]): string {
  if (templates === null) return i18nApi()?.getMessage(key, filled) ?? '';
  // One pass, as the browser fills them: a "$2" inside a substitution stays as it is.
  return (templates.get(key) ?? '').replace(
    /\$([1-9])/g,
    (_, n: string) => filled[Number(n) - 1] ?? '',
  );
}

const MARKS = Array.from({ length: 9 }, (_, i) => `$${i + 1}`);

/**
 * The messages of `keys` in the browser's language, their $1…$9 left in (each filled with
 * itself): what a page sends its worker, for `useTemplates` there.
 */
export function messageTemplates(keys: readonly MessageKey[]): MessageTemplates {
  const api = i18nApi();
  return Object.fromEntries(keys.map((key) => [key, api?.getMessage(key, MARKS) ?? '']));
}

/**
 * In a worker, which has no i18n API: `t` answers from the templates its page sent (null
 * undoes it).
 */
export function useTemplates(given: MessageTemplates | null): void {
  templates = given === null ? null : new Map(Object.entries(given));
  known.clear();
}

/**
 * The language of the words the pages show, for `<html lang>`. Not i18n.getUILanguage():
 * Chromium started with --lang=de picked the German messages but still answered "en-US".
 */
export function pageLanguage(): string {
  return t('languageTag');
}
