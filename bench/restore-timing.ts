import { browser } from 'wxt/browser';
import { callService } from '../lib/client';

/*
 * A restore through the service against the bare loop a restore cannot beat: as many new
 * windows as the session has, each opened on its first URL, then tabs.create of the rest,
 * from the bench page. Each timed until its call returns.
 */

/**
 * `count` distinct addresses of the blank extension page (no script, one element): the
 * cheapest tab an extension can open without loading its site, so a loop of these is the
 * least a lazy restore on Chrome can cost (Chrome creates no discarded tab).
 */
export function blankExtensionPages(count: number): string[] {
  // Built in bench mode only, so not among the extension's typed paths.
  const page = `${browser.runtime.getURL('/')}bench-blank.html`;
  return Array.from({ length: count }, (_, i) => `${page}?tab=${i}`);
}

export async function timeRestore(id: string) {
  const t0 = performance.now();
  const report = await callService('restore', { id });
  return { ms: performance.now() - t0, windows: report.windows, tabs: report.tabs };
}

export async function timeBareLoop({
  urls,
  windows,
}: {
  urls: readonly string[];
  windows: number;
}) {
  const perWindow = Math.ceil(urls.length / windows);
  const t0 = performance.now();
  for (let w = 0; w < windows; w++) {
    const [first, ...rest] = urls.slice(w * perWindow, (w + 1) * perWindow);
    const win = await browser.windows.create({ focused: false, url: first });
    for (const url of rest) await browser.tabs.create({ windowId: win!.id!, url, active: false });
  }
  return { ms: performance.now() - t0, windows, tabs: urls.length };
}
