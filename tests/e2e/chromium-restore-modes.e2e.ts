import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import type { SessionBody, SessionSummary } from '../../lib/model';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { openOnly } from './support/chromium-windows';
import { startPagesServer, type PagesServer } from './support/pages-server';
import { isLazyPage, realUrl, type WindowView } from './support/restored-tabs';
import { putSessionScript, sessionOfUrls, twoWindowSession } from './support/stored-session';
import { waitUntil } from './support/wait';

const EXTENSION = resolve('.output/chrome-mv3');

let chromium: ChromiumSession;
let pages: PagesServer;
let origin: string;

beforeAll(async () => {
  pages = await startPagesServer();
  // Headed under Xvfb: background tabs are hidden there, as for a person.
  chromium = await launchChromium({ extensionDir: EXTENSION, headed: true });
  origin = `chrome-extension://${chromium.extensionId}`;
});

afterAll(async () => {
  await chromium?.close();
  await pages?.close();
});

function readWindows(): Promise<WindowView[]> {
  return chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows
      .sort((a, b) => a.id! - b.id!)
      .map((w) => ({
        id: w.id!,
        tabs: (w.tabs ?? []).map((t) => ({
          id: t.id!,
          url: t.url || t.pendingUrl || '',
          title: t.title ?? '',
          active: t.active,
          status: t.status ?? '',
          discarded: t.discarded,
        })),
      }));
  });
}

const real = (w: WindowView) => w.tabs.map((t) => realUrl(origin, t.url));

/**
 * The popup page, ready once its save form shows. Not by waiting for its load event: after
 * a replace that event sometimes never came within 30 s, though the page showed at once.
 */
async function openPopup(): Promise<Page> {
  const popup = await chromium.context.newPage();
  await popup.goto(`${origin}/popup.html`, { waitUntil: 'commit' });
  await popup.locator('.save-form').waitFor({ timeout: 60_000 });
  return popup;
}

/** The popup page with `session` stored behind its back, then reloaded to list it. */
async function popupWith(...sessions: { summary: SessionSummary; body: SessionBody }[]) {
  const popup = await openPopup();
  for (const session of sessions) await popup.evaluate(putSessionScript(session));
  await popup.reload({ waitUntil: 'commit' });
  await popup.locator('.save-form').waitFor({ timeout: 60_000 });
  return popup;
}

async function chooseMode(popup: Page, name: string, item: string): Promise<void> {
  await popup.getByRole('button', { name: `More restore options for ${name}` }).click();
  await popup.getByRole('menuitem', { name: item }).click();
}

/** The same choice with the keyboard only: focus, arrows, Enter. */
async function chooseModeByKeyboard(popup: Page, name: string, item: string): Promise<void> {
  const button = popup.getByRole('button', { name: `More restore options for ${name}` });
  await button.focus();
  await popup.keyboard.press('ArrowDown');
  const menu = popup.getByRole('menu', { name: `Restore options for ${name}` });
  const items = await menu.getByRole('menuitem').allTextContents();
  await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe(items[0]);
  for (let i = 0; i < items.indexOf(item); i++) await popup.keyboard.press('ArrowDown');
  await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe(item);
  await popup.keyboard.press('Enter');
}

