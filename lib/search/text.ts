import type { TabSnap, WindowSnap } from '../model';

/*
 * A session's searchable text: one line per tab, "title<TAB>url", in window order. Kept in
 * a table of its own so that search reads one string per session and never a body, and so
 * that the line number of a match is the tab's position in the session.
 */

const BREAKS = /[\t\n\r]/g;

export function searchTextOf(windows: readonly WindowSnap[]): string {
  const lines: string[] = [];
  for (const win of windows) {
    for (const tab of win.tabs) {
      lines.push(lineOf(tab));
    }
  }
  return lines.join('\n');
}

/** A tab's line: its title and URL, without the characters that separate lines. */
export function lineOf(tab: Pick<TabSnap, 'title' | 'url'>): string {
  return `${tab.title.replace(BREAKS, ' ')}\t${tab.url.replace(BREAKS, ' ')}`;
}

export interface TextTab {
  /** Position of the tab in the session, counting across windows in order. */
  index: number;
  title: string;
  url: string;
}

/** The tab on line `index` of a session's text, or null past its end. */
export function tabAt(text: string, index: number): TextTab | null {
  let start = 0;
  for (let line = 0; line < index; line++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return null;
  }
  if (start > text.length || (text.length === 0 && index === 0)) return null;
  const end = text.indexOf('\n', start);
  const row = text.slice(start, end === -1 ? undefined : end);
  const tab = row.indexOf('\t');
  return { index, title: row.slice(0, tab), url: row.slice(tab + 1) };
}
