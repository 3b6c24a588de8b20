import { browser } from 'wxt/browser';
import { snapshotWindows } from '../lib/capture/map';
import { callService, callServiceBulk } from '../lib/client';
import type { ImportedSession } from '../lib/formats/imported';
import type { WindowSnap } from '../lib/model';
import { planRestore } from '../lib/restore/plan';
import { makeBrowser, seededRandom, type Random } from './synthetic-browser';

/*
 * Saved sessions for the popup, search and restore benchmarks, written by the real writer:
 * the service's import (stageImport, commitImport), as the settings page sends a file. So
 * summaries, bodies and search texts are what a person's sessions would have.
 */

export interface SeedOptions {
  sessions: number;
  windowsPerSession: number;
  tabsPerWindow: number;
  seed: number;
}

const HOUR_MS = 3_600_000;
const START = Date.UTC(2026, 0, 5, 6);
// About 2 MB of JSON a part at 200 tabs a session: well under Chrome's message limit.
const PART_TABS = 8000;

const browserWindows = (rand: Random, shape: { windows: number; tabsPerWindow: number }) =>
  snapshotWindows(makeBrowser(rand, { ...shape, now: START }), '').windows;

/** The same `seed` gives the same sessions; each session differs from the others. */
export function* generatedSessions(options: SeedOptions): Generator<ImportedSession> {
  const rand = seededRandom(options.seed);
  for (let n = 0; n < options.sessions; n++) {
    const createdAt = START - n * HOUR_MS;
    yield {
      name: `Session ${options.seed}-${n + 1}`,
      createdAt,
      updatedAt: createdAt,
      tags: [],
      windows: browserWindows(rand, {
        windows: options.windowsPerSession,
        tabsPerWindow: options.tabsPerWindow,
      }),
    };
  }
}

/** Imports `sessions` through the service in parts, as the settings page does. */
export async function importSessions(sessions: Iterable<ImportedSession>) {
  const importId = crypto.randomUUID();
  const t0 = performance.now();
  let part = 0;
  let batch: ImportedSession[] = [];
  let batchTabs = 0;
  const send = async () => {
    const sessionsJson = JSON.stringify(batch);
    batch = [];
    batchTabs = 0;
    await callServiceBulk('stageImport', { importId, part: part++, sessionsJson });
  };
  for (const session of sessions) {
    batch.push(session);
    batchTabs += session.windows.reduce((n, w) => n + w.tabs.length, 0);
    if (batchTabs >= PART_TABS) await send();
  }
  if (batch.length > 0) await send();
  const result = await callService('commitImport', { importId, parts: part });
  const ms = Math.round(performance.now() - t0);
  console.log(`bench: imported ${result.imported.length} sessions in ${ms} ms`);
  return {
    ids: result.imported.map((s) => s.id),
    sessions: result.imported.length,
    tabs: result.imported.reduce((n, s) => n + s.tabCount, 0),
    duplicates: result.duplicates,
    ms,
  };
}

/** Generated sessions, imported; the summaries' ids are left out (10,000 of them). */
export async function seedSessions(options: SeedOptions) {
  const { ids, ...rest } = await importSessions(generatedSessions(options));
  return { ...rest, firstId: ids[0] };
}

/**
 * One session of `windows` × `tabsPerWindow` tabs on `base` (the loopback server), each
 * tab its own path under `prefix`, so the server can count what a restore loads. With the
 * addresses a lazy restore of it opens, window by window, each window's active tab first:
 * a bare loop of those is the restore without the restore's own work.
 */
export async function seedLoopbackSession(options: {
  base: string;
  prefix: string;
  windows: number;
  tabsPerWindow: number;
  seed: number;
}): Promise<{ id: string; activeTabs: number; restoreUrls: string[] }> {
  const rand = seededRandom(options.seed);
  let n = 0;
  const windows: WindowSnap[] = browserWindows(rand, options).map((w) => ({
    ...w,
    tabs: w.tabs.map((tab) => ({ ...tab, url: `${options.base}${options.prefix}/${n++}` })),
  }));
  const now = Date.now();
  const { ids } = await importSessions([
    { name: `Restore ${options.prefix}`, createdAt: now, updatedAt: now, tags: [], windows },
  ]);
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const plan = planRestore(windows, { extensionOrigin, incognitoAllowed: false, lazy: 'page' });
  const restoreUrls = plan.windows.flatMap((w) =>
    [...w.tabs].sort((a, b) => Number(b.active) - Number(a.active)).map((t) => t.url ?? ''),
  );
  return {
    id: ids[0]!,
    activeTabs: windows.filter((w) => w.tabs.some((t) => t.active)).length,
    restoreUrls,
  };
}
