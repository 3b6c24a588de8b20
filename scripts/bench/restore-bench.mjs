// Restoring a saved session of 500 loopback tabs (5 windows of 100) through the service,
// against a bare tabs.create loop of the same 500 URLs into one new window, both from the
// bench page, interleaved; how many pages the restore loaded before any tab was used; and
// the browser's memory once each settled. Over a bare DevTools connection: Playwright's
// instrumentation of 500 new pages cost more than the restore (raw-chromium.mjs).
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumCpu, chromiumPss, cpuSpentSince } from './memory.mjs';
import { startLoopbackServer } from './loopback-server.mjs';
import { launchRawBench } from './raw-chromium.mjs';
import { RENDERER_LIMIT } from './save-bench.mjs';
import { ratio, stats } from './stats.mjs';

export const RESTORE_TARGET_RATIO = 1.2;
const WINDOWS = 5;
const TABS_PER_WINDOW = 100;
const megabytes = (bytes) => Math.round(bytes / 1e6);
// The worker's start (recovery, trash purge, first live snapshot) is over by then.
const SETTLE_MS = 2000;

export async function restoreBench({ extensionDir, runs = 3 }) {
  const server = await startLoopbackServer();
  // A fresh browser for each step: one that already opened and closed 500 tabs was slower
  // at the next 500 (by half, three runs in), whatever the pages were.
  const inFreshBrowser = async (use) => {
    const browser = await launchRawBench(extensionDir, { args: [RENDERER_LIMIT] });
    try {
      return await use(browser.api, {
        pssMB: () => megabytes(chromiumPss(browser.profile)),
        cpu: () => chromiumCpu(browser.profile),
      });
    } finally {
      await browser.close();
    }
  };
  try {
    const restoreRuns = [];
    const bareRuns = [];
    for (let run = 0; run < runs; run++) {
      // Each run its own paths, so the server's counts tell what this run loaded.
      const steps = {
        restore: () =>
          inFreshBrowser(async (api, { pssMB, cpu }) => {
            const session = await api('seedLoopbackSession', {
              base: server.base,
              prefix: `/restore/${run}`,
              windows: WINDOWS,
              tabsPerWindow: TABS_PER_WINDOW,
              seed: 77,
            });
            await sleep(SETTLE_MS);
            const before = cpu();
            const timed = await api('timeRestore', session.id);
            const cpuMs = cpuSpentSince(before, cpu());
            // Nothing is activated after the restore: what loads now, the restore loaded.
            await server.quiet(2000);
            restoreRuns.push({
              ...timed,
              pagesLoaded: server.loaded(`/restore/${run}/`).paths,
              activeTabs: session.activeTabs,
              pssMB: pssMB(),
              cpuMs,
            });
          }),
        bare: () =>
          inFreshBrowser(async (api, { pssMB, cpu }) => {
            await sleep(SETTLE_MS);
            const before = cpu();
            const timed = await api('timeBareLoop', {
              windows: WINDOWS,
              urls: Array.from(
                { length: WINDOWS * TABS_PER_WINDOW },
                (_, i) => `${server.base}/bare/${run}/${i}`,
              ),
            });
            const cpuMs = cpuSpentSince(before, cpu());
            await server.quiet(2000);
            bareRuns.push({
              ...timed,
              pagesLoaded: server.loaded(`/bare/${run}/`).paths,
              pssMB: pssMB(),
              cpuMs,
            });
          }),
      };
      for (const step of run % 2 === 0 ? ['restore', 'bare'] : ['bare', 'restore']) {
        console.log(`bench: restore run ${run + 1}/${runs}: ${step}`);
        await steps[step]();
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
      browserPssMB: {
        afterRestore: stats(restoreRuns.map((x) => x.pssMB)).median,
        afterBareLoop: stats(bareRuns.map((x) => x.pssMB)).median,
        note: 'proportional set size of all the browser processes, once no page had loaded for 2 s',
      },
      cpuMsByProcess: {
        restore: medianByKind(restoreRuns.map((r) => r.cpuMs)),
        bareLoop: medianByKind(bareRuns.map((r) => r.cpuMs)),
        note: 'CPU time (user and system) each kind of browser process spent during the timed call, median of the runs; the machine has 2 cores',
      },
      runs: { restore: restoreRuns, bare: bareRuns },
      measure:
        "from the bench page, each until its call returns: callService('restore', {id}) of a session of 5 windows x 100 loopback tabs (imported through the service), against the same windows: windows.create({url: its first}) then 99 awaited tabs.create({windowId, url, active: false}) each, 500 tabs in all; interleaved, order alternating; each in a fresh browser",
    };
  } finally {
    await server.close();
  }
}

function medianByKind(readings) {
  const kinds = [...new Set(readings.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(kinds.map((k) => [k, stats(readings.map((r) => r[k] ?? 0)).median]));
}
