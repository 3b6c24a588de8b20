// Import of a generated 100 MB Tab Session Manager file through the settings page, and
// export of everything it brought (2,000 sessions), in headless Chromium with the
// production build: times, the browser's peak memory, and the page's longest task.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchExtension } from './chromium.mjs';
import { chromiumPss, samplePeak } from './memory.mjs';
import { writeTsmFile } from './tsm-file.mjs';

const MiB = 1024 * 1024;
const TIMEOUT = 300_000;
const round = (n) => Math.round(n);

/** Waits until the memory of the browser stops falling after start-up. */
async function settledPss(profile) {
  let last = chromiumPss(profile);
  for (let i = 0; i < 10; i++) {
    await sleep(500);
    const now = chromiumPss(profile);
    if (Math.abs(now - last) < 2 * MiB) return now;
    last = now;
  }
  return last;
}

/**
 * One import of `path` through the settings page of a fresh profile; `then(page)` runs
 * after. With `sampleMemory`, the browser's memory is sampled throughout: each sample reads
 * /proc/<pid>/smaps_rollup of every process (about 40 ms of CPU), which on a 2-core machine
 * takes most of a core from the browser, so such a run's times are not judged.
 */
async function importOnce(extensionDir, path, { sampleMemory = false, then } = {}) {
  const browser = await launchExtension(extensionDir);
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('manager.html#settings'), { waitUntil: 'load' });
    await page.evaluate(() => {
      const tasks = [];
      globalThis.benchLongTasks = tasks;
      new globalThis.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    // Every run starts on a browser done with its start-up.
    const baseline = await settledPss(browser.profile);
    const importRegion = page.getByRole('region', { name: 'Import' });

    const sampler = sampleMemory ? samplePeak(browser.profile) : null;
    const t0 = performance.now();
    await importRegion.getByLabel('File to import').setInputFiles(path);
    const importButton = importRegion.getByRole('button', { name: /^Import [\d,]+ sessions?$/ });
    await importButton.waitFor({ timeout: TIMEOUT });
    const t1 = performance.now();
    const preview = await importRegion
      .getByRole('group', { name: 'Import preview' })
      .locator('p')
      .first()
      .textContent();
    await importButton.click();
    await page.waitForFunction(
      () =>
        /^Imported/.test(
          globalThis.document.querySelector('.import [role="status"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: TIMEOUT, polling: 50 },
    );
    const t2 = performance.now();
    const peak = sampler?.stop() ?? null;
    const longTasks = await page.evaluate(() => globalThis.benchLongTasks.splice(0));
    return {
      previewMs: round(t1 - t0),
      writeMs: round(t2 - t1),
      totalMs: round(t2 - t0),
      preview,
      status: await importRegion.getByRole('status').textContent(),
      longestTaskMs: round(Math.max(0, ...longTasks)),
      ...(sampleMemory && {
        memoryGrowthBytes: peak - baseline,
        baselineBytes: baseline,
        peakBytes: peak,
      }),
      ...(then ? { export: await then(page) } : {}),
    };
  } finally {
    await browser.close();
  }
}

/** Exports every session twice (plain, gzipped) and times each to its file. */
async function exportAll(page) {
  const exportRegion = page.getByRole('region', { name: 'Export' });
  const runs = [];
  for (const format of ['tabkeep', 'tabkeep-gz']) {
    await exportRegion.getByRole('combobox', { name: 'Format' }).selectOption(format);
    const download = page.waitForEvent('download', { timeout: TIMEOUT });
    const start = performance.now();
    await exportRegion.getByRole('button', { name: 'Export all sessions' }).click();
    const file = await download;
    const ms = performance.now() - start;
    const status = await exportRegion.getByRole('status').textContent();
    runs.push({ format, ms: round(ms), bytes: (await stat(await file.path())).size, status });
  }
  return runs;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Imports of the same file, each in a fresh profile: `runs` timed ones (timings on a shared
 * 2-core machine vary by a third), whose median time is judged, then `memoryRuns` with the
 * memory sampler, whose worst growth is judged.
 */
export async function importExportBench({
  extensionDir,
  sessions = 2000,
  megabytes = 100,
  runs = 3,
  memoryRuns = 2,
}) {
  const work = await mkdtemp(join(tmpdir(), 'tabkeep-import-bench-'));
  try {
    const path = join(work, 'tab-session-manager-export.json');
    console.log(`bench: writing a ${megabytes} MB Tab Session Manager file`);
    const tabs = await writeTsmFile(path, { sessions, bytes: megabytes * MiB });
    const fileBytes = (await stat(path)).size;
    const imports = [];
    for (let run = 1; run <= runs; run++) {
      console.log(`bench: importing it, timed (${run}/${runs})`);
      imports.push(await importOnce(extensionDir, path, { then: run === runs && exportAll }));
    }
    const memory = [];
    for (let run = 1; run <= memoryRuns; run++) {
      console.log(`bench: importing it, memory sampled (${run}/${memoryRuns})`);
      memory.push(await importOnce(extensionDir, path, { sampleMemory: true }));
    }
    const totalMs = median(imports.map((r) => r.totalMs));
    const growth = Math.max(...memory.map((r) => r.memoryGrowthBytes));
    return {
      file: { bytes: fileBytes, sessions, tabs, format: 'Tab Session Manager 7.x (generated)' },
      import: {
        runs: imports.map((run) => ({ ...run, export: undefined })),
        medianTotalMs: totalMs,
        minTotalMs: Math.min(...imports.map((r) => r.totalMs)),
        medianPreviewMs: median(imports.map((r) => r.previewMs)),
        medianWriteMs: median(imports.map((r) => r.writeMs)),
        targetMs: 5000,
        pass: totalMs <= 5000,
        longestTaskMs: Math.max(...imports.map((r) => r.longestTaskMs)),
      },
      memory: {
        runs: memory.map(({ memoryGrowthBytes, baselineBytes, peakBytes, totalMs: ms }) => ({
          memoryGrowthBytes,
          baselineBytes,
          peakBytes,
          totalMs: ms,
        })),
        worstGrowthBytes: growth,
        growthPerFileByte: Math.round((growth / fileBytes) * 100) / 100,
        target: 3,
        pass: growth <= 3 * fileBytes,
        measure:
          'peak minus settled PSS of every process of the browser profile, sampled every 50 ms, in runs of their own; the worst run',
      },
      export: { sessions, runs: imports.at(-1).export },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
