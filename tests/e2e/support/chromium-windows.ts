import type { WxtBrowser } from 'wxt/browser';
import type { ChromiumSession } from './chromium';
import { waitUntil } from './wait';

/** URLs of each normal window's tabs, in window-id then tab order. */
export function windowUrls(chromium: ChromiumSession): Promise<string[][]> {
  return chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    // A tab restored lazily stands for the address in its lazy page's `u` parameter.
    const real = (u: string) =>
      u.startsWith(api.runtime.getURL('/lazy.html')) ? (new URL(u).searchParams.get('u') ?? u) : u;
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows
      .sort((a, b) => a.id! - b.id!)
      .map((w) => (w.tabs ?? []).map((t) => real(t.url || t.pendingUrl || '')));
  });
}

/**
 * Opens one window per list of URLs, closes every other window and tab, and waits until
 * all pages have loaded. Closing is repeated until it holds: right after launch, Chromium
 * may still open its first blank tab, in whichever window has focus by then.
 */
export async function openOnly(chromium: ChromiumSession, windows: string[][]): Promise<void> {
  const ours = await chromium.evalInWorker(async (windows) => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    const tabIds: number[] = [];
    for (const urls of windows) {
      const created = await api.windows.create({ url: urls });
      tabIds.push(...created!.tabs!.map((t) => t.id!));
    }
    return tabIds;
  }, windows);
  const closeOthers = () =>
    chromium.evalInWorker(async (ours) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      const strays = (await api.tabs.query({})).filter((t) => !ours.includes(t.id!));
      if (strays.length > 0) await api.tabs.remove(strays.map((t) => t.id!));
    }, ours);
  await waitUntil(
    async () => {
      await closeOthers();
      return windowUrls(chromium);
    },
    (open) => JSON.stringify(open) === JSON.stringify(windows),
    { timeoutMs: 15_000 },
  );
  await waitUntil(
    () =>
      chromium.evalInWorker(async () => {
        const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
        return (await api.tabs.query({})).every((t) => t.status === 'complete');
      }),
    (done) => done,
    { timeoutMs: 15_000 },
  );
}
