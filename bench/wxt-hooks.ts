import { resolve } from 'node:path';
import type { UserConfig } from 'wxt';

/** The WXT mode whose build (in .output/chrome-mv3-bench) carries the benchmark page. */
export const BENCH_MODE = 'bench';

/**
 * Adds the benchmark page (bench.html), a blank page (bench-blank.html, the popup's floor)
 * and the blank page with one empty script (bench-script.html) in bench mode only. They
 * live outside entrypoints/, so no other build (dev, production, zip) can pick them up.
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
      {
        name: 'bench-script',
        inputPath: resolve(wxt.config.root, 'bench/script-floor/index.html'),
        type: 'unlisted-page',
      },
      {
        name: 'bench-empty',
        inputPath: resolve(wxt.config.root, 'bench/script-floor/empty.ts'),
        type: 'unlisted-script',
      },
    );
  },
};
