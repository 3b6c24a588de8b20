import { t } from '../i18n';
import type { WindowSnap } from '../model';
import type { ImportedSession, ParsedFile, Skipped } from './imported';
import { FormatError, importedTab, importedWindow } from './imported';
import { place } from './place';
import type { TextLine } from './text-lines';
import { clipLine, isUrlText, splitLines } from './text-lines';

/*
 * Session Buddy's seven text exports: URLs; title/URL pairs; groups of URLs; named groups
 * of URLs; named groups of title/URL pairs; indented groups of URLs; indented groups of
 * title/URL pairs. One reader serves them all, line by line, without recursion:
 *
 * - A URL line is a tab. The non-URL line directly above it (no blank line between) is its
 *   title.
 * - Any other non-URL line is a heading. Headings at the smallest indent of a file whose
 *   headings are indented to two or more depths are collections (one session each); all
 *   other headings are folders (one window each). Folder names are not kept (windows have
 *   no names in our model); collection names become session names.
 * - Without headings, a blank line followed by a URL with no title starts a new window
 *   ("groups of URLs"); blank lines between title/URL pairs do not.
 * - Sessions without a collection heading are named "Session Buddy import".
 */

export const SESSION_BUDDY_TEXT_NAME = 'Session Buddy import';

interface Entry {
  line: TextLine;
  url: boolean;
  blankBefore: boolean;
  /** The next non-blank entry follows with no blank line between. */
  nextAdjacent: boolean;
}

function entries(text: string): Entry[] {
  const out: Entry[] = [];
  let blank = true;
  for (const line of splitLines(text)) {
    if (line.text === '') {
      blank = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (prev !== undefined) prev.nextAdjacent = !blank;
    out.push({ line, url: isUrlText(line.text), blankBefore: blank, nextAdjacent: false });
    blank = false;
  }
  return out;
}

function isTitle(list: readonly Entry[], i: number): boolean {
  const e = list[i]!;
  return !e.url && e.nextAdjacent && list[i + 1]!.url;
}

/**
 * Whether the text has exactly the shape of one of Session Buddy's text exports: every
 * non-URL line is either a title directly above its URL (the pair set off by blank lines)
 * or a heading followed by a blank line, and there is at least one URL. A plain list of
 * URLs has this shape too; `recognizeText` decides between them.
 */
export function looksLikeSessionBuddyText(text: string): boolean {
  const list = entries(text);
  let urls = 0;
  for (let i = 0; i < list.length; i += 1) {
    const e = list[i]!;
    if (e.url) {
      urls += 1;
      // A titled URL ends its pair.
      if (i > 0 && isTitle(list, i - 1) && e.nextAdjacent) return false;
      continue;
    }
    if (isTitle(list, i)) {
      if (!e.blankBefore) return false;
      continue;
    }
    // A heading: a blank line after it, and something after that.
    if (e.nextAdjacent || i === list.length - 1) return false;
  }
  return urls > 0;
}

/** Whether the text is only URLs, in two or more groups set off by blank lines. */
export function isGroupsOfUrls(text: string): boolean {
  const list = entries(text);
  return list.length > 0 && list.every((e) => e.url) && list.some((e, i) => i > 0 && e.blankBefore);
}

/** Whether the text has a title or a heading (a non-URL line) in Session Buddy's shape. */
export function hasSessionBuddyStructure(text: string): boolean {
  return entries(text).some((e) => !e.url) && looksLikeSessionBuddyText(text);
}

function emptyHeading(heading: TextLine): string {
  return t('fileHeadingEmpty', clipLine(heading.text));
}

/** Any of Session Buddy's text exports -> sessions. */
export function parseSessionBuddyText(text: string, options: { now: number }): ParsedFile {
  const format = 'session-buddy-text';
  const list = entries(text);
  const skipped: Skipped[] = [];

  // Which headings are collections: those at the smallest indent, when headings sit at
  // two or more depths.
  const headingIndents = new Set<number>();
  list.forEach((e, i) => {
    if (!e.url && !isTitle(list, i)) headingIndents.add(e.line.indent);
  });
  const collectionIndent = headingIndents.size >= 2 ? Math.min(...headingIndents) : null;

  const sessions: ImportedSession[] = [];
  let session: { name: string; windows: WindowSnap[]; heading: TextLine | null } | null = null;
  let window: WindowSnap | null = null;
  let folder: TextLine | null = null;
  let needWindow = true;

  const closeFolder = () => {
    if (folder !== null && window === null) {
      skipped.push({ where: place.line(folder.number), why: emptyHeading(folder) });
    }
    folder = null;
  };
  const closeSession = () => {
    closeFolder();
    if (session === null) return;
    if (session.windows.length > 0) {
      sessions.push({
        name: session.name,
        createdAt: options.now,
        updatedAt: options.now,
        tags: [],
        windows: session.windows,
      });
    } else if (session.heading !== null) {
      const h = session.heading;
      skipped.push({ where: place.line(h.number), why: emptyHeading(h) });
    }
    session = null;
  };

  for (let i = 0; i < list.length; i += 1) {
    const e = list[i]!;
    if (e.url) {
      const titled = i > 0 && isTitle(list, i - 1);
      if (session === null) session = { name: SESSION_BUDDY_TEXT_NAME, windows: [], heading: null };
      if (window === null || needWindow || (e.blankBefore && !titled)) {
        window = importedWindow([]);
        session.windows.push(window);
        needWindow = false;
      }
      window.tabs.push(importedTab(e.line.text, titled ? list[i - 1]!.line.text : ''));
      continue;
    }
    if (isTitle(list, i)) continue;
    if (e.line.indent === collectionIndent) {
      closeSession();
      session = { name: e.line.text, windows: [], heading: e.line };
    } else {
      closeFolder();
      folder = e.line;
    }
    window = null;
    needWindow = true;
  }
  closeSession();

  if (sessions.length === 0) {
    const first = skipped[0];
    throw first === undefined
      ? new FormatError(format, '', t('fileNoUrls'))
      : new FormatError(format, first.where, t('fileNoUrlsFirst', first.why));
  }
  return { format, sessions, skipped };
}
