import type { ExportEntry } from './own';

/*
 * Exports for people who leave for another tool: OneTab's text (`URL | Title`, a blank
 * line between groups: here, between windows) and a plain list of URLs. Titles lose their
 * line breaks, since each tab is one line.
 */

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

export function toOneTabText(entries: readonly ExportEntry[]): string {
  const groups = entries.flatMap(({ windows }) =>
    windows.map((w) =>
      w.tabs.map((t) => (t.title === '' ? t.url : `${t.url} | ${oneLine(t.title)}`)).join('\n'),
    ),
  );
  return `${groups.join('\n\n')}\n`;
}

export function toUrlList(entries: readonly ExportEntry[]): string {
  const urls = entries.flatMap(({ windows }) => windows.flatMap((w) => w.tabs.map((t) => t.url)));
  return `${urls.join('\n')}\n`;
}
