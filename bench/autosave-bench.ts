import { autosaveOnce, type AutosaveOutcome } from '../lib/autosave';
import type { AutosaveSettings } from '../lib/settings';
import type { WriteTally } from './byte-meter';
import { dropRig, makeRig, type Rig, type RigOptions } from './rig';
import { checkStore } from './store-checks';
import { stats } from './stats';
import { storageSize, originUsage } from './storage-size';
import { changeRandomTabs } from './synthetic-browser';

export interface BenchOptions extends RigOptions {
  autosaves: number;
  /** Tabs navigated to a new URL and title before each autosave. */
  changedTabs: number;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  autosaves: 1000,
  changedTabs: 5,
  windows: 5,
  tabsPerWindow: 100,
  seed: 20_261_121,
  // A Monday, 06:00 UTC: 1,000 periods of 15 minutes then span about ten and a half days.
  start: Date.UTC(2026, 0, 5, 6),
};

export const TARGET_FRACTION = 0.05;
const PERIOD_MS = 15 * 60_000;
// keepLast is capped at 100 in the settings form; the service takes any number.
const KEEP_EVERYTHING: AutosaveSettings = { periodMinutes: 15, keepLast: 1_000_000, keepDays: 0 };

const elapsed = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const result = await run();
  return [result, performance.now() - t0];
};

function expectSaved(outcome: AutosaveOutcome, what: string): void {
  if (!('saved' in outcome)) throw new Error(`${what} was skipped (${outcome.skipped}).`);
}

/** Per-table means of many tallies, to show where the bytes of one autosave go. */
function meanByTable(tallies: readonly WriteTally[], field: 'bytesByTable' | 'rowsByTable') {
  const sums: Record<string, number> = {};
  for (const tally of tallies) {
    for (const [table, n] of Object.entries(tally[field])) sums[table] = (sums[table] ?? 0) + n;
  }
  return Object.fromEntries(
    Object.entries(sums).map(([table, n]) => [table, Math.round((n / tallies.length) * 100) / 100]),
  );
}

async function fullSnapshot(options: BenchOptions) {
  const rig = await makeRig('bench-full-snapshot', options);
  const [{ session }, ms] = await elapsed(() => rig.service.save({ name: 'Benchmark' }));
  const written = rig.meter.take();
  await dropRig(rig);
  return {
    bytes: written.bytesByTable.bodies ?? 0,
    tabs: session.tabCount,
    bytesAllTables: written.bytes,
    msSave: Math.round(ms * 100) / 100,
  };
}

/** Changes tabs, advances the clock, and runs one autosave `step` per period. */
async function autosaveSeries(
  rig: Rig,
  options: BenchOptions,
  label: string,
  step: () => Promise<void>,
): Promise<WriteTally[]> {
  const tallies: WriteTally[] = [];
  for (let i = 1; i <= options.autosaves; i++) {
    rig.clock.now += PERIOD_MS;
    changeRandomTabs(rig.rand, rig.browserState, options.changedTabs);
    rig.meter.take();
    await step();
    tallies.push(rig.meter.take());
    if (i % 100 === 0) console.log(`bench: ${label} ${i}/${options.autosaves}`);
  }
  return tallies;
}

async function finalStorage(rig: Rig) {
  return {
    ...(await storageSize(rig.db)),
    ...(await checkStore(rig)),
    origin: await originUsage(),
  };
}

async function defaultRetention(options: BenchOptions) {
  const rig = await makeRig('bench-default-retention', options);
  expectSaved(await rig.service.autosave(), 'The first autosave');
  const first = rig.meter.take();
  const ms: number[] = [];
  const tallies = await autosaveSeries(rig, options, 'default retention', async () => {
    const [outcome, took] = await elapsed(() => rig.service.autosave());
    expectSaved(outcome, 'An autosave after a change');
    ms.push(took);
  });
  rig.clock.now += PERIOD_MS;
  const [unchanged, msUnchanged] = await elapsed(() => rig.service.autosave());
  const unchangedBytes = rig.meter.take().bytes;
  const storage = await finalStorage(rig);
  await dropRig(rig);
  return {
    firstAutosaveBytes: first.bytes,
    bytesPerAutosave: stats(tallies.map((t) => t.bytes)),
    meanBytesByTable: meanByTable(tallies, 'bytesByTable'),
    meanRowsByTable: meanByTable(tallies, 'rowsByTable'),
    unchangedAutosave: {
      outcome: 'saved' in unchanged ? 'saved' : unchanged.skipped,
      bytes: unchangedBytes,
      ms: Math.round(msUnchanged * 100) / 100,
    },
    msPerAutosave: stats(ms),
    storage,
  };
}

async function keepEverything(options: BenchOptions) {
  const rig = await makeRig('bench-keep-everything', options);
  const msLive: number[] = [];
  const msAutosave: number[] = [];
  const step = async (): Promise<void> => {
    const [live, tookLive] = await elapsed(() => rig.service.recordLive());
    if (live !== 'written') throw new Error(`recordLive after a change: ${live}`);
    const [outcome, took] = await elapsed(() =>
      autosaveOnce(rig.db, {
        now: rig.clock.now,
        id: crypto.randomUUID(),
        origin: 'chrome',
        settings: KEEP_EVERYTHING,
      }),
    );
    expectSaved(outcome, 'An autosave after a change');
    msLive.push(tookLive);
    msAutosave.push(took);
  };
  await step();
  rig.meter.take();
  const afterFirst = (await storageSize(rig.db)).logicalBytes;
  const tallies = await autosaveSeries(rig, options, 'keep everything', step);
  const storage = await finalStorage(rig);
  await dropRig(rig);
  return {
    settings: KEEP_EVERYTHING,
    bytesPerAutosave: stats(tallies.map((t) => t.bytes)),
    // What each autosave leaves behind, as opposed to what it writes (rows it overwrites).
    storedBytesPerAutosave: Math.round((storage.logicalBytes - afterFirst) / options.autosaves),
    msPerRecordLive: stats(msLive),
    msPerAutosaveOnce: stats(msAutosave),
    storage,
  };
}

/** The whole autosave benchmark, in this extension page. */
export async function runBench(overrides: Partial<BenchOptions> = {}) {
  const options = { ...DEFAULT_OPTIONS, ...overrides };
  const originAtStart = await originUsage();
  const full = await fullSnapshot(options);
  console.log(`bench: full snapshot ${full.bytes} bytes`);
  const defaults = await defaultRetention(options);
  const everything = await keepEverything(options);
  const fraction = defaults.bytesPerAutosave.mean / full.bytes;
  return {
    options,
    originUsageAtStart: originAtStart,
    fullSnapshotBytes: full.bytes,
    fullSnapshot: full,
    bytesPerAutosave: defaults.bytesPerAutosave,
    fractionOfFullSnapshot: Math.round(fraction * 10_000) / 10_000,
    target: TARGET_FRACTION,
    pass: fraction <= TARGET_FRACTION,
    defaultRetention: defaults,
    keepEverything: {
      ...everything,
      storedFractionOfFullSnapshot:
        Math.round((everything.storedBytesPerAutosave / full.bytes) * 10_000) / 10_000,
      // What the same autosaves would take as full copies, for scale.
      fullCopiesBytes: full.bytes * (options.autosaves + 1),
    },
  };
}
