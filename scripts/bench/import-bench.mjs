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

/** One import of `path` through the settings page of a fresh profile; `then(page)` runs after. */
async function importOnce(extensionDir, path, then) {
  const browser = await launchExtension(extensionDir);
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('options.html'), { waitUntil: 'load' });
    await page.evaluate(() => {
      const tasks = [];
      globalThis.benchLongTasks = tasks;
      new globalThis.PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    const baseline = await settledPss(browser.profile);
    const importRegion = page.getByRole('region', { name: 'Import' });

    const sampler = samplePeak(browser.profile);
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
    const peak = sampler.stop();
    const longTasks = await page.evaluate(() => globalThis.benchLongTasks.splice(0));
    return {
      previewMs: round(t1 - t0),
      writeMs: round(t2 - t1),
      totalMs: round(t2 - t0),
      preview,
      status: await importRegion.getByRole('status').textContent(),
      longestTaskMs: round(Math.max(0, ...longTasks)),
      memoryGrowthBytes: peak - baseline,
      baselineBytes: baseline,
      peakBytes: peak,
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
 * `runs` imports of the same file, each in a fresh profile (timings on a shared 2-core
 * machine vary by a third): the median time is judged, and the worst memory.
 */
export async function importExportBench({
  extensionDir,
  sessions = 2000,
  megabytes = 100,
  runs = 3,
}) {
  const work = await mkdtemp(join(tmpdir(), 'tabkeep-import-bench-'));
  try {
    const path = join(work, 'tab-session-manager-export.json');
    console.log(`bench: writing a ${megabytes} MB Tab Session Manager file`);
    const tabs = await writeTsmFile(path, { sessions, bytes: megabytes * MiB });
    const fileBytes = (await stat(path)).size;
    const imports = [];
    for (let run = 1; run <= runs; run++) {
      console.log(`bench: importing it (${run}/${runs})`);
      imports.push(await importOnce(extensionDir, path, run === runs ? exportAll : undefined));
    }
    const totalMs = median(imports.map((r) => r.totalMs));
    const growth = Math.max(...imports.map((r) => r.memoryGrowthBytes));
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
        worstGrowthBytes: growth,
        growthPerFileByte: Math.round((growth / fileBytes) * 100) / 100,
        target: 3,
        pass: growth <= 3 * fileBytes,
        measure:
          'peak minus settled PSS of every process of the browser profile, sampled every 50 ms; the worst run',
      },
      export: { sessions, runs: imports.at(-1).export },
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
