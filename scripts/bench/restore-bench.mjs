// Restoring a saved session of 500 loopback tabs (5 windows of 100) through the service,
// against a bare tabs.create loop of the same 500 URLs into one new window, both from the
// bench page, interleaved; and how many pages the restore loaded before any tab was used.
import { setTimeout as sleep } from 'node:timers/promises';
import { launchExtension, openBenchPage } from './chromium.mjs';
import { startLoopbackServer } from './loopback-server.mjs';
import { RENDERER_LIMIT } from './save-bench.mjs';
import { ratio, stats } from './stats.mjs';

export const RESTORE_TARGET_RATIO = 1.2;
const WINDOWS = 5;
const TABS_PER_WINDOW = 100;

export async function restoreBench({ extensionDir, runs = 3 }) {
  const server = await startLoopbackServer();
  const browser = await launchExtension(extensionDir, { args: [RENDERER_LIMIT] });
  try {
    const bench = await openBenchPage(browser);
    const api = (name, arg) => bench.evaluate(([n, a]) => globalThis.benchApi[n](a), [name, arg]);
    const restoreRuns = [];
    const bareRuns = [];
    for (let run = 0; run < runs; run++) {
      // Each run its own paths, so the server's counts tell what this run loaded.
      const session = await api('seedLoopbackSession', {
        base: server.base,
        prefix: `/restore/${run}`,
        windows: WINDOWS,
        tabsPerWindow: TABS_PER_WINDOW,
        seed: 77,
      });
      const urls = Array.from(
        { length: WINDOWS * TABS_PER_WINDOW },
        (_, i) => `${server.base}/bare/${run}/${i}`,
      );
      const steps = {
        restore: async () => {
          const timed = await api('timeRestore', session.id);
          // Nothing is activated after the restore: what loads now, the restore loaded.
          await server.quiet(2000);
          restoreRuns.push({
            ...timed,
            pagesLoaded: server.loaded(`/restore/${run}/`).paths,
            activeTabs: session.activeTabs,
          });
        },
        bare: async () => {
          const timed = await api('timeBareLoop', urls);
          await server.quiet(2000);
          bareRuns.push({ ...timed, pagesLoaded: server.loaded(`/bare/${run}/`).paths });
        },
      };
      for (const step of run % 2 === 0 ? ['restore', 'bare'] : ['bare', 'restore']) {
        console.log(`bench: restore run ${run + 1}/${runs}: ${step}`);
        await steps[step]();
        await api('closeOtherWindows');
        await sleep(2000);
      }
    }
    const restoreMs = stats(restoreRuns.map((r) => r.ms));
    const bareMs = stats(bareRuns.map((r) => r.ms));
    const r = ratio(restoreMs.median, bareMs.median);
    const loaded = Math.max(...restoreRuns.map((x) => x.pagesLoaded));
    return {
      tabs: WINDOWS * TABS_PER_WINDOW,
      windows: WINDOWS,
      restoreMs,
      bareLoopMs: bareMs,
      ratio: r,
      target: RESTORE_TARGET_RATIO,
      pass: r <= RESTORE_TARGET_RATIO,
      pagesLoadedByRestore: {
        worstRun: loaded,
        target: WINDOWS,
        pass: loaded <= WINDOWS,
        note: "distinct pages of the session the server served until 2 s without a request after restore returned; target: each window's active tab only",
      },
      runs: { restore: restoreRuns, bare: bareRuns },
      measure:
        "from the bench page, each until its call returns: callService('restore', {id}) of a session of 5 windows x 100 loopback tabs (imported through the service), against windows.create plus 500 awaited tabs.create({windowId, url, active: false}); interleaved, order alternating; windows closed between runs",
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
