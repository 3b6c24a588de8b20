import { t } from '../i18n';
import type { FormatId, ParsedFile } from './imported';
import { FormatError } from './imported';
import { isStrictOneTab, looksLikeOneTab, parseOneTab } from './onetab';
import { looksLikeSessionBuddyCsv, parseSessionBuddyCsv } from './session-buddy';
import {
  hasSessionBuddyStructure,
  isGroupsOfUrls,
  parseSessionBuddyText,
} from './session-buddy-text';
import { looksLikeUrlList, parseUrlList } from './url-list';

export type TextFormatId = Extract<
  FormatId,
  'session-buddy-csv' | 'session-buddy-text' | 'onetab' | 'url-list'
>;

/**
 * Which text format a file is in, from its content alone; null when none. The most
 * specific evidence wins, in this order:
 *
 * 1. Text that starts with `{` or `[` is JSON, not one of these: null (the JSON
 *    recognisers decide).
 * 2. Session Buddy CSV: its header `Collection,Folder,Title,URL` on the first line.
 * 3. OneTab, strictly: every non-blank line is `URL | Title` or a bare URL, and at least
 *    one has a title.
 * 4. Session Buddy text with structure: titles directly above their URLs and/or headings
 *    set off by blank lines, every non-URL line fitting that shape (a `#` line counts as a
 *    title or heading when it fits).
 * 5. Session Buddy "groups of URLs": only URLs, in two or more blank-line groups (one
 *    window each).
 * 6. URL list: one block of URLs, optionally with comments and a few stray lines. Session
 *    Buddy's "URLs" export is exactly this too; both read it the same (one window).
 * 7. Looser OneTab (at least one `URL | Title` line, half the lines start with a URL: the
 *    others are reported as skipped).
 */
export function recognizeText(text: string): TextFormatId | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '' || start.startsWith('{') || start.startsWith('[')) return null;
  if (looksLikeSessionBuddyCsv(text)) return 'session-buddy-csv';
  if (isStrictOneTab(text)) return 'onetab';
  if (hasSessionBuddyStructure(text)) return 'session-buddy-text';
  if (isGroupsOfUrls(text)) return 'session-buddy-text';
  if (looksLikeUrlList(text)) return 'url-list';
  if (looksLikeOneTab(text)) return 'onetab';
  return null;
}

/** Recognises the text and reads it with its format's reader. Throws only FormatError. */
export function parseText(text: string, options: { now: number }): ParsedFile {
  switch (recognizeText(text)) {
    case 'session-buddy-csv':
      return parseSessionBuddyCsv(text, options);
    case 'onetab':
      return parseOneTab(text, options);
    case 'session-buddy-text':
      return parseSessionBuddyText(text, options);
    case 'url-list':
      return parseUrlList(text, options);
    case null:
      throw new FormatError(null, '', t('fileNoReadableUrls'));
  }
}
