import { resolve } from 'node:path';
import type { UserConfig } from 'wxt';

/** The WXT mode whose build (in .output/chrome-mv3-bench) carries the benchmark page. */
export const BENCH_MODE = 'bench';

/**
 * Adds the benchmark page (bench.html) and a blank page (bench-blank.html, the popup's
 * floor) as unlisted pages in bench mode only. It lives outside
 * entrypoints/, so no other build (dev, production, zip) can pick it up.
 */
export const benchHooks: UserConfig['hooks'] = {
  'entrypoints:found': (wxt, infos) => {
    if (wxt.config.mode !== BENCH_MODE) return;
    infos.push(
      {
        name: 'bench',
        inputPath: resolve(wxt.config.root, 'bench/page/index.html'),
        type: 'unlisted-page',
      },
      {
        name: 'bench-blank',
        inputPath: resolve(wxt.config.root, 'bench/blank/index.html'),
        type: 'unlisted-page',
      },
    );
  },
};
