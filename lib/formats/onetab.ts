import { t } from '../i18n';
import type { WindowSnap } from '../model';
import type { ParsedFile, Skipped } from './imported';
import { FormatError, importedTab, importedWindow } from './imported';
import { place } from './place';
import { clipLine, isUrlText, splitLines } from './text-lines';

/*
 * OneTab's export: `URL | Title` a line, a blank line between groups. One imported session
 * ("OneTab import"), one window per group. The URL ends at the first " | ", so a title may
 * itself contain " | "; a line with only a URL is a tab without a title. A byte order mark
 * and CRLF are tolerated; any other line is left out with its line number.
 */

export const ONETAB_SESSION_NAME = 'OneTab import';

type Line = { url: string; title: string } | null;

/** The tab a line holds, or null when it holds none. */
function readLine(text: string): Line {
  const bar = text.indexOf(' | ');
  if (bar > 0) {
    const url = text.slice(0, bar).trim();
    if (isUrlText(url)) return { url, title: text.slice(bar + 3).trim() };
  }
  if (text.endsWith(' |')) {
    const url = text.slice(0, -2).trim();
    if (isUrlText(url)) return { url, title: '' };
  }
  return isUrlText(text) ? { url: text, title: '' } : null;
}

function hasTitle(text: string): boolean {
  const bar = text.indexOf(' | ');
  return bar > 0 && isUrlText(text.slice(0, bar).trim());
}

/**
 * At least one `URL | Title` line, and at least half the non-blank lines start with a URL.
 */
export function looksLikeOneTab(text: string): boolean {
  let lines = 0;
  let tabs = 0;
  let titled = 0;
  for (const line of splitLines(text)) {
    if (line.text === '') continue;
    lines += 1;
    if (readLine(line.text) !== null) tabs += 1;
    if (hasTitle(line.text)) titled += 1;
  }
  return titled > 0 && tabs * 2 >= lines;
}

/** Whether every non-blank line is a OneTab line (`URL`, `URL | Title`), one with a title. */
export function isStrictOneTab(text: string): boolean {
  let titled = 0;
  for (const line of splitLines(text)) {
    if (line.text === '') continue;
    if (readLine(line.text) === null) return false;
    if (hasTitle(line.text)) titled += 1;
  }
  return titled > 0;
}

export function parseOneTab(text: string, options: { now: number }): ParsedFile {
  const windows: WindowSnap[] = [];
  const skipped: Skipped[] = [];
  let window: WindowSnap | null = null;
  for (const line of splitLines(text)) {
    if (line.text === '') {
      window = null;
      continue;
    }
    const tab = readLine(line.text);
    if (tab === null) {
      skipped.push({ where: place.line(line.number), why: t('fileNotUrl', clipLine(line.text)) });
      continue;
    }
    if (window === null) {
      window = importedWindow([]);
      windows.push(window);
    }
    window.tabs.push(importedTab(tab.url, tab.title));
  }
  if (windows.length === 0) {
    const first = skipped[0];
    throw first === undefined
      ? new FormatError('onetab', '', t('fileNoTabs'))
      : new FormatError('onetab', first.where, t('fileNoTabsFirst', first.why));
  }
  return {
    format: 'onetab',
    sessions: [
      {
        name: ONETAB_SESSION_NAME,
        createdAt: options.now,
        updatedAt: options.now,
        tags: [],
        windows,
      },
    ],
    skipped,
  };
}
