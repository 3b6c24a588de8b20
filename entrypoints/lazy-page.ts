import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

/*
 * A restored tab not loaded yet (Chrome), the script of public/lazy.html. Vanilla and tiny:
 * hundreds of these may open at once. Parameters as written by lib/lazy-url.ts: u (real
 * URL), t (title), i (icon).
 *
 * It loads the real page once shown: visible and its window's active tab. Visibility alone
 * is not enough where every tab reports itself visible (under automation, as in the browser
 * tests), and a tab can be active in a window that is hidden: both must hold.
 */

interface TabsApi {
  getCurrent(): Promise<{ id?: number; windowId: number; active: boolean } | undefined>;
  onActivated: {
    addListener(listener: (info: { tabId: number; windowId: number }) => void): void;
  };
}

export default defineUnlistedScript(() => {
  const params = new URLSearchParams(location.search);
  const real = params.get('u') ?? '';
  document.title = params.get('t') || real;
  const icon = params.get('i');
  if (icon !== null && /^https?:/.test(icon)) {
    const link = document.createElement('link');
    link.rel = 'icon';
    link.href = icon;
    document.head.append(link);
  }

  const tabs = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome.tabs;
  let self: { id?: number; windowId: number } | undefined;
  let active = false;
  // Only web pages: a crafted link must not send the tab anywhere else.
  const go = () => {
    if (active && document.visibilityState === 'visible' && /^https?:/.test(real)) {
      location.replace(real);
    }
  };
  // One read of the browser per page: hundreds open at once.
  const read = () =>
    tabs.getCurrent().then((now) => {
      self = now;
      active = now?.active ?? false;
      go();
    });
  // Listening before the read, so an activation in between is not missed.
  tabs.onActivated.addListener(({ tabId, windowId }) => {
    if (self === undefined) return void read();
    // By id first: a tab dragged to another window is still this one.
    if (tabId === self.id) active = true;
    else if (windowId === self.windowId) active = false;
    go();
  });
  void read();
  // Shown again (another window raised, or this one restored): where it is now counts.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void read();
  });
});
