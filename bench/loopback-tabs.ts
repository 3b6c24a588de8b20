import { browser } from 'wxt/browser';

/*
 * Real tabs for the save and restore benchmarks, on the loopback server's pages, opened and
 * closed from the bench page.
 */

/**
 * Opens `windows` windows of `tabsPerWindow` tabs, one window at a time: each loads (or
 * `windowTimeoutMs` passes), then its background tabs are discarded as the browser does
 * under memory pressure, keeping their titles. A thousand live pages on a shared 2-core
 * machine took five minutes to load and kept it busy throughout; discarded tabs are what a
 * browser holds after a lazy restore, and windows.getAll reports them all the same.
 */
export async function openLoopbackTabs(options: {
  base: string;
  windows: number;
  tabsPerWindow: number;
  windowTimeoutMs: number;
}) {
  const t0 = performance.now();
  let loaded = 0;
  for (let w = 0; w < options.windows; w++) {
    const url = Array.from(
      { length: options.tabsPerWindow },
      (_, t) => `${options.base}/save/${w}/${t}?title=${encodeURIComponent(`Page ${w}.${t}`)}`,
    );
    const win = await browser.windows.create({ url, focused: false });
    const deadline = performance.now() + options.windowTimeoutMs;
    let tabs = await browser.tabs.query({ windowId: win!.id! });
    while (tabs.some((t) => t.status === 'loading') && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      tabs = await browser.tabs.query({ windowId: win!.id! });
    }
    loaded += tabs.filter((t) => t.status === 'complete').length;
    await Promise.all(tabs.filter((t) => !t.active).map((t) => browser.tabs.discard(t.id!)));
  }
  return {
    ...(await tabStates()),
    loadedBeforeDiscard: loaded,
    msToOpen: Math.round(performance.now() - t0),
  };
}

/** How many tabs there are, still loading, and discarded (not loaded). */
export async function tabStates() {
  const tabs = await browser.tabs.query({});
  return {
    tabs: tabs.length,
    loading: tabs.filter((t) => t.status === 'loading').length,
    discarded: tabs.filter((t) => t.discarded).length,
    windows: new Set(tabs.map((t) => t.windowId)).size,
  };
}

/** Closes every window but the bench page's own. */
export async function closeOtherWindows(): Promise<number> {
  const own = (await browser.tabs.getCurrent())?.windowId;
  const others = (await browser.windows.getAll()).filter((w) => w.id !== own);
  await Promise.all(others.map((w) => browser.windows.remove(w.id!)));
  return others.length;
}
