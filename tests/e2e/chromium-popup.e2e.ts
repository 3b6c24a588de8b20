import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { axeViolations } from './support/axe';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startPagesServer, type PagesServer } from './support/pages-server';
import { realUrl } from './support/restored-tabs';

const EXTENSION = resolve('.output/chrome-mv3');
const SESSIONS = 2_000;
const TABS = 10;

let pages: PagesServer;
let work: string;
let chromium: ChromiumSession;
let popup: Page;

/** A Tabkeep file of generated sessions, each tab on its own loopback page. */
function generatedFile(): string {
  const sessions = Array.from({ length: SESSIONS }, (_, s) => ({
    name: `Generated ${s}`,
    createdAt: Date.UTC(2026, 0, 1) + s * 60_000,
    windows: [
      {
        tabs: Array.from({ length: TABS }, (_, t) => ({
          url: pages.url(`s${s}-t${t}`),
          title: `Page s${s}-t${t}`,
          active: t === 0,
        })),
      },
    ],
  }));
  return JSON.stringify({ format: 'tabkeep', version: 1, sessions });
}

/** What every tab in normal windows stands for (a lazy tab: the address it will load). */
async function openUrls(): Promise<string[]> {
  const urls = await chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    const tabs = await api.tabs.query({ windowType: 'normal' });
    return tabs.map((t) => t.url || t.pendingUrl || '');
  });
  return urls.map((url) => realUrl(`chrome-extension://${chromium.extensionId}`, url));
}

beforeAll(async () => {
  pages = await startPagesServer();
  work = await mkdtemp(join(tmpdir(), 'tabkeep-popup-'));
  chromium = await launchChromium({ extensionDir: EXTENSION });
});

afterAll(async () => {
  await chromium?.close();
  await pages?.close();
  await rm(work, { recursive: true, force: true });
});

