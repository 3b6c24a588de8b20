import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LAZY_ACTIVATED_CHANNEL } from '@/lib/lazy-url';

/*
 * A restored tab not loaded yet (Chrome), the script of public/lazy.html. Vanilla and tiny:
 * hundreds of these open at once in the extension's one renderer process, and each browser
 * API a page touches costs that process and the browser's (500 pages: about 2.5 s of CPU).
 * So a hidden page touches none: it waits until it is shown. Parameters as written by
 * lib/lazy-url.ts: u (real URL), t (title), i (icon).
 *
 * It loads the real page once shown: visible and its window's active tab. Visibility alone
 * is not enough where every tab reports itself visible (under Playwright, as in the browser
 * tests), and a tab can be active in a window that is hidden: both must hold. Where every
 * page is visible, no page learns of its activation from its visibility: the worker tells
 * it over a BroadcastChannel (lib/adapters/lazy-activation.ts).
 */

interface TabsApi {
  getCurrent(): Promise<{ active: boolean } | undefined>;
}

export default defineUnlistedScript(() => {
  const params = new URLSearchParams(location.search);
  const real = params.get('u') ?? '';
  document.title = params.get('t') || real;
  // The icon from the browser's own store of site icons (the `favicon` permission), as its
  // session restore shows one: fetching the saved icon's address would reach hundreds of
  // sites for tabs that are not loaded. An icon saved as data is used as it is.
  const saved = params.get('i');
  const link = document.createElement('link');
  link.rel = 'icon';
  link.href = saved?.startsWith('data:image/')
    ? saved
    : `/_favicon/?pageUrl=${encodeURIComponent(real)}&size=32`;
  document.head.append(link);

  // Only web pages: a crafted link must not send the tab anywhere else.
  if (!/^https?:/.test(real)) return;
  // One question at a time; a reason to ask that comes meanwhile (the tab activated while
  // the answer was on its way) asks again once it is answered.
  let asking = false;
  let askAgain = false;
  const goIfShown = (): void => {
    if (document.visibilityState !== 'visible') return;
    if (asking) {
      askAgain = true;
      return;
    }
    asking = true;
    const tabs = (globalThis as unknown as { chrome: { tabs: TabsApi } }).chrome.tabs;
    void tabs.getCurrent().then((tab) => {
      asking = false;
      if (tab?.active === true && document.visibilityState === 'visible') {
        location.replace(real);
      } else if (askAgain) {
        askAgain = false;
        goIfShown();
      }
    });
  };
  document.addEventListener('visibilitychange', goIfShown);
  new BroadcastChannel(LAZY_ACTIVATED_CHANNEL).onmessage = ({ data }) => {
    if (data === location.href) goIfShown();
  };
  goIfShown();
});
