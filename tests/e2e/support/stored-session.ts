import type { SessionBody, SessionSummary, TabSnap } from '@/lib/model';

/**
 * A session written straight into IndexedDB, the way an older version or an import could
 * leave it: one window holding the given URLs.
 */
export function sessionOfUrls(
  id: string,
  name: string,
  urls: string[],
): { summary: SessionSummary; body: SessionBody } {
  const tabs: TabSnap[] = urls.map((url, i) => ({
    url,
    title: `Saved ${i}`,
    pinned: false,
    active: i === 0,
    muted: false,
    group: null,
    container: null,
  }));
  return {
    summary: {
      id,
      name,
      kind: 'import',
      createdAt: Date.now(),
      updatedAt: Date.now(),
      tags: [],
      windowCount: 1,
      tabCount: tabs.length,
      hash: id,
      origin: 'chrome',
      deletedAt: 0,
    },
    body: {
      id,
      windows: [
        { type: 'normal', state: 'normal', incognito: false, focused: true, groups: [], tabs },
      ],
    },
  };
}

/**
 * The session the "one window" tests restore: o1 and o2 (o1 active) in the focused window,
 * then o3 (active) in a second window.
 */
export function twoWindowSession(url: (name: string) => string) {
  const session = sessionOfUrls('two', 'Two windows', ['o1', 'o2'].map(url));
  const [first] = session.body.windows;
  session.body.windows.push({
    ...first!,
    focused: false,
    tabs: [{ ...first!.tabs[1]!, url: url('o3'), active: true }],
  });
  session.summary.windowCount = 2;
  session.summary.tabCount = 3;
  return session;
}

/**
 * Script text for an extension page of either browser: puts the rows with the raw
 * IndexedDB API (no Dexie on the page's global) and resolves when they are committed.
 */
export function putSessionScript(session: { summary: SessionSummary; body: SessionBody }): string {
  const put = (s: SessionSummary, b: SessionBody) =>
    new Promise<void>((done, fail) => {
      let tries = 0;
      const attempt = () => {
        const open = indexedDB.open('tabkeep');
        // Not before the worker has made the database: a page that opens it first makes an
        // empty one, without the tables. Wait for the worker instead (10 s at most).
        open.onupgradeneeded = () => open.transaction!.abort();
        open.onerror = () =>
          ++tries < 100 ? setTimeout(attempt, 100) : fail(new Error('no database'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['summaries', 'bodies'], 'readwrite');
          tx.objectStore('summaries').put(s);
          tx.objectStore('bodies').put(b);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      };
      attempt();
    });
  return `(${put.toString()})(${JSON.stringify(session.summary)}, ${JSON.stringify(session.body)})`;
}

/** Addresses no extension may open, in both browsers. */
export const FORBIDDEN_URLS = [
  'javascript:alert("ran")',
  'chrome://settings/',
  'about:config',
  'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/page.html',
  'data:text/html,<script>alert("ran")</script>',
  'file:///etc/hostname',
];
