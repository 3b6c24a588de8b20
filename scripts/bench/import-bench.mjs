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

export async function importExportBench({ extensionDir, sessions = 2000, megabytes = 100 }) {
  const work = await mkdtemp(join(tmpdir(), 'tabkeep-import-bench-'));
  const browser = await launchExtension(extensionDir);
  try {
    const path = join(work, 'tab-session-manager-export.json');
    console.log(`bench: writing a ${megabytes} MB Tab Session Manager file`);
    const tabs = await writeTsmFile(path, { sessions, bytes: megabytes * MiB });
    const fileBytes = (await stat(path)).size;

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

    console.log('bench: importing it');
    const sampler = samplePeak(browser.profile);
    const t0 = performance.now();
    await importRegion.getByLabel('File to import').setInputFiles(path);
    const importButton = importRegion.getByRole('button', { name: /^Import [\d,]+ sessions?$/ });
    await importButton.waitFor({ timeout: TIMEOUT });
    const t1 = performance.now();
    const previewText = await importRegion
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
    const status = await importRegion.getByRole('status').textContent();
    const longTasks = await page.evaluate(() => globalThis.benchLongTasks.splice(0));

    console.log('bench: exporting every session');
    const exportRegion = page.getByRole('region', { name: 'Export' });
    const exportOnce = async (format) => {
      await exportRegion.getByRole('combobox', { name: 'Format' }).selectOption(format);
      const download = page.waitForEvent('download', { timeout: TIMEOUT });
      const start = performance.now();
      await exportRegion.getByRole('button', { name: 'Export all sessions' }).click();
      const file = await download;
      const ms = performance.now() - start;
      const text = await exportRegion.getByRole('status').textContent();
      return { format, ms: round(ms), bytes: (await stat(await file.path())).size, status: text };
    };
    const exports = [await exportOnce('tabkeep'), await exportOnce('tabkeep-gz')];
    const exportLongTasks = await page.evaluate(() => globalThis.benchLongTasks.splice(0));

    const growth = peak - baseline;
    return {
      file: { bytes: fileBytes, sessions, tabs, format: 'Tab Session Manager 7.x (generated)' },
      import: {
        previewMs: round(t1 - t0),
        writeMs: round(t2 - t1),
        totalMs: round(t2 - t0),
        targetMs: 5000,
        pass: t2 - t0 <= 5000,
        preview: previewText,
        status,
        longestTaskMs: round(Math.max(0, ...longTasks)),
        longTasks: longTasks.length,
      },
      memory: {
        baselineBytes: baseline,
        peakBytes: peak,
        growthBytes: growth,
        growthPerFileByte: Math.round((growth / fileBytes) * 100) / 100,
        target: 3,
        pass: growth <= 3 * fileBytes,
        measure: 'PSS of every process of the browser profile, sampled every 50 ms',
      },
      export: {
        sessions,
        runs: exports,
        longestTaskMs: round(Math.max(0, ...exportLongTasks)),
      },
    };
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
}
