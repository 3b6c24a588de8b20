import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionBody, SessionSummary, WindowSnap } from '@/lib/model';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { putSessionScript } from './support/stored-session';

const EXTENSION = resolve('.output/chrome-mv3');
const A = 'https://a.test/';
const B = 'https://b.test/';
const C = 'https://c.test/';
const X = 'https://x.test/';

let chromium: ChromiumSession;
let manager: Page;

/** A session as an import leaves it (a whole body), one window per list of URLs. */
function stored(id: string, name: string, windows: string[][], createdAt: number) {
  const snaps: WindowSnap[] = windows.map((urls) => ({
    type: 'normal',
    state: 'normal',
    incognito: false,
    focused: false,
    groups: [],
    tabs: urls.map((url, i) => ({
      url,
      title: `Page ${new URL(url).host}`,
      pinned: false,
      active: i === 0,
      muted: false,
      group: null,
      container: null,
    })),
  }));
  const summary: SessionSummary = {
    id,
    name,
    kind: 'import',
    createdAt,
    updatedAt: createdAt,
    tags: [],
    windowCount: snaps.length,
    tabCount: snaps.reduce((n, w) => n + w.tabs.length, 0),
    hash: id,
    origin: 'chrome',
    deletedAt: 0,
  };
  const body: SessionBody = { id, windows: snaps };
  return { summary, body };
}

const detail = () => manager.getByRole('region', { name: 'Session detail' });
const sessionList = () => manager.getByRole('list', { name: 'Sessions' });
const status = () => manager.locator('.sessions-side').getByRole('status');

/** The URLs of each window the detail pane shows, in order. */
async function shownWindows(): Promise<string[][]> {
  const windows = detail().locator('section.window');
  const out: string[][] = [];
  for (let i = 0; i < (await windows.count()); i++) {
    out.push(await windows.nth(i).locator('.tab-url').allTextContents());
  }
  return out;
}

async function tick(windowNumber: number, url: string, nth = 0): Promise<void> {
  await detail()
    .getByRole('region', { name: `Window ${windowNumber}` })
    .getByRole('checkbox', { name: url })
    .nth(nth)
    .check();
}

/** The stored summary, read from IndexedDB by the worker: what the page shows came from there. */
function storedSummary(id: string): Promise<SessionSummary | null> {
  return chromium.evalInWorker(
    (id) =>
      new Promise<SessionSummary | null>((done, fail) => {
        const open = indexedDB.open('tabkeep');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('summaries').objectStore('summaries').get(id);
          get.onsuccess = () => {
            open.result.close();
            done((get.result as SessionSummary | undefined) ?? null);
          };
          get.onerror = () => fail(get.error);
        };
      }),
    id,
  );
}

beforeAll(async () => {
  chromium = await launchChromium({ extensionDir: EXTENSION });
});

afterAll(async () => {
  await chromium?.close();
});

