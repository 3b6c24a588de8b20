import { t } from '../i18n';
import type { ParsedFile, Skipped } from './imported';
import { FormatError, importedTab, importedWindow } from './imported';
import { place } from './place';
import { clipLine, isUrlText, splitLines } from './text-lines';

/*
 * A plain list of URLs, one a line: one imported session ("URL list import") with one
 * window. Blank lines and `#` comment lines are passed over; any other line that is not a
 * URL is left out with its line number. A byte order mark and CRLF are tolerated.
 */

export const URL_LIST_SESSION_NAME = 'URL list import';

function isComment(text: string): boolean {
  return text.startsWith('#');
}

/**
 * At least one URL, and URLs are at least four in five of the lines that are neither blank
 * nor comments.
 */
export function looksLikeUrlList(text: string): boolean {
  let lines = 0;
  let urls = 0;
  for (const line of splitLines(text)) {
    if (line.text === '' || isComment(line.text)) continue;
    lines += 1;
    if (isUrlText(line.text)) urls += 1;
  }
  return urls > 0 && urls * 5 >= lines * 4;
}

/** Whether the text has a `#` comment line. */
export function hasComments(text: string): boolean {
  return splitLines(text).some((line) => isComment(line.text));
}

export function parseUrlList(text: string, options: { now: number }): ParsedFile {
  const tabs = [];
  const skipped: Skipped[] = [];
  for (const line of splitLines(text)) {
    if (line.text === '' || isComment(line.text)) continue;
    if (isUrlText(line.text)) tabs.push(importedTab(line.text, ''));
    else
      skipped.push({ where: place.line(line.number), why: t('fileNotUrl', clipLine(line.text)) });
  }
  if (tabs.length === 0) {
    const first = skipped[0];
    throw first === undefined
      ? new FormatError('url-list', '', t('fileNoUrls'))
      : new FormatError('url-list', first.where, t('fileNoUrlsFirst', first.why));
  }
  return {
    format: 'url-list',
    sessions: [
      {
        name: URL_LIST_SESSION_NAME,
        createdAt: options.now,
        updatedAt: options.now,
        tags: [],
        windows: [importedWindow(tabs)],
      },
    ],
    skipped,
  };
}
