import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstRead, rowsToPaint } from '@/lib/first-rows';

// Classic script in popup.html: paints the first rows while the app's modules load. Plain
// DOM and textContent (names are never markup); the app removes all of it when it shows.
export default defineUnlistedScript(() => {
  // Not `browser` from wxt/browser: its polyfill would triple this script's size.
  const { i18n } = (globalThis as unknown as { chrome: ChromeI18n }).chrome;
  const count = (one: string, many: string) => (n: number) =>
    i18n.getMessage(n === 1 ? one : many, [n.toLocaleString()]);
  const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  void firstRead().then(({ rows }) => {
    const list = document.getElementById('first-rows');
    if (list === null) return;
    const painted = rowsToPaint(rows, {
      windows: count('countWindowOne', 'countWindowMany'),
      tabs: count('countTabOne', 'countTabMany'),
      date: (ms) => dates.format(new Date(ms)),
    });
    for (const row of painted) {
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
      list.appendChild(li);
    }
  });
});

interface ChromeI18n {
  i18n: { getMessage(key: string, substitutions?: string[]): string };
}
