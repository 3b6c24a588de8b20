import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startPagesServer, type PagesServer } from './support/pages-server';
import { waitUntil } from './support/wait';

const EXTENSION = resolve('.output/chrome-mv3');

let chromium: ChromiumSession;
let pages: PagesServer;

beforeAll(async () => {
  pages = await startPagesServer();
  // Headed under Xvfb: Chromium fires extension shortcuts only for real key presses.
  chromium = await launchChromium({ extensionDir: EXTENSION, headed: true });
});

afterAll(async () => {
  await chromium?.close();
  await pages?.close();
});

interface WindowView {
  id: number;
  bounds: [number, number, number, number];
  tabs: {
    url: string;
    pinned: boolean;
    active: boolean;
    group: string | null;
    color: string | null;
  }[];
}

/** Every normal window with its tabs, as the browser reports them. */
function readWindows(): Promise<WindowView[]> {
  return chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    // A tab restored lazily stands for the address in its lazy page's `u` parameter.
    const real = (u: string) =>
      u.startsWith(api.runtime.getURL('/lazy.html')) ? (new URL(u).searchParams.get('u') ?? u) : u;
    const groups = new Map((await api.tabGroups.query({})).map((g) => [g.id, g]));
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows.map((w) => ({
      id: w.id!,
      bounds: [w.left!, w.top!, w.width!, w.height!] as [number, number, number, number],
      tabs: (w.tabs ?? []).map((t) => {
        const group = groups.get(t.groupId);
        return {
          url: real(t.url || t.pendingUrl || ''),
          pinned: t.pinned,
          active: t.active,
          group: group?.title ?? null,
          color: group?.color ?? null,
        };
      }),
    }));
  });
}

function badge(): Promise<{ text: string; title: string }> {
  return chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    return { text: await api.action.getBadgeText({}), title: await api.action.getTitle({}) };
  });
}

/**
 * Presses the save shortcut until the badge answers. Right after launch Chromium may not
 * have registered the extension's shortcut yet, and then the press is lost; a save takes
 * milliseconds, so a badge still empty after seconds means no save happened.
 */
