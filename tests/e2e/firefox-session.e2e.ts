import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startPagesServer, type PagesServer } from './support/pages-server';
import { waitUntil } from './support/wait';
import { FORBIDDEN_URLS, putSessionScript, sessionOfUrls } from './support/stored-session';

const EXTENSION = resolve('.output/firefox-mv3');

let firefox: FirefoxSession;
let pages: PagesServer;
let popup: Page;

beforeAll(async () => {
  pages = await startPagesServer();
  firefox = await launchFirefox({ extensionDir: EXTENSION });
  popup = await firefox.openExtensionPage('popup.html', '.save-form');
});

afterAll(async () => {
  await firefox?.close();
  await pages?.close();
});

interface TabView {
  url: string;
  pinned: boolean;
  group: string | null;
  container: string | null;
}

/** Every normal window's tabs, with the titles of their group and container. */
function readWindows(): Promise<{ id: number; tabs: TabView[] }[]> {
  return firefox.evalInExtension(popup, async (api) => {
    const groups = new Map((await api.tabGroups.query({})).map((g) => [g.id, g.title ?? '']));
    const containers = new Map(
      (await api.contextualIdentities.query({})).map((c) => [c.cookieStoreId, c.name]),
    );
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows.map((w) => ({
      id: w.id!,
      tabs: (w.tabs ?? []).map((t) => ({
        url: t.url ?? '',
        pinned: t.pinned,
        group: t.groupId !== undefined && t.groupId >= 0 ? (groups.get(t.groupId) ?? '?') : null,
        container: containers.get(t.cookieStoreId ?? '') ?? null,
      })),
    }));
  });
}

test('Firefox: save from the popup, see it listed, restore it with order, pins, groups and containers', async () => {
  const urls = ['alpha', 'beta', 'gamma', 'delta', 'work'].map((n) => pages.url(n));
  await firefox.evalInExtension(
    popup,
    async (api, list) => {
      const win = await api.windows.create({ url: list.slice(0, 4) });
      const tabs = win.tabs!;
      const [work] = await api.contextualIdentities.query({ name: 'Work' });
      await api.tabs.create({
        windowId: win.id!,
        url: list[4],
        cookieStoreId: work!.cookieStoreId,
      });
      await api.tabs.update(tabs[0]!.id!, { pinned: true });
      const group = await api.tabs.group({
        tabIds: [tabs[1]!.id!, tabs[2]!.id!],
        createProperties: { windowId: win.id! },
      });
      await api.tabGroups.update(group, { title: 'Research', color: 'blue' });
    },
    urls,
  );
  const expectedTabs = [
    { url: urls[0]!, pinned: true, group: null, container: null },
    { url: urls[1]!, pinned: false, group: 'Research', container: null },
    { url: urls[2]!, pinned: false, group: 'Research', container: null },
    { url: urls[3]!, pinned: false, group: null, container: null },
    { url: urls[4]!, pinned: false, group: null, container: 'Work' },
  ];
  const before = await waitUntil(readWindows, (ws) =>
    ws.some((w) => JSON.stringify(w.tabs) === JSON.stringify(expectedTabs)),
  );
  const tabTotal = before.reduce((n, w) => n + w.tabs.length, 0);

  await popup.type('input[aria-label="Session name (optional)"]', 'Firefox set');
  await popup.click('button[type=submit]');
  const row = await popup.waitForSelector('li.session ::-p-text(Firefox set)');
  expect(row).not.toBeNull();
  const meta = await popup.$eval('li.session .session-meta', (el) => el.textContent);
  expect(meta).toContain(`${before.length} windows · ${tabTotal} tabs`);

  // Another computer has no such container: the restore must make one of the same name.
  await firefox.evalInExtension(popup, async (api) => {
    const [work] = await api.contextualIdentities.query({ name: 'Work' });
    await api.contextualIdentities.remove(work!.cookieStoreId);
  });
  const beforeIds = new Set(before.map((w) => w.id));
  await popup.click('button[aria-label="Restore Firefox set"]');
  // The report comes once every window is complete, active tabs included.
  await popup.waitForFunction(
    () => document.querySelector('[role=status]')?.textContent?.startsWith('Restored') === true,
    { timeout: 20_000 },
  );
  const after = await waitUntil(
    readWindows,
    (ws) => {
      const fresh = ws.filter((w) => !beforeIds.has(w.id));
      return (
        fresh.length === before.length &&
        fresh.some((w) => JSON.stringify(w.tabs) === JSON.stringify(expectedTabs))
      );
    },
    { timeoutMs: 20_000 },
  );
  const restored = after.filter((w) => !beforeIds.has(w.id));
  // Window order too: each new window holds what the old one at the same position held.
  // A blank tab comes back as the browser's own new-tab page, whatever its URL.
  const blank = new Set(['about:blank', 'about:newtab', 'chrome://browser/content/blanktab.html']);
  const view = (ws: { tabs: TabView[] }[]) =>
    ws.map((w) => w.tabs.map((t) => (blank.has(t.url) ? 'new tab' : t.url)));
  expect(view(restored)).toEqual(view(before));
});

test('Firefox: URLs an extension may not open restore as placeholders that show them', async () => {
  const session = sessionOfUrls('forbidden', 'Forbidden URLs', [
    pages.url('fine'),
    ...FORBIDDEN_URLS,
  ]);
  await popup.evaluate(putSessionScript(session));
  // Rows put behind the service's back: say so on the change feed, as the worker would.
  await popup.evaluate(() =>
    new BroadcastChannel('tabkeep-changes').postMessage({ tables: ['summaries'] }),
  );
  await popup.waitForSelector('button[aria-label="Restore Forbidden URLs"]');
  await popup.click('button[aria-label="Restore Forbidden URLs"]');
  const prefix = `${firefox.origin}/placeholder.html?`;
  const shown = await waitUntil(
    () =>
      firefox.evalInExtension(
        popup,
        async (api, start) =>
          (await api.tabs.query({}))
            .filter((t) => (t.url ?? '').startsWith(start))
            .map((t) => new URLSearchParams(t.url!.slice(start.length)).get('url')),
        prefix,
      ),
    (urls) => urls.length === FORBIDDEN_URLS.length,
    { timeoutMs: 20_000 },
  );
  expect([...shown].sort()).toEqual([...FORBIDDEN_URLS].sort());
  const placeholder = await firefox.openExtensionPage(
    `placeholder.html?${new URLSearchParams({ url: 'about:config', title: 'Config' })}`,
    '.saved-url',
  );
  expect(await placeholder.$eval('.saved-url', (el) => el.textContent)).toBe('about:config');
});