describe.sequential('Chromium: the manager page', () => {
  test('the popup’s Settings opens the manager as the options page, in a tab', async () => {
    const popup = await chromium.openExtensionPage('popup.html');
    const opened = chromium.context.waitForEvent('page', {
      predicate: (p) => p.url().includes('/manager.html'),
    });
    await popup.getByRole('button', { name: 'Settings' }).click();
    manager = await opened;
    await popup.close();
    await expect
      .poll(() => manager.getByRole('link', { name: 'Sessions' }).getAttribute('aria-current'))
      .toBe('page');
    const now = Date.now();
    await manager.evaluate(putSessionScript(stored('work', 'Work', [[A, B, A], [C]], now - 2000)));
    await manager.evaluate(putSessionScript(stored('home', 'Home', [[A, X]], now - 1000)));
    // Rows put with the raw IndexedDB API do not wake Dexie's live queries.
    await manager.reload();
  });

  test('a session’s detail shows its windows, then their tabs', async () => {
    await expect
      .poll(() => sessionList().locator('.session-name').allTextContents())
      .toEqual(['Home', 'Work']);
    await sessionList().getByRole('button', { name: 'Open Work' }).click();
    await expect.poll(() => detail().getByRole('heading', { level: 2 }).textContent()).toBe('Work');
    expect(await detail().getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Window 1 · 3 tabs',
      'Window 2 · 1 tab',
    ]);
    expect(await shownWindows()).toEqual([[A, B, A], [C]]);
    expect(await detail().locator('.tab-title').first().textContent()).toBe('Page a.test');
  });

  test('removes a ticked tab', async () => {
    await tick(1, B);
    await detail().getByRole('button', { name: 'Remove selected tabs', exact: true }).click();
    await expect.poll(() => status().textContent()).toBe('Removed 1 tab from “Work”.');
    await expect.poll(shownWindows).toEqual([[A, A], [C]]);
    expect(await storedSummary('work')).toMatchObject({ tabCount: 3, windowCount: 2 });
  });

  test('moves a ticked tab to the other window', async () => {
    await tick(1, A, 1);
    await detail().getByRole('combobox', { name: 'Move to' }).selectOption('Window 2');
    await detail().getByRole('button', { name: 'Move selected tabs', exact: true }).click();
    await expect.poll(() => status().textContent()).toBe('Moved 1 tab to window 2.');
    await expect.poll(shownWindows).toEqual([[A], [C, A]]);
  });

  test('removes duplicate tabs, keeping the first', async () => {
    await detail().getByRole('button', { name: 'Remove duplicates' }).click();
    await expect.poll(() => status().textContent()).toBe('Removed 1 duplicate tab.');
    await expect.poll(shownWindows).toEqual([[A], [C]]);
    expect(await storedSummary('work')).toMatchObject({ tabCount: 2, windowCount: 2 });
  });

  test('merges two ticked sessions into a new one; the originals stay', async () => {
    await sessionList().getByRole('checkbox', { name: 'Select Work' }).check();
    await sessionList().getByRole('checkbox', { name: 'Select Home' }).check();
    await manager.getByRole('textbox', { name: 'Name of the merged session' }).fill('Both');
    await manager.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => status().textContent()).toBe('Merged into “Both”: 3 windows, 4 tabs.');
    await expect
      .poll(() => sessionList().locator('.session-name').allTextContents())
      .toEqual(['Both', 'Home', 'Work']);
    // The merge opens in the detail: Work's windows, then Home's.
    await expect.poll(shownWindows).toEqual([[A], [C], [A, X]]);
  });

  test('compares two sessions: tabs added and removed', async () => {
    await sessionList().getByRole('checkbox', { name: 'Select Home' }).check();
    await sessionList().getByRole('checkbox', { name: 'Select Work' }).check();
    await manager.getByRole('button', { name: 'Compare' }).click();
    const comparison = manager.getByRole('region', { name: 'Comparison' });
    // Work is the older one: the comparison reads from Work to Home.
    await expect
      .poll(() =>
        comparison.getByRole('region', { name: 'Added' }).locator('.tab-url').allTextContents(),
      )
      .toEqual([X]);
    expect(
      await comparison
        .getByRole('region', { name: 'Removed' })
        .locator('.tab-url')
        .allTextContents(),
    ).toEqual([C]);
    await sessionList().getByRole('checkbox', { name: 'Select Home' }).uncheck();
    await sessionList().getByRole('checkbox', { name: 'Select Work' }).uncheck();
  });

  test('tags and stars a session', async () => {
    await sessionList().getByRole('button', { name: 'Open Home' }).click();
    await detail().getByRole('textbox', { name: 'Tags' }).fill(' travel, , Travel,later ');
    await detail().getByRole('button', { name: 'Save tags' }).click();
    await expect.poll(() => status().textContent()).toBe('Tags: travel, later.');
    const homeRow = sessionList().locator('li', {
      has: manager.getByRole('button', { name: 'Open Home' }),
    });
    await expect.poll(() => homeRow.locator('.tags').textContent()).toBe('#travel #later');
    const star = detail().getByRole('button', { name: /Favourite/ });
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    expect(await homeRow.locator('.star').count()).toBe(1);
    expect(await storedSummary('home')).toMatchObject({
      tags: ['travel', 'later'],
      favourite: true,
    });
  });

  test('delete sends a session to the trash for 30 days; restore brings it back', async () => {
    await detail().getByRole('button', { name: 'Delete', exact: true }).click();
    await expect
      .poll(() => sessionList().locator('.session-name').allTextContents())
      .toEqual(['Both', 'Work']);
    await manager.getByRole('link', { name: 'Trash' }).click();
    const trash = manager.getByRole('list', { name: 'Deleted sessions' });
    await expect.poll(() => trash.locator('.session-name').allTextContents()).toEqual(['Home']);
    expect(await trash.locator('.session-meta').textContent()).toMatch(/· 30 days left$/);
    await trash.getByRole('button', { name: 'Restore Home' }).click();
    await expect.poll(() => manager.getByText('The trash is empty.').count()).toBe(1);
    await manager.getByRole('link', { name: 'Sessions' }).click();
    await expect
      .poll(() => sessionList().locator('.session-name').allTextContents())
      .toEqual(['Both', 'Home', 'Work']);
  });

  test('delete forever drops the session for good', async () => {
    await sessionList().getByRole('button', { name: 'Open Work' }).click();
    await detail().getByRole('button', { name: 'Delete', exact: true }).click();
    await manager.getByRole('link', { name: 'Trash' }).click();
    const trash = manager.getByRole('list', { name: 'Deleted sessions' });
    await expect.poll(() => trash.locator('.session-name').allTextContents()).toEqual(['Work']);
    await trash.getByRole('button', { name: 'Delete forever Work' }).click();
    await expect.poll(() => manager.getByText('The trash is empty.').count()).toBe(1);
    expect(await storedSummary('work')).toBeNull();
    expect(await storedSummary('home')).toMatchObject({ deletedAt: 0 });
  });

  test('a restore from the search says which tabs open on the placeholder page', async () => {
    await manager.evaluate(
      putSessionScript(stored('odd', 'Odd places', [[A, 'chrome://settings/']], Date.now())),
    );
    await manager.reload();
    await manager.getByRole('link', { name: 'Sessions' }).click();
    await manager.getByRole('searchbox', { name: 'Search sessions and tabs' }).fill('odd places');
    await manager
      .getByRole('region', { name: 'Search results' })
      .getByRole('button', { name: 'Restore Odd places' })
      .click();
    await expect
      .poll(() => status().textContent())
      .toBe(
        'Restored 1 window, 2 tabs. 1 tab the browser will not let extensions open show a placeholder.',
      );
  });
});
