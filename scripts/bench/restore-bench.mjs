// Restoring a saved session of 500 loopback tabs (5 windows of 100) through the service,
// timed from the bench page, against a bare tabs.create loop of the same 500 URLs into new
// windows, run in the extension's worker as the restore is; interleaved; how many pages the
// restore loaded before any tab was used; and the browser's memory once each settled. Two
// more bare loops tell where the time goes: one of exactly the tabs the restore opens (its
// lazy pages), so the rest is the restore's own work; and one of 500 blank extension pages,
// the least any placeholder tab costs. Over a bare DevTools connection: Playwright's
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
        inWorker: browser.evaluateInWorker,
        origin: browser.origin,
      });
    } finally {
      await browser.close();
    }
  };
  try {
    const seed = (api, prefix) =>
      api('seedLoopbackSession', {
        base: server.base,
        prefix,
        windows: WINDOWS,
        tabsPerWindow: TABS_PER_WINDOW,
        seed: 77,
      });
    const restoreRuns = [];
    const bareRuns = [];
    const sameTabsRuns = [];
    const floorRuns = [];
    // A bare loop of `urls` in the worker of a fresh browser, into `into`.
    const bareLoop = (into, urlsOf, prefix) =>
      inFreshBrowser(async (api, { pssMB, cpu, inWorker, origin }) => {
        const urls = await urlsOf(api, origin);
        await sleep(SETTLE_MS);
        const before = cpu();
        const timed = await inWorker(
          `(${timeBareLoop.toString()})(${JSON.stringify(urls)}, ${WINDOWS})`,
        );
        const cpuMs = cpuSpentSince(before, cpu());
        await server.quiet(2000);
        into.push({
          ...timed,
          pagesLoaded: server.loaded(prefix).paths,
          pssMB: pssMB(),
          cpuMs,
        });
      });
    for (let run = 0; run < runs; run++) {
      // Each run its own paths, so the server's counts tell what this run loaded.
      const steps = {
        restore: () =>
          inFreshBrowser(async (api, { pssMB, cpu, inWorker }) => {
            const session = await seed(api, `/restore/${run}`);
            await sleep(SETTLE_MS);
            const before = cpu();
            const timed = await inWorker(
              `(${timeRestore.toString()})(${JSON.stringify(session.id)})`,
            );
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
          bareLoop(
            bareRuns,
            async () =>
              Array.from(
                { length: WINDOWS * TABS_PER_WINDOW },
                (_, i) => `${server.base}/bare/${run}/${i}`,
              ),
            `/bare/${run}/`,
          ),
        sameTabs: () =>
          bareLoop(
            sameTabsRuns,
            async (api) => (await seed(api, `/same/${run}`)).restoreUrls,
            `/same/${run}/`,
          ),
        floor: () =>
          bareLoop(
            floorRuns,
            async (_api, origin) =>
              Array.from(
                { length: WINDOWS * TABS_PER_WINDOW },
                (_, i) => `${origin}/bench-blank.html?tab=${i}`,
              ),
            `/floor/${run}/`,
          ),
      };
      // Each run in another order, so no step always follows the same one.
      const order = ['restore', 'bare', 'sameTabs', 'floor'];
      for (const step of [...order.slice(run % 4), ...order.slice(0, run % 4)]) {
        console.log(`bench: restore run ${run + 1}/${runs}: ${step}`);
        await steps[step]();
      }
    }
    const restoreMs = stats(restoreRuns.map((r) => r.ms));
    const bareMs = stats(bareRuns.map((r) => r.ms));
    const r = ratio(restoreMs.median, bareMs.median);
    const sameTabsMs = stats(sameTabsRuns.map((x) => x.ms));
    const floorMs = stats(floorRuns.map((x) => x.ms));
    const loaded = Math.max(...restoreRuns.map((x) => x.pagesLoaded));
    return {
      tabs: WINDOWS * TABS_PER_WINDOW,
      windows: WINDOWS,
      restoreMs,
      bareLoopMs: bareMs,
      ratio: r,
      target: RESTORE_TARGET_RATIO,
      pass: r <= RESTORE_TARGET_RATIO,
      sameTabsLoop: {
        ms: sameTabsMs,
        restoreRatio: ratio(restoreMs.median, sameTabsMs.median),
        ratioToBareLoop: ratio(sameTabsMs.median, bareMs.median),
        note: "a bare loop of exactly the tabs the restore opens (each window's active tab loaded, the rest on the lazy page): restoreRatio is what the restore's own work adds, ratioToBareLoop what its lazy page costs against loading the page",
      },
      extensionPageFloor: {
        ms: floorMs,
        ratioToBareLoop: ratio(floorMs.median, bareMs.median),
        note: 'a bare loop of 500 blank extension pages (no script, one element): the least any placeholder tab costs, as Chrome creates no discarded tab',
      },
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
      runs: { restore: restoreRuns, bare: bareRuns, sameTabs: sameTabsRuns, floor: floorRuns },
      measure:
        "in the extension's service worker, each until its call returns: the service's restore({id}) of a session of 5 windows x 100 loopback tabs (imported through the service), against the same windows: windows.create({focused: false, url: its first}) then 99 awaited tabs.create({windowId, url, active: false}) each, 500 tabs in all; interleaved, order rotating; each in a fresh browser",
    };
  } finally {
    await server.close();
  }
}

/**
 * The service's restore of session `id`, called in the extension's worker (the bench build
 * sets tabkeepBenchService there), timed until it resolves. Stringified into the worker.
 */
async function timeRestore(id) {
  const t0 = globalThis.performance.now();
  const report = await globalThis.tabkeepBenchService.restore({ id });
  return { ms: globalThis.performance.now() - t0, windows: report.windows, tabs: report.tabs };
}

/**
 * The loop a restore cannot beat, run in the extension's worker as the restore is: as many
 * new windows as the session has, each opened on its first URL, then an awaited
 * tabs.create of each of the rest. Timed until the last call returns. Stringified into
 * the worker, so it may use nothing but its arguments and the worker's globals.
 */
async function timeBareLoop(urls, windows) {
  const perWindow = Math.ceil(urls.length / windows);
  const t0 = globalThis.performance.now();
  for (let w = 0; w < windows; w++) {
    const [first, ...rest] = urls.slice(w * perWindow, (w + 1) * perWindow);
    const win = await globalThis.chrome.windows.create({ focused: false, url: first });
    for (const url of rest)
      await globalThis.chrome.tabs.create({ windowId: win.id, url, active: false });
  }
  return { ms: globalThis.performance.now() - t0, windows, tabs: urls.length };
}

function medianByKind(readings) {
  const kinds = [...new Set(readings.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(kinds.map((k) => [k, stats(readings.map((r) => r[k] ?? 0)).median]));
}
