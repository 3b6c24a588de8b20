import { browser } from 'wxt/browser';
import { LAZY_ACTIVATED_CHANNEL, parseLazyUrl } from '../lazy-url';

/**
 * Tells a lazy page (Chrome) that its tab was activated, so it loads its real address. A
 * page learns that from its visibility alone in a real browser, but not where every tab
 * reports itself visible (under Playwright); and one listener here costs less than one in
 * each of hundreds of lazy pages, each of which every tab switch would reach. Added
 * synchronously, so a waking service worker receives the event.
 */
export function announceLazyActivation(): void {
  const origin = new URL(browser.runtime.getURL('/')).origin;
  let channel: BroadcastChannel | undefined;
  browser.tabs.onActivated.addListener(({ tabId }) => {
    void browser.tabs.get(tabId).then(
      (tab) => {
        const url = tab.url ?? tab.pendingUrl;
        if (url === undefined || parseLazyUrl(origin, url) === null) return;
        channel ??= new BroadcastChannel(LAZY_ACTIVATED_CHANNEL);
        channel.postMessage(url);
      },
      // Closed already: nothing to load.
      () => undefined,
    );
  });
}
