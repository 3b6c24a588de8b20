import { browser } from 'wxt/browser';

/** Tells a new browser run from a worker that merely woke up again. */
export interface RunMarker {
  isNewRun(): Promise<boolean>;
  markStarted(): Promise<void>;
}

const KEY = 'tabkeepRunStarted';

/**
 * `storage.session` lives in memory and the browser empties it when it exits, so an
 * empty one means a new run. `runtime.onStartup` alone cannot tell: an extension loaded
 * with --load-extension gets `onInstalled` at every start instead.
 */
export function sessionStorageRunMarker(): RunMarker {
  return {
    async isNewRun() {
      const stored = await browser.storage.session.get(KEY);
      return stored[KEY] !== true;
    },
    async markStarted() {
      await browser.storage.session.set({ [KEY]: true });
    },
  };
}
