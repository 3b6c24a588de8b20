// `npm run bench`: builds the extension twice (production, for bundle sizes; bench mode, for
// the benchmark pages), runs the benchmarks in real Chromium, and writes
// bench-results/bench-<timestamp>.json. A missed target is reported, not a failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchFilesIn, bundleSizes } from './bench/bundle-sizes.mjs';
import { chromiumVersion, withExtensionPage } from './bench/chromium.mjs';
import { importExportBench } from './bench/import-bench.mjs';
import { popupBench } from './bench/popup-bench.mjs';
import { restoreBench } from './bench/restore-bench.mjs';
import { saveBench } from './bench/save-bench.mjs';
import { searchBench } from './bench/search-bench.mjs';

const PRODUCTION_DIR = resolve('.output/chrome-mv3');
const BENCH_DIR = resolve('.output/chrome-mv3-bench');
const RESULTS_DIR = resolve('bench-results');
// autosave: issue 3; import: issue 4 (import and export); the rest: issue 6.
const PARTS = ['autosave', 'import', 'save', 'popup', 'search', 'restore', 'bundle'];
// Issue 6: the popup's JS, gzipped, in bytes (KB as 1,000 bytes).
const POPUP_GZIP_TARGET = 50_000;

const { values: args } = parseArgs({
  options: {
    // Fewer autosaves for a quick look; the report says how many ran.
    autosaves: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    // Some parts only, comma-separated: see PARTS.
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

function osName() {
  try {
    return /^PRETTY_NAME="?([^"\n]*)/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

function machine() {
  return {
    node: process.version,
    chromium: chromiumVersion(),
    os: `${osName() ?? os.type()} (${os.type()} ${os.release()} ${os.arch()})`,
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

const ms = (stat) => `median ${stat.median} ms, p95 ${stat.p95} ms (n=${stat.count})`;
const verdict = (part, value) => `${value} (target ${part.target}: ${part.pass ? 'PASS' : 'FAIL'})`;

function issue6Summary(r) {
  const lines = [];
  if (r.save) {
    lines.push(
      `save of ${r.save.tabsSaved} tabs: ${ms(r.save.saveMs)}; windows.getAll: ${ms(r.save.getAllMs)}; ` +
        `ratio ${verdict(r.save, r.save.ratio)}`,
      ...(r.save.steps
        ? [
            `  its steps, medians: read ${r.save.steps.readMs.median}, map ${r.save.steps.mapMs.median}, ` +
              `hash ${r.save.steps.hashMs.median}, search text ${r.save.steps.searchTextMs.median} ms; ` +
              'the rest is the message and the transaction',
          ]
        : []),
    );
  }
  if (r.popup) {
    for (const level of r.popup.levels) {
      lines.push(
        `popup first row at ${level.sessions} sessions: ${ms(level.popupMs)}; blank page ${ms(level.blankMs)}; ratio ${level.ratio}; blank page with one empty script ${ms(level.oneScriptMs)}, ratio ${level.oneScriptRatio}`,
      );
    }
    lines.push(
      `  ratio at 10,000 ${verdict(r.popup, r.popup.ratioAt10000)}; t(10,000)/t(10) ${r.popup.flatness.t10000OverT10}`,
    );
  }
  if (r.search) {
    lines.push(
      r.search.error
        ? `search: ${r.search.error}`
        : `search over ${r.search.data.tabs} tabs: p50 ${r.search.perQueryMs.median} ms, ` +
            `max ${r.search.perQueryMs.max} ms, first query ${r.search.firstQuery.map((q) => q.ms).join(' / ')} ms; ` +
            `p95 ${verdict(r.search, r.search.perQueryMs.p95)}`,
    );
  }
  if (r.restore) {
    const loaded = r.restore.pagesLoadedByRestore;
    lines.push(
      `restore of ${r.restore.tabs} tabs: ${ms(r.restore.restoreMs)}; bare tabs.create loop ${ms(r.restore.bareLoopMs)}; ` +
        `ratio ${verdict(r.restore, r.restore.ratio)}`,
      `  pages the restore loaded: ${verdict(loaded, loaded.worstRun)}`,
      `  CPU ms by process, restore: ${JSON.stringify(r.restore.cpuMsByProcess.restore)}; bare loop: ${JSON.stringify(r.restore.cpuMsByProcess.bareLoop)}`,
    );
  }
  if (r.bundleTarget) {
    lines.push(`popup JS gzipped: ${verdict(r.bundleTarget, `${r.bundleTarget.gzipBytes} bytes`)}`);
  }
  return lines.join('\n');
}

function summary(report) {
  const tail = [
    ...(report.importExport ? [importSummary(report.importExport)] : []),
    issue6Summary(report),
  ].filter(Boolean);
  if (report.defaultRetention === undefined) return tail.join('\n');
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
    ...tail,
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
  const only = args.only === undefined ? PARTS : args.only.split(',').map((p) => p.trim());
  const unknown = only.filter((part) => !PARTS.includes(part));
  if (unknown.length > 0)
    throw new Error(`--only takes some of ${PARTS.join(', ')}; not ${unknown}`);
  const runs = (part) => only.includes(part);
  // Heaviest last: a failure late in the run loses less.
  const result = runs('autosave') ? await runInChromium(overrides) : {};
  const bundle = await bundleSizes(PRODUCTION_DIR);
  const issue6 = {
    ...(runs('save') && { save: await saveBench({ extensionDir: BENCH_DIR }) }),
    ...(runs('popup') && { popup: await popupBench({ extensionDir: BENCH_DIR }) }),
    ...(runs('search') && { search: await searchBench({ extensionDir: BENCH_DIR }) }),
    ...(runs('restore') && { restore: await restoreBench({ extensionDir: BENCH_DIR }) }),
    ...(runs('bundle') && {
      bundleTarget: {
        gzipBytes: bundle.popup.gzip,
        target: POPUP_GZIP_TARGET,
        pass: bundle.popup.gzip <= POPUP_GZIP_TARGET,
        measure: 'gzip -9 of every JS and CSS file popup.html loads, production build',
      },
    }),
  };
  const importExport = runs('import')
    ? await importExportBench({ extensionDir: PRODUCTION_DIR })
    : undefined;
  const report = {
    benchmark:
      'autosave storage (issue 3); import and export (issue 4); save, popup, search, restore, bundle (issue 6)',
    parts: only,
    timestamp,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    machine: { ...before, loadAverageAfter: machine().loadAverage },
    git: { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '' },
    ...result,
    importExport,
    ...issue6,
    bundle,
    notes: [
      'Bytes are UTF-8 JSON of every row added or put (auto-assigned ids included), counted by a Dexie DBCore middleware; IndexedDB on disk differs.',
      'originUsage is navigator.storage.estimate() for the whole extension origin: every database (the extension also runs its own), logs not yet compacted; noisy.',
      'Timings include the byte meter, and run on a headless Chromium of this machine.',
      "Import: from choosing the file to the preview (read in a worker, sessions staged in the service as they are read), then from clicking Import to its message (one transaction). Memory: peak PSS of all the browser profile's processes, sampled every 50 ms, minus its settled value before the import, in runs of their own (sampling costs about 40 ms of CPU each time, which would slow the timed runs).",
      'Issue 6 (save, popup, search, restore): the bench build (same code as production, plus bench.html and bench-blank.html), a fresh profile each part; compared runs interleave and medians count, because the 2-core machine is shared with other browsers (see machine.loadAverage). Each part says what it measures in its own "measure".',
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
