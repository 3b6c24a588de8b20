import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { LAZY_ACTIVATED_CHANNEL, lazyUrl } from '../../lib/lazy-url';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startPagesServer, type PagesServer } from './support/pages-server';
import { waitUntil } from './support/wait';

/*
 * The lazy page where every tab reports itself visible (headless, under Playwright): it
 * cannot learn of its activation from its visibility, only from the worker. The headed
 * lazy restore of 200 tabs (chromium-restore-modes) is the case of hidden background tabs.
 */

const EXTENSION = resolve('.output/chrome-mv3');

let chromium: ChromiumSession;
let pages: PagesServer;
let origin: string;

beforeAll(async () => {
  pages = await startPagesServer();
  chromium = await launchChromium({ extensionDir: EXTENSION });
  origin = `chrome-extension://${chromium.extensionId}`;
});

afterAll(async () => {
  await chromium?.close();
  await pages?.close();
});

interface TabState {
  id: number;
  url: string;
  title: string;
  active: boolean;
}

function tabsOf(windowId: number): Promise<TabState[]> {
  return chromium.evalInWorker(async (id) => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    return (await api.tabs.query({ windowId: id })).map((t) => ({
      id: t.id!,
      url: t.url || t.pendingUrl || '',
      title: t.title ?? '',
      active: t.active,
    }));
  }, windowId);
}

describe('Chromium: the lazy page, where every tab reports itself visible', () => {
  test('loads when it opens as the active tab, stays while inactive even when named, and loads once activated', async () => {
    const lazy = (name: string) => lazyUrl(origin, pages.url(name), `Saved ${name}`);
    // Opened as its window's active tab, as the browser's own restore opens one.
    const windowId = await chromium.evalInWorker(async (url) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      return (await api.windows.create({ url, focused: true }))!.id!;
    }, lazy('front'));
    await waitUntil(
      () => tabsOf(windowId),
      (tabs) => tabs[0]?.url === pages.url('front'),
    );

    const [b, c] = [lazy('b'), lazy('c')];
    await chromium.evalInWorker(
      async ({ id, urls }) => {
        const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
        for (const url of urls) await api.tabs.create({ windowId: id, url, active: false });
      },
      { id: windowId, urls: [b, c] },
    );
    // Both lazy pages ran (they show their saved titles), and each asked whether it is shown.
    const shown = await waitUntil(
      () => tabsOf(windowId),
      (tabs) => tabs[1]?.title === 'Saved b' && tabs[2]?.title === 'Saved c',
    );
    // A page named on the channel while its tab is not active stays: the name alone is not
    // trusted.
    await chromium.evalInWorker(
      (args) => new BroadcastChannel(args.channel).postMessage(args.url),
      { channel: LAZY_ACTIVATED_CHANNEL, url: c },
    );
    await new Promise((done) => setTimeout(done, 1000));
    expect(pages.requested()).toEqual(['front']);

    await chromium.evalInWorker(async (id) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      await api.tabs.update(id, { active: true });
    }, shown[1]!.id);
    const after = await waitUntil(
      () => tabsOf(windowId),
      (tabs) => tabs[1]?.url === pages.url('b') && tabs[1].title === 'Page b',
    );
    expect(after.map((t) => t.url)).toEqual([pages.url('front'), pages.url('b'), c]);
    expect(pages.requested().sort()).toEqual(['b', 'front']);
  });
});
