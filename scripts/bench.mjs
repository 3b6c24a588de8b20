// `npm run bench`: builds the extension twice (production, for bundle sizes; bench mode, for
// the benchmark page), runs the autosave benchmark in real Chromium, and writes
// bench-results/bench-<timestamp>.json. A missed target is reported, not a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchFilesIn, bundleSizes } from './bench/bundle-sizes.mjs';
import { chromiumVersion, withExtensionPage } from './bench/chromium.mjs';
import { importExportBench } from './bench/import-bench.mjs';

const PRODUCTION_DIR = resolve('.output/chrome-mv3');
const BENCH_DIR = resolve('.output/chrome-mv3-bench');
const RESULTS_DIR = resolve('bench-results');

const { values: args } = parseArgs({
  options: {
    // Fewer autosaves for a quick look; the report says how many ran.
    autosaves: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    // One part only: "autosave" (issue 3) or "import" (issue 4).
    only: { type: 'string' },
  },
});

function wxt(...wxtArgs) {
  console.log(`bench: wxt ${wxtArgs.join(' ')}`);
  const run = spawnSync(resolve('node_modules/.bin/wxt'), wxtArgs, { encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`wxt ${wxtArgs.join(' ')} failed`);
  }
}

function git(...gitArgs) {
  return execFileSync('git', gitArgs, { encoding: 'utf8' }).trim();
}

function machine() {
  return {
    node: process.version,
    chromium: chromiumVersion(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryBytes: os.totalmem(),
    // Timings are only comparable on an idle machine.
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

async function runInChromium(overrides) {
  return withExtensionPage(BENCH_DIR, 'bench.html', async (page) => {
    page.on('console', (message) => {
      if (message.text().startsWith('bench:')) console.log(message.text());
    });
    page.on('pageerror', (error) => console.error(`bench page error: ${error.message}`));
    await page.waitForFunction(() => typeof globalThis.runBench === 'function');
    return page.evaluate((options) => globalThis.runBench(options), overrides);
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function importSummary(r) {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const i = r.import;
  return [
    `import of a ${mb(r.file.bytes)} Tab Session Manager file (${r.file.sessions} sessions, ${r.file.tabs} tabs), ${i.runs.length} runs: ` +
      `median ${i.medianTotalMs} ms (preview ${i.medianPreviewMs} + write ${i.medianWriteMs}), fastest ${i.minTotalMs} ms ` +
      `(target <= ${i.targetMs}: ${i.pass ? 'PASS' : 'FAIL'}); longest page task ${i.longestTaskMs} ms`,
    `  runs: ${i.runs.map((run) => `${run.previewMs} + ${run.writeMs} = ${run.totalMs} ms`).join('; ')}`,
    `  browser memory growth, worst run: ${mb(r.memory.worstGrowthBytes)} = ${r.memory.growthPerFileByte}x the file ` +
      `(target <= ${r.memory.target}x: ${r.memory.pass ? 'PASS' : 'FAIL'})`,
    ...r.export.runs.map(
      (run) =>
        `export of ${r.export.sessions} sessions as ${run.format}: ${run.ms} ms, ${mb(run.bytes)}`,
    ),
  ].join('\n');
}

function summary(report) {
  if (report.defaultRetention === undefined) return importSummary(report.importExport);
  const d = report.defaultRetention;
  const k = report.keepEverything;
  return [
    `full snapshot of ${report.fullSnapshot.tabs} tabs: ${kb(report.fullSnapshotBytes)}`,
    `bytes per autosave (${report.options.changedTabs} tabs changed, n=${d.bytesPerAutosave.count}): ` +
      `mean ${Math.round(d.bytesPerAutosave.mean)}, median ${d.bytesPerAutosave.median}, ` +
      `p95 ${d.bytesPerAutosave.p95}, max ${d.bytesPerAutosave.max}`,
    `  mean by table: ${JSON.stringify(d.meanBytesByTable)}`,
    `fraction of a full snapshot: ${report.fractionOfFullSnapshot} ` +
      `(target <= ${report.target}: ${report.pass ? 'PASS' : 'FAIL'})`,
    `unchanged browser: ${d.unchangedAutosave.bytes} bytes (${d.unchangedAutosave.outcome})`,
    `after the autosaves, default retention: ${kb(d.storage.logicalBytes)} in ` +
      `${JSON.stringify(d.storage.rowsByTable)} rows; ${d.storage.autosavesKept} autosaves kept`,
    `after the autosaves, keep everything: ${kb(k.storage.logicalBytes)} ` +
      `(as full copies: ${kb(k.fullCopiesBytes)}); each autosave adds ` +
      `${k.storedBytesPerAutosave} bytes (${k.storedFractionOfFullSnapshot} of a full snapshot)`,
    `time: ${d.msPerAutosave.mean} ms per autosave; recordLive ${k.msPerRecordLive.mean} ms, ` +
      `autosaveOnce ${k.msPerAutosaveOnce.mean} ms (keep everything)`,
    `bundle (production): popup ${kb(report.bundle.popup.raw)} / gzip ${kb(report.bundle.popup.gzip)}; ` +
      `background ${kb(report.bundle.background.raw)} / gzip ${kb(report.bundle.background.gzip)}`,
    ...(report.importExport ? [importSummary(report.importExport)] : []),
  ].join('\n');
}

async function main() {
  const overrides = args.autosaves === undefined ? {} : { autosaves: Number(args.autosaves) };
  if (!args['no-build']) {
    // Bench mode first, so the last build leaves .wxt/ as a production build wrote it.
    wxt('build', '--mode', 'bench');
    wxt('build');
  }
  for (const dir of [BENCH_DIR, PRODUCTION_DIR]) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}`);
  }
  const leaked = await benchFilesIn(PRODUCTION_DIR);
  if (leaked.length > 0) throw new Error(`The production build holds bench files: ${leaked}`);

  const timestamp = new Date().toISOString();
  const started = performance.now();
  const before = machine();
  const only = args.only ?? null;
  if (only !== null && only !== 'autosave' && only !== 'import') {
    throw new Error(`--only takes "autosave" or "import", not "${only}"`);
  }
  const result = only === 'import' ? {} : await runInChromium(overrides);
  const importExport =
    only === 'autosave' ? undefined : await importExportBench({ extensionDir: PRODUCTION_DIR });
  const report = {
    benchmark: 'autosave storage (issue 3); import and export (issue 4)',
    timestamp,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    machine: { ...before, loadAverageAfter: machine().loadAverage },
    git: { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '' },
    ...result,
    importExport,
    bundle: await bundleSizes(PRODUCTION_DIR),
    notes: [
      'Bytes are UTF-8 JSON of every row added or put (auto-assigned ids included), counted by a Dexie DBCore middleware; IndexedDB on disk differs.',
      'originUsage is navigator.storage.estimate() for the whole extension origin: every database (the extension also runs its own), logs not yet compacted; noisy.',
      'Timings include the byte meter, and run on a headless Chromium of this machine.',
      "Import: from choosing the file to the preview (read in a worker, sessions staged in the service as they are read), then from clicking Import to its message (one transaction). Memory: peak PSS of all the browser profile's processes, sampled every 50 ms, minus its settled value before the import, in runs of their own (sampling costs about 40 ms of CPU each time, which would slow the timed runs).",
    ],
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `bench-${timestamp.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${summary(report)}\n\nreport: ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
