/*
 * A restored tab not loaded yet (Chrome). Vanilla and tiny: two hundred of these may open at
 * once. Parameters as written by lib/lazy-url.ts: u (real URL), t (title), i (icon).
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
let active = false;
// Only web pages: a crafted link must not send the tab anywhere else.
const go = () => {
  if (active && document.visibilityState === 'visible' && /^https?:/.test(real)) {
    location.replace(real);
  }
};
void tabs.getCurrent().then((tab) => {
  tabs.onActivated.addListener(({ tabId, windowId }) => {
    // Another window's tab: this one stays as it was in its own window.
    if (windowId !== tab?.windowId) return;
    active = tabId === tab.id;
    go();
  });
  // Read after listening, so an activation in between is not missed.
  void tabs.getCurrent().then((now) => {
    active = now?.active ?? false;
    go();
  });
});
document.addEventListener('visibilitychange', go);
