import type { WxtBrowser } from 'wxt/browser';
import type { ChromiumSession } from './chromium';
import { waitUntil } from './wait';

/** URLs of each normal window's tabs, in window-id then tab order. */
export function windowUrls(chromium: ChromiumSession): Promise<string[][]> {
  return chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows
      .sort((a, b) => a.id! - b.id!)
      .map((w) => (w.tabs ?? []).map((t) => t.url || t.pendingUrl || ''));
  });
}

/**
 * Opens one window per list of URLs, closes every other window, and waits until all
 * pages have loaded.
 */
export async function openOnly(chromium: ChromiumSession, windows: string[][]): Promise<void> {
  await chromium.evalInWorker(async (windows) => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    const before = await api.windows.getAll({ windowTypes: ['normal'] });
    for (const urls of windows) await api.windows.create({ url: urls });
    for (const w of before) await api.windows.remove(w.id!);
  }, windows);
  await waitUntil(
    () => windowUrls(chromium),
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
