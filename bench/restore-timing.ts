import { browser } from 'wxt/browser';
import { callService } from '../lib/client';

/*
 * A restore through the service against the bare loop a restore cannot beat: tabs.create
 * of each URL into one new window, from the bench page. Each timed until its call returns.
 */

export async function timeRestore(id: string) {
  const t0 = performance.now();
  const report = await callService('restore', { id });
  return { ms: performance.now() - t0, windows: report.windows, tabs: report.tabs };
}

export async function timeBareLoop(urls: readonly string[]) {
  const t0 = performance.now();
  const win = await browser.windows.create({ focused: false });
  for (const url of urls) await browser.tabs.create({ windowId: win!.id!, url, active: false });
  return { ms: performance.now() - t0, windows: 1, tabs: urls.length };
}
