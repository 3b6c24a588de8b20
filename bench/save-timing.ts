import { browser } from 'wxt/browser';
import { callService } from '../lib/client';
import { timeSaveSteps } from './save-steps';
import { stats } from './stats';

/*
 * Saving the open windows against the browser call every save starts with, from the same
 * extension page and timed the same way: each until its promise resolves.
 */

const time = async (run: () => Promise<unknown>): Promise<number> => {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
};

/** `runs` of each, interleaved, the order alternating so neither always goes first. */
export async function timeSaves(runs: number) {
  const getAll: number[] = [];
  const save: number[] = [];
  let tabs = 0;
  const timeGetAll = async () =>
    getAll.push(await time(() => browser.windows.getAll({ populate: true })));
  const timeSave = async () =>
    save.push(
      await time(async () => {
        tabs = (await callService('save', {})).session.tabCount;
      }),
    );
  // One of each first, untimed: the service worker and its database are then awake.
  await browser.windows.getAll({ populate: true });
  await callService('save', {});
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await timeGetAll();
      await timeSave();
    } else {
      await timeSave();
      await timeGetAll();
    }
  }
  return {
    tabsSaved: tabs,
    getAllMs: stats(getAll),
    saveMs: stats(save),
    steps: await timeSaveSteps(runs),
  };
}
