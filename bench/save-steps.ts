import { browser } from 'wxt/browser';
import { snapshotWindows } from '../lib/capture/map';
import type { RawWindow } from '../lib/capture/raw';
import { contentHash } from '../lib/hash';
import { searchTextOf } from '../lib/search/text';
import { stats } from './stats';

/*
 * Where a save's time goes: the steps it runs before its database write, run here in the
 * bench page on the same browser. What the save takes beyond their sum is the message to
 * the service and back, and its transaction (body, search text, summary).
 */
export async function timeSaveSteps(runs: number) {
  const steps = {
    read: [] as number[],
    map: [] as number[],
    hash: [] as number[],
    text: [] as number[],
  };
  const origin = browser.runtime.getURL('/').replace(/\/$/, '');
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const lap = (into: number[]) => {
      const now = performance.now();
      into.push(now - t);
      t = now;
    };
    const raw = await browser.windows.getAll({ populate: true, windowTypes: ['normal'] });
    lap(steps.read);
    const { windows } = snapshotWindows(
      { windows: raw as RawWindow[], groups: [], containers: [], incognitoAllowed: false },
      origin,
    );
    lap(steps.map);
    await contentHash(windows);
    lap(steps.hash);
    searchTextOf(windows);
    lap(steps.text);
  }
  return {
    readMs: stats(steps.read),
    mapMs: stats(steps.map),
    hashMs: stats(steps.hash),
    searchTextMs: stats(steps.text),
  };
}