async function pressSaveShortcut(): Promise<{ text: string; title: string }> {
  for (let attempt = 1; ; attempt++) {
    await chromium.pressKeys('alt+shift+s');
    try {
      return await waitUntil(badge, (b) => b.text !== '', { timeoutMs: 3000 });
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

function row(popup: Page, name: string) {
  return popup.locator('li.session', { has: popup.locator('.session-name', { hasText: name }) });
}

describe.sequential('Chromium: save by shortcut, list, rename, restore, delete and undo', () => {
  test('the shortcut on a browser with only a new-tab page says there is nothing to save', async () => {
    const shown = await pressSaveShortcut();
    expect(shown).toEqual({
      text: '!',
      title: 'Tabkeep could not save: Nothing to save: only empty new-tab pages are open.',
    });
  });

  let saved: WindowView[];
  let popup: Page;

  test('the keyboard shortcut saves both windows and shows a check mark', async () => {
    const urls = ['pinned', 'a', 'b', 'c', 'd', 'e', 'f'].map((n) => pages.url(n));
    await chromium.evalInWorker(async (urls) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      const w1 = (await api.windows.create({
        url: urls.slice(0, 5),
        left: 20,
        top: 30,
        width: 900,
        height: 700,
      }))!;
      const [pinned, , tabB, tabC] = w1.tabs!;
      await api.tabs.update(pinned!.id!, { pinned: true });
      const group = await api.tabs.group({
        tabIds: [tabB!.id!, tabC!.id!],
        createProperties: { windowId: w1.id! },
      });
      await api.tabGroups.update(group, { title: 'Research', color: 'blue' });
      await api.tabs.update(tabB!.id!, { active: true });
      const w2 = (await api.windows.create({
        url: urls.slice(5),
        left: 300,
        top: 120,
        width: 800,
        height: 600,
      }))!;
      await api.tabs.update(w2.tabs![1]!.id!, { active: true });
    }, urls);
    // Only the two windows of local pages stay open.
    for (const page of chromium.context.pages()) {
      if (page.url() === 'about:blank') await page.close();
    }
    saved = await waitUntil(
      readWindows,
      (ws) => ws.length === 2 && ws.every((w) => w.tabs.every((t) => t.url.startsWith('http'))),
    );
    // Let the badge of the first test clear, so the next one is this save's.
    await waitUntil(badge, (b) => b.text === '', { timeoutMs: 10_000 });

    const shown = await pressSaveShortcut();
    expect(shown.text).toBe('✓');
    expect(shown.title).toMatch(/^Tabkeep: saved “.+ · 127\.0\.0\.1” \(7 tabs\)$/);
  });

  test('the popup lists the session with its window and tab counts', async () => {
    popup = await chromium.openExtensionPage('popup.html');
    const rows = popup.locator('li.session');
    await expect.poll(() => rows.count()).toBe(1);
    await expect
      .poll(() => rows.first().locator('.session-meta').textContent())
      .toMatch(/^2 windows · 7 tabs · /);
  });

  test('rename inline', async () => {
    await popup.getByRole('button', { name: /^Rename / }).click();
    const field = popup.getByRole('textbox', { name: /^New name for / });
    await field.fill('Work set');
    await field.press('Enter');
    await expect.poll(() => row(popup, 'Work set').count()).toBe(1);
    await popup.reload();
    await expect.poll(() => row(popup, 'Work set').count()).toBe(1);
  });

  test('a popup first shows the rows the last one showed, then what changed since', async () => {
    // This popup keeps its rows as it loads; a session saved after that is not among them.
    const before = await chromium.openExtensionPage('popup.html');
    await row(before, 'Work set').waitFor();
    await before.getByRole('textbox', { name: 'Session name (optional)' }).fill('Saved since');
    await before.locator('.save-form button[type=submit]').click();
    await expect.poll(() => row(before, 'Saved since').count()).toBe(1);
    await before.close();

    const next = await chromium.context.newPage();
    // The names of the first rows painted, recorded from before the page's own scripts.
    await next.addInitScript(() => {
      const seen: string[][] = [];
      Object.assign(globalThis, { paintedNames: seen });
      new MutationObserver(() => {
        const names = [...document.querySelectorAll('#first-rows .session-name')].map(
          (n) => n.textContent ?? '',
        );
        if (names.length > 0 && names.join() !== seen.at(-1)?.join()) seen.push(names);
      }).observe(document, { childList: true, subtree: true });
    });
    await next.goto(`chrome-extension://${chromium.extensionId}/popup.html`);
    await row(next, 'Saved since').waitFor();
    const painted = await next.evaluate(
      () => (globalThis as unknown as { paintedNames: string[][] }).paintedNames,
    );
    // Kept rows first, without the new session; then the database's, with it on top.
    expect(painted[0]).toContain('Work set');
    expect(painted[0]).not.toContain('Saved since');
    expect(painted.at(-1)![0]).toBe('Saved since');
    await next.close();
  });

  test('restore brings back windows, order, pinned, active tab, group and bounds', async () => {
    const oldIds = new Set((await readWindows()).map((w) => w.id));
    await popup.getByRole('button', { name: 'Restore Work set' }).click();
    // The report comes once every window is complete, active tabs included.
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Restored 2 windows, 7 tabs.');
    const fresh = await waitUntil(
      async () =>
        (await readWindows()).filter((w) => !oldIds.has(w.id)).sort((x, y) => x.id - y.id),
      (ws) =>
        ws.length === 2 &&
        ws.every((w, i) => w.tabs.length === saved[i]!.tabs.length) &&
        ws.every((w) => w.tabs.every((t) => t.url.startsWith('http'))) &&
        ws[0]!.tabs.some((t) => t.group !== null),
      { timeoutMs: 20_000 },
    );
    const view = (ws: WindowView[]) => ws.map(({ bounds, tabs }) => ({ bounds, tabs }));
    expect(view(fresh)).toEqual(view(saved));
    // Spelled out, so a failure says which property broke.
    expect(fresh[0]!.tabs.map((t) => [t.pinned, t.group, t.active])).toEqual([
      [true, null, false],
      [false, null, false],
      [false, 'Research', true],
      [false, 'Research', false],
      [false, null, false],
    ]);
  });

  test('delete, then undo', async () => {
    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Delete Work set' }).click();
    await expect.poll(() => row(popup, 'Work set').count()).toBe(0);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row(popup, 'Work set').count()).toBe(1);
    await popup.reload();
    await expect.poll(() => row(popup, 'Work set').count()).toBe(1);
  });
});
