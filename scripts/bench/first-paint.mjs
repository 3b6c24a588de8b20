// Time from navigation start to the first paint of an element: installed before the page's
// own scripts (context.addInitScript), a MutationObserver sees the element enter the DOM;
// a requestAnimationFrame callback then runs just before the frame that shows it, and a
// message posted from there arrives just after that frame's paint. performance.now() counts
// from the navigation's start (performance.timeOrigin).
// installFirstPaintProbe runs in the page, not in Node:
/* global document, performance, requestAnimationFrame, MessageChannel, MutationObserver */
import { setTimeout as sleep } from 'node:timers/promises';

/** The init script; `selector` names what counts as painted content. */
export function installFirstPaintProbe(selector) {
  const afterNextPaint = (record) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(null);
    });
  const probe = { inDomMs: null, paintedMs: null };
  globalThis.benchFirstPaint = probe;
  const seen = () => {
    if (probe.inDomMs !== null || document.querySelector(selector) === null) return false;
    probe.inDomMs = performance.now();
    afterNextPaint((ms) => (probe.paintedMs = ms));
    return true;
  };
  const observer = new MutationObserver(() => seen() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true });
}

/** Opens `url` in a new tab of `context` and resolves to its probe's figures. */
export async function firstPaint(context, url, timeoutMs = 60_000) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => globalThis.benchFirstPaint?.paintedMs != null, undefined, {
      timeout: timeoutMs,
      polling: 20,
    });
    return await page.evaluate(() => globalThis.benchFirstPaint);
  } finally {
    await page.close();
    // Let the closed page's process settle before the next is timed.
    await sleep(100);
  }
}