describe.sequential('Chromium: the popup at scale, by keyboard, accessible', () => {
  test('search finds a tab by a fragment of its URL among 2,000 sessions, and opens it', async () => {
    const file = join(work, 'generated.json');
    await writeFile(file, generatedFile());
    const options = await chromium.openExtensionPage('manager.html#settings');
    await options.getByLabel('File to import').setInputFiles(file);
    const preview = options.getByRole('group', { name: 'Import preview' });
    await preview.getByRole('button', { name: 'Import 2,000 sessions' }).click();
    await expect
      .poll(() => options.getByRole('region', { name: 'Import' }).getByRole('status').textContent())
      .toBe('Imported 2,000 sessions.');

    popup = await chromium.openExtensionPage('popup.html');
    // The app's rows, not those first-rows.js paints before the app can take keys.
    await popup.locator('#app [data-session-id]').first().waitFor();
    // The list draws the rows in view, not 2,000.
    expect(await popup.locator('li.session').count()).toBeLessThan(40);

    await popup.getByRole('searchbox', { name: 'Search sessions and tabs' }).fill('s1234-t7');
    const results = popup.getByRole('region', { name: 'Search results' });
    await expect.poll(() => results.getAttribute('data-search-query')).toBe('s1234-t7');
    expect(await results.locator('.hit .session-name').allTextContents()).toEqual([
      'Generated 1234',
    ]);
    const tab = results.getByRole('button', {
      name: `Open tab Page s1234-t7 ${pages.url('s1234-t7')}`,
    });
    expect(await tab.locator('.hit-url').textContent()).toBe(pages.url('s1234-t7'));

    await tab.click();
    await expect.poll(openUrls).toContain(pages.url('s1234-t7'));
    // Only that tab: none of its neighbours.
    expect((await openUrls()).filter((u) => u.includes('/page/s1234-'))).toHaveLength(1);

    // A query every session matches: a page of ten, the next as the list is scrolled down.
    await popup.getByRole('searchbox').fill('-t7');
    await expect.poll(() => results.getAttribute('data-search-query')).toBe('-t7');
    expect(await results.locator('.hit').count()).toBe(10);
    await results.evaluate((section) => (section.scrollTop = section.scrollHeight));
    await expect.poll(() => results.locator('.hit').count()).toBe(20);
    await results.getByRole('button', { name: 'Show more sessions' }).click();
    await expect.poll(() => results.locator('.hit').count()).toBe(30);

    await popup.getByRole('searchbox').fill('no such page anywhere');
    await expect
      .poll(() => popup.getByText('Nothing matches “no such page anywhere”.').count())
      .toBe(1);
  });

  test('keys typed while the popup loads are not lost: a slash and a query land in the search', async () => {
    // The app takes over once it has read the sessions. A write held open on their store
    // (by the worker) keeps it loading, so the keys surely come before it: the first rows
    // show all the same, from the last popup.
    await chromium.evalInWorker(() => {
      const scope = globalThis as { releaseSummaries?: boolean };
      scope.releaseSummaries = false;
      const open = indexedDB.open('tabkeep');
      open.onsuccess = () => {
        const store = open.result.transaction('summaries', 'readwrite').objectStore('summaries');
        const hold = () => {
          store.get('none').onsuccess = () => {
            if (scope.releaseSummaries === true) open.result.close();
            else hold();
          };
        };
        hold();
      };
    });
    const page = await chromium.context.newPage();
    await page.goto(`chrome-extension://${chromium.extensionId}/popup.html`, {
      waitUntil: 'commit',
    });
    // Painted by the first-rows script, which records keys from its start.
    await page.locator('#first-rows li').first().waitFor();
    await page.keyboard.type('/s1234-t7');
    expect(await page.evaluate(() => document.getElementById('app')?.hidden)).toBe(true);
    await chromium.evalInWorker(() => {
      (globalThis as { releaseSummaries?: boolean }).releaseSummaries = true;
    });

    const field = page.getByRole('searchbox', { name: 'Search sessions and tabs' });
    await expect.poll(() => field.inputValue()).toBe('s1234-t7');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    const results = page.getByRole('region', { name: 'Search results' });
    await expect.poll(() => results.getAttribute('data-search-query')).toBe('s1234-t7');
    expect(await results.locator('.hit .session-name').allTextContents()).toEqual([
      'Generated 1234',
    ]);
    await page.close();
  });

  test('a restore and a delete by keyboard alone', async () => {
    await popup.reload();
    // The app's rows, not those first-rows.js paints before the app can take keys.
    await popup.locator('#app [data-session-id]').first().waitFor();
    await popup.keyboard.press('/');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    const focused = () =>
      popup.evaluate(() => document.activeElement?.querySelector('.session-name')?.textContent);
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Generated 1999');
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Generated 1998');

    await popup.keyboard.press('Enter');
    await expect
      .poll(() => popup.getByRole('status').first().textContent())
      .toMatch(/^Restored 1 window, 10 tabs\./);
    await expect
      .poll(async () => (await openUrls()).filter((u) => u.includes('/page/s1998-')).length)
      .toBe(10);

    await popup.bringToFront();
    await popup.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('Generated 1997');
    await popup.keyboard.press('Delete');
    await expect
      .poll(() => popup.getByRole('alert').textContent())
      .toMatch(/Deleted “Generated 1997”/);
    await expect.poll(() => popup.getByText('Generated 1997', { exact: true }).count()).toBe(0);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-core finds no violation in the popup, its list and its search results (${scheme})`, async () => {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.reload();
      // The app's rows, not those first-rows.js paints before the app can take keys.
      await popup.locator('#app [data-session-id]').first().waitFor();
      expect(await axeViolations(popup)).toEqual([]);
      await popup.getByRole('searchbox').fill('s12-t');
      await popup.getByRole('region', { name: 'Search results' }).waitFor();
      expect(await axeViolations(popup)).toEqual([]);
    });
  }

  test('the manager lists 2,000 sessions a hundred at a time: more on scrolling to the end, or by the button', async () => {
    const manager = await chromium.openExtensionPage('manager.html#sessions');
    const list = manager.getByRole('list', { name: 'Sessions' });
    const rows = list.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(100);
    expect(await list.locator('.session-name').first().textContent()).toBe('Generated 1999');
    const more = manager.getByRole('button', { name: 'Show more sessions' });
    await more.scrollIntoViewIfNeeded();
    await expect.poll(() => rows.count()).toBe(200);
    await more.click();
    await expect.poll(() => rows.count()).toBe(300);
    // Newest first, each once (the keyboard test deleted one of them).
    const numbers = (await list.locator('.session-name').allTextContents()).map((name) =>
      Number(/^Generated (\d+)$/.exec(name)![1]),
    );
    expect(numbers.every((n, i) => i === 0 || n < numbers[i - 1]!)).toBe(true);
    expect(numbers.at(-1)).toBeGreaterThanOrEqual(1699);
    await manager.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe-core finds no violation on the manager: sessions with a detail and search, trash, settings (${scheme})`, async () => {
      const manager = await chromium.openExtensionPage('manager.html#sessions');
      await manager.emulateMedia({ colorScheme: scheme });
      const list = manager.getByRole('list', { name: 'Sessions' });
      await list.getByRole('button', { name: 'Open Generated 1999' }).click();
      await manager.getByRole('region', { name: 'Session detail' }).waitFor();
      await list.getByRole('checkbox', { name: 'Select Generated 1998' }).check();
      expect(await axeViolations(manager)).toEqual([]);

      await manager.getByRole('searchbox', { name: 'Search sessions and tabs' }).fill('s1234-t7');
      const results = manager.getByRole('region', { name: 'Search results' });
      await expect.poll(() => results.getAttribute('data-search-query')).toBe('s1234-t7');
      expect(await results.locator('.hit .session-name').allTextContents()).toEqual([
        'Generated 1234',
      ]);
      expect(await axeViolations(manager)).toEqual([]);

      for (const view of ['Trash', 'Settings']) {
        await manager.getByRole('link', { name: view }).click();
        await expect
          .poll(() => manager.getByRole('link', { name: view }).getAttribute('aria-current'))
          .toBe('page');
        expect(await axeViolations(manager), view).toEqual([]);
      }
      await manager.close();
    });
  }
});
