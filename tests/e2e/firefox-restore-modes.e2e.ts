import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startPagesServer, type PagesServer } from './support/pages-server';
import type { WindowView } from './support/restored-tabs';
import { putSessionScript, sessionOfUrls, twoWindowSession } from './support/stored-session';
import { waitUntil } from './support/wait';

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

function readWindows(): Promise<WindowView[]> {
  return firefox.evalInExtension(popup, async (api) => {
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows.map((w) => ({
      id: w.id!,
      tabs: (w.tabs ?? []).map((t) => ({
        id: t.id!,
        url: t.url ?? '',
        title: t.title ?? '',
        active: t.active,
        status: t.status ?? '',
        discarded: t.discarded ?? false,
      })),
    }));
  });
}

test('Firefox: a lazy restore of 200 tabs loads only the active one until another is activated', async () => {
  const names = Array.from({ length: 200 }, (_, i) => `lazy-${i}`);
  await popup.evaluate(putSessionScript(sessionOfUrls('lazy', 'Lazy 200', names.map(pages.url))));
  // The popup's list follows Dexie's writes; rows put behind its back need a reload.
  await popup.evaluate(() => location.reload());
  await popup.waitForSelector('button[aria-label="Restore Lazy 200"]');
  const before = new Set((await readWindows()).map((w) => w.id));
  await popup.click('button[aria-label="Restore Lazy 200"]');
  await popup.waitForFunction(
    () => document.querySelector('[role=status]')?.textContent === 'Restored 1 window, 200 tabs.',
    { timeout: 60_000 },
  );
  const [win] = await waitUntil(
    async () => (await readWindows()).filter((w) => !before.has(w.id)),
    (ws) => ws.length === 1 && ws[0]!.tabs[0]!.status === 'complete',
    { timeoutMs: 60_000 },
  );
  expect(win!.tabs.map((t) => t.url)).toEqual(names.map(pages.url));
  expect(win!.tabs[0]).toMatchObject({ active: true, discarded: false, title: 'Page lazy-0' });
  // Unloaded, showing the saved title.
  expect(win!.tabs.slice(1).every((t) => t.discarded)).toBe(true);
  expect(win!.tabs[7]!.title).toBe('Saved 7');
  expect(pages.requested()).toEqual(['lazy-0']);

  await firefox.evalInExtension(
    popup,
    async (api, id) => void (await api.tabs.update(id, { active: true })),
    win!.tabs[7]!.id,
  );
  const tab7 = await waitUntil(
    async () => (await readWindows()).find((w) => w.id === win!.id)!.tabs[7]!,
    (t) => !t.discarded && t.status === 'complete' && t.title === 'Page lazy-7',
    { timeoutMs: 20_000 },
  );
  expect(tab7.url).toBe(pages.url('lazy-7'));
  expect(pages.hits('lazy-7')).toBe(1);
  expect(pages.requested().sort()).toEqual(['lazy-0', 'lazy-7']);
}, 240_000);

/** Opens the restore menu of `name` in the popup and picks `item`. */
async function chooseMode(name: string, item: string): Promise<void> {
  await popup.click(`button[aria-label="More restore options for ${name}"]`);
  await popup.waitForSelector('[role=menuitem]');
  await popup.evaluate((label) => {
    const items = [...document.querySelectorAll<HTMLElement>('[role=menuitem]')];
    items.find((el) => el.textContent === label)!.click();
  }, item);
}

const statusIs = (text: string) =>
  popup.waitForFunction(
    (want) => document.querySelector('[role=status]')?.textContent === want,
    { timeout: 30_000 },
    text,
  );

test('Firefox: add to current window appends the tabs discarded to the popup’s window, the saved active one in front', async () => {
  await popup.evaluate(
    putSessionScript(sessionOfUrls('extra', 'Extra', ['x1', 'x2', 'x3'].map(pages.url))),
  );
  await popup.evaluate(() => location.reload());
  await popup.waitForSelector('button[aria-label="More restore options for Extra"]');
  const before = await readWindows();
  await chooseMode('Extra', 'Add to current window');
  await statusIs('Added 3 tabs to the current window.');
  const after = await readWindows();
  expect(after.map((w) => w.id)).toEqual(before.map((w) => w.id));
  const grown = after.find(
    (w) => w.tabs.length === before.find((b) => b.id === w.id)!.tabs.length + 3,
  )!;
  const added = grown.tabs.slice(-3);
  expect(added.map((t) => t.url)).toEqual(['x1', 'x2', 'x3'].map(pages.url));
  // The saved active tab is in front and loads; the others wait, discarded.
  expect(added.map((t) => t.active)).toEqual([true, false, false]);
  expect(added.slice(1).every((t) => t.discarded)).toBe(true);
  await waitUntil(
    async () => pages.requested(),
    (names) => names.includes('x1'),
  );
  expect(pages.requested().filter((n) => n.startsWith('x'))).toEqual(['x1']);
}, 120_000);

test('Firefox: one window gathers the tabs of every saved window into one new window, in order', async () => {
  const session = twoWindowSession(pages.url);
  await popup.evaluate(putSessionScript(session));
  await popup.evaluate(() => location.reload());
  await popup.waitForSelector('button[aria-label="More restore options for Two windows"]');
  const before = new Set((await readWindows()).map((w) => w.id));
  await chooseMode('Two windows', 'One window');
  await statusIs('Restored 1 window, 3 tabs.');
  const [win] = await waitUntil(
    async () => (await readWindows()).filter((w) => !before.has(w.id)),
    (ws) => ws.length === 1 && ws[0]!.tabs.length === 3,
    { timeoutMs: 30_000 },
  );
  expect(win!.tabs.map((t) => t.url)).toEqual(['o1', 'o2', 'o3'].map(pages.url));
  // The focused window's active tab leads; the rest open discarded.
  expect(win!.tabs.map((t) => t.active)).toEqual([true, false, false]);
  expect(win!.tabs.slice(1).every((t) => t.discarded)).toBe(true);
}, 120_000);