describe.sequential('Chromium: lazy restore and restore modes, from the popup', () => {
  test('replace, after its confirmation, closes the old windows; what they held comes back from Autosaves', async () => {
    const old = [[pages.url('old-a'), pages.url('old-b')], [pages.url('old-c')]];
    await openOnly(chromium, old);
    const popup = await popupWith(
      sessionOfUrls('replacement', 'Replacement', [pages.url('new-a'), pages.url('new-b')]),
    );
    const openBefore = await readWindows();
    await chooseMode(popup, 'Replacement', 'Replace current windows');
    const dialog = popup.getByRole('alertdialog');
    await expect
      .poll(() => dialog.locator('p').textContent())
      .toBe(
        `Close the ${openBefore.length} open windows and restore “Replacement”? What they hold is kept under Autosaves.`,
      );
    await dialog.getByRole('button', { name: 'Replace', exact: true }).click();
    const after = await waitUntil(
      readWindows,
      (ws) => ws.length === 1 && !openBefore.some((w) => w.id === ws[0]!.id),
      { timeoutMs: 30_000 },
    );
    expect(real(after[0]!)).toEqual([pages.url('new-a'), pages.url('new-b')]);

    const again = await openPopup();
    await again.getByText(/^Autosaves \(/).click();
    const autosaves = again.locator('li.session[data-section="autosaves"]');
    await expect.poll(() => autosaves.count()).toBe(1);
    await autosaves.getByRole('button', { name: /^Restore / }).click();
    // The old windows' pages, in order (the popup's own tab among them), once each window
    // is there and its tabs have their addresses: a new window's first tab has none, or
    // about:blank, for a moment (seen once in CI).
    const oldPages = (ws: WindowView[]) =>
      ws
        .filter((w) => w.id !== after[0]!.id)
        .map((w) => real(w).filter((u) => u.startsWith(pages.origin)));
    const back = await waitUntil(
      readWindows,
      (ws) =>
        ws.length === 1 + openBefore.length && oldPages(ws).flat().length === old.flat().length,
      { timeoutMs: 30_000 },
    );
    expect(oldPages(back)).toEqual(old);
  });

  test('add to current window puts the tabs in the window in front, in no new window', async () => {
    await openOnly(chromium, [[pages.url('here')]]);
    const popup = await popupWith(
      sessionOfUrls('extra', 'Extra', ['x1', 'x2', 'x3'].map(pages.url)),
    );
    const before = await readWindows();
    await chooseModeByKeyboard(popup, 'Extra', 'Add to current window');
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('Added 3 tabs to the current window.');
    const after = await readWindows();
    expect(after.map((w) => w.id)).toEqual(before.map((w) => w.id));
    const grown = after.find(
      (w) => w.tabs.length === before.find((b) => b.id === w.id)!.tabs.length + 3,
    );
    expect(real(grown!).slice(-3)).toEqual(['x1', 'x2', 'x3'].map(pages.url));
    // The session's active tab is the one in front now.
    expect(grown!.tabs.at(-3)!.active).toBe(true);
  });

  test('one window gathers the tabs of every saved window into one new window, in order', async () => {
    const session = twoWindowSession(pages.url);
    const popup = await popupWith(session);
    const before = new Set((await readWindows()).map((w) => w.id));
    await chooseMode(popup, 'Two windows', 'One window');
    const fresh = await waitUntil(
      async () => (await readWindows()).filter((w) => !before.has(w.id)),
      (ws) => ws.length === 1 && ws[0]!.tabs.length === 3,
      { timeoutMs: 30_000 },
    );
    expect(real(fresh[0]!)).toEqual(['o1', 'o2', 'o3'].map(pages.url));
  });
  // Last: closing 200 lazy pages keeps the extension's process busy for a while.
  test('a lazy restore of 200 tabs loads only the active one until another is activated', async () => {
    const names = Array.from({ length: 200 }, (_, i) => `lazy-${i}`);
    const popup = await popupWith(sessionOfUrls('lazy', 'Lazy 200', names.map(pages.url)));
    const before = new Set((await readWindows()).map((w) => w.id));
    await popup.getByRole('button', { name: 'Restore Lazy 200' }).click();
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 60_000 })
      .toBe('Restored 1 window, 200 tabs.');
    // Settled: every tab has finished loading whatever it loads.
    const [win] = await waitUntil(
      async () => (await readWindows()).filter((w) => !before.has(w.id)),
      (ws) => ws.length === 1 && ws[0]!.tabs.every((t) => t.status === 'complete'),
      { timeoutMs: 60_000 },
    );
    expect(real(win!)).toEqual(names.map(pages.url));
    expect(win!.tabs[0]).toMatchObject({ url: pages.url('lazy-0'), active: true });
    const loaded = win!.tabs.flatMap((t, i) => (i > 0 && !isLazyPage(origin, t.url) ? [i] : []));
    expect(loaded).toEqual([]);
    // The lazy page shows the saved title.
    expect(win!.tabs[7]!.title).toBe('Saved 7');
    const lazyHits = () => pages.requested().filter((n) => n.startsWith('lazy-'));
    expect(lazyHits()).toEqual(['lazy-0']);

    await chromium.evalInWorker(async (id) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      await api.tabs.update(id, { active: true });
    }, win!.tabs[7]!.id);
    const tab7 = await waitUntil(
      async () => (await readWindows()).find((w) => w.id === win!.id)!.tabs[7]!,
      (t) => t.url === pages.url('lazy-7') && t.status === 'complete',
      { timeoutMs: 20_000 },
    );
    expect(tab7.title).toBe('Page lazy-7');
    expect(pages.hits('lazy-7')).toBe(1);
    expect(lazyHits().sort()).toEqual(['lazy-0', 'lazy-7']);

    // Saved while most tabs are still lazy: the session holds the real addresses and titles.
    await popup.getByRole('textbox', { name: 'Session name (optional)' }).fill('While lazy');
    await popup.locator('.save-form button[type=submit]').click();
    await expect
      .poll(() => popup.getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/^Saved “While lazy”/);
    const stored = await popup.evaluate(
      () =>
        new Promise<{ url: string; title: string }[]>((done, fail) => {
          const open = indexedDB.open('tabkeep');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['summaries', 'bodies']);
            const all = tx.objectStore('summaries').getAll();
            all.onsuccess = () => {
              const id = (all.result as { id: string; name: string }[]).find(
                (s) => s.name === 'While lazy',
              )!.id;
              const body = tx.objectStore('bodies').get(id);
              body.onsuccess = () => {
                const { windows } = body.result as {
                  windows: { tabs: { url: string; title: string }[] }[];
                };
                done(windows.flatMap((w) => w.tabs.map(({ url, title }) => ({ url, title }))));
                open.result.close();
              };
            };
          };
        }),
    );
    const saved = stored.filter((t) => t.url.includes('/page/lazy-'));
    expect(saved.map((t) => t.url)).toEqual(names.map(pages.url));
    expect(saved[5]!.title).toBe('Saved 5');
    expect(stored.some((t) => t.url.includes('/lazy.html'))).toBe(false);

    // A lazy tab dragged out into a window of its own is active there: it loads.
    const moved = await chromium.evalInWorker(async (id) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      return (await api.windows.create({ tabId: id }))!.id!;
    }, win!.tabs[9]!.id);
    const tab9 = await waitUntil(
      async () => (await readWindows()).find((w) => w.id === moved)?.tabs[0],
      (t) => t?.url === pages.url('lazy-9') && t.status === 'complete',
      { timeoutMs: 20_000 },
    );
    expect(tab9!.title).toBe('Page lazy-9');
    expect(lazyHits().sort()).toEqual(['lazy-0', 'lazy-7', 'lazy-9']);
  }, 240_000); // 200 tabs on a loaded machine: over a minute.
});
