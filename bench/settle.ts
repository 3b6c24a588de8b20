import { browser } from 'wxt/browser';
import { onBrowserChange } from '../lib/adapters/change-events';
import { browserTabGroups } from '../lib/adapters/tab-groups';
import { openPageDb } from '../lib/page-db';
import { LIVE_KEY, parseLiveRow } from '../lib/run-state';

/*
 * Waits until the worker is idle: no browser event for `quietMs` (longer than the live
 * snapshot's delay), and the live snapshot holds every open tab. A timed save that shares
 * the worker with the snapshot of the tabs just opened measures the two together: seen
 * here as 171 ms against 86 ms for the same save a few seconds later.
 */
export async function settleWorker({ quietMs, timeoutMs }: { quietMs: number; timeoutMs: number }) {
  const t0 = performance.now();
  let lastEvent = performance.now();
  let events = 0;
  onBrowserChange(browserTabGroups(), () => {
    lastEvent = performance.now();
    events++;
  });
  const open = (await browser.tabs.query({ windowType: 'normal' })).length;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  for (;;) {
    if (performance.now() - t0 > timeoutMs) {
      throw new Error(`the worker did not settle within ${timeoutMs} ms`);
    }
    const quietFor = performance.now() - lastEvent;
    if (quietFor < quietMs) {
      await sleep(quietMs - quietFor);
      continue;
    }
    if ((await liveTabCount()) === open) break;
    await sleep(250);
  }
  return { events, settledMs: Math.round(performance.now() - t0) };
}

async function liveTabCount(): Promise<number | null> {
  const db = await openPageDb();
  if (db === null) return null;
  try {
    const row = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('state', 'readonly').objectStore('state').get(LIVE_KEY);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB read failed'));
    });
    return parseLiveRow(row)?.tabCount ?? null;
  } finally {
    db.close();
  }
}
