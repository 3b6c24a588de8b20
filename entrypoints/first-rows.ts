import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import {
  firstRead,
  keepRows,
  keptRows,
  rowsToPaint,
  samePainted,
  type PaintedRow,
} from '@/lib/first-rows';
import { recordEarlyKeys } from '@/lib/early-keys';

// Classic script in popup.html: paints the first rows while the app's modules load. Plain
// DOM and textContent (names are never markup); the app removes all of it when it shows.
// Rows kept from the last popup paint first; the database's rows replace them when read.
export default defineUnlistedScript(() => {
  const list = document.getElementById('first-rows');
  if (list === null) return;
  // Before anything else: a key pressed while the app loads is replayed by it.
  recordEarlyKeys(document);
  const paint = (rows: readonly PaintedRow[]) => {
    list.replaceChildren(...rows.map(rowElement));
  };
  // The last popup's rows before anything else, for this first frame; the database's as
  // soon as they are read.
  const kept = keptRows(localStorage);
  paint(kept);
  void firstRead().then(({ rows }) => {
    // Not `browser` from wxt/browser: its polyfill would triple this script's size.
    const { i18n } = (globalThis as unknown as { chrome: ChromeI18n }).chrome;
    const count = (one: string, many: string) => (n: number) =>
      i18n.getMessage(n === 1 ? one : many, [n.toLocaleString()]);
    const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const painted = rowsToPaint(rows, {
      windows: count('countWindowOne', 'countWindowMany'),
      tabs: count('countTabOne', 'countTabMany'),
      date: (ms) => dates.format(new Date(ms)),
    });
    if (!samePainted(kept, painted)) paint(painted);
    keepRows(localStorage, painted);
  });
});

function rowElement(row: PaintedRow): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'session';
  li.dataset.sessionId = row.id;
  const text = li.appendChild(document.createElement('div'));
  text.className = 'session-text';
  for (const [cls, value] of [
    ['session-name', row.name],
    ['session-meta', row.meta],
  ] as const) {
    const span = text.appendChild(document.createElement('span'));
    span.className = cls;
    span.textContent = value;
  }
  return li;
}

interface ChromeI18n {
  i18n: { getMessage(key: string, substitutions?: string[]): string };
}
