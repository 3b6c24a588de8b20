import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawTab } from '@/lib/capture/raw';
import { SharedBodySchema, type SessionSummary } from '@/lib/model';
import { LIVE_KEY, parseLiveRow } from '@/lib/run-state';
import { messageFor } from '@/lib/errors';
import { autosaveWithBadge } from '@/lib/run';
import { listLiveSessions } from '@/lib/session-index';
import { DEFAULT_SETTINGS, settingsRow } from '@/lib/settings';
import { rawState, rawTab, rawWindow } from './fakes';
import { installFaults, type Faults } from './faults';
import { Harness, recordingBadge } from './service-harness';

let h: Harness;
let faults: Faults;
let tabs: RawTab[];

const MINUTE = 60_000;

function openTabs(count: number) {
  tabs = Array.from({ length: count }, (_, i) => rawTab(`https://site${i % 7}.test/page/${i}`));
  h.browser = rawState([rawWindow(tabs.slice(0, count / 2)), rawWindow(tabs.slice(count / 2))]);
}

/** Navigates tab i of the open windows to a new address. */
function navigate(i: number, url: string) {
  const perWindow = h.browser.windows[0]!.tabs!.length;
  const tab = h.browser.windows[Math.floor(i / perWindow)]!.tabs![i % perWindow]!;
  tab.url = url;
  tab.title = `Title of ${url}`;
}

async function autosaves(): Promise<SessionSummary[]> {
  return (await listLiveSessions(h.db)).filter((s) => s.kind === 'autosave');
}

/** Every ref list a shared body or the live row holds, and every record in them. */
async function held(): Promise<{ lists: Set<number>; records: Set<number> }> {
  const lists = new Set<number>();
  for (const body of await h.db.bodies.toArray()) {
    if (v.is(SharedBodySchema, body)) lists.add(body.list);
  }
  const live = parseLiveRow(await h.db.state.get(LIVE_KEY));
  if (live !== null && live.list > 0) lists.add(live.list);
  const records = new Set<number>();
  for (const list of await h.db.refLists.bulkGet([...lists])) {
    list!.windows.forEach((w) => w.tabs.forEach((id) => records.add(id)));
  }
  return { lists, records };
}

async function expectNoOrphans() {
  const { lists, records } = await held();
  expect(new Set(await h.db.tabRecords.toCollection().primaryKeys())).toEqual(records);
  expect(new Set(await h.db.refLists.toCollection().primaryKeys())).toEqual(lists);
  const summaries = new Set(await h.db.summaries.toCollection().primaryKeys());
  expect(new Set(await h.db.bodies.toCollection().primaryKeys())).toEqual(summaries);
}

beforeEach(async () => {
  h = new Harness();
  faults = installFaults(h.db);
  openTabs(100);
  await h.service().beginRun('run-1', h.clock);
});

afterEach(() => h.close());

describe('change detection and shared records', () => {
  it('saves the first autosave, then skips an unchanged browser without writing anything', async () => {
    const service = h.service();
    const first = await service.autosave();
    expect(first).toMatchObject({ saved: { kind: 'autosave', tabCount: 100, windowCount: 2 } });
    faults.written.clear();
    h.clock += 15 * MINUTE;
    expect(await service.autosave()).toEqual({ skipped: 'unchanged' });
    expect(faults.written).toEqual(new Map());
    expect(await autosaves()).toHaveLength(1);
  });

  it('stores k changed tabs as k new records and a list of ids, never a second copy', async () => {
    const service = h.service();
    const first = await service.autosave();
    expect(await h.db.tabRecords.count()).toBe(100);
    [3, 40, 77].forEach((i) => navigate(i, `https://changed.test/${i}`));
    h.clock += 15 * MINUTE;
    faults.written.clear();
    const second = await service.autosave();
    expect(await h.db.tabRecords.count()).toBe(103);
    expect(faults.written.get('tabRecords')).toBe(3);
    // One new layout, written by the live snapshot; the autosave only points at it.
    expect(faults.written.get('refLists')).toBe(1);
    const body = await h.db.bodies.get((second as { saved: SessionSummary }).saved.id);
    const live = parseLiveRow(await h.db.state.get(LIVE_KEY))!;
    expect(body).toEqual({ id: (second as { saved: SessionSummary }).saved.id, list: live.list });
    expect(v.is(SharedBodySchema, body)).toBe(true);
    // Each autosave reads back as it was.
    const firstUrls = (await h.urlsOf((first as { saved: SessionSummary }).saved.id)).flat();
    const secondUrls = (await h.urlsOf((second as { saved: SessionSummary }).saved.id)).flat();
    expect(firstUrls[40]).toBe('https://site5.test/page/40');
    expect(secondUrls[40]).toBe('https://changed.test/40');
    expect(secondUrls.filter((u, i) => u !== firstUrls[i])).toHaveLength(3);
  });

  it('keeps no record that only an overwritten live snapshot held', async () => {
    const service = h.service();
    await service.autosave();
    for (let n = 0; n < 5; n++) {
      navigate(0, `https://flicker.test/${n}`);
      await service.recordLive();
    }
    // 100 held by the autosave, plus the tab's current state.
    expect(await h.db.tabRecords.count()).toBe(101);
    await expectNoOrphans();
  });

  it('keeps the state before the last window closed', async () => {
    const service = h.service();
    await service.recordLive();
    h.browser = rawState([]);
    expect(await service.recordLive()).toBe('kept-previous');
    expect(parseLiveRow(await h.db.state.get(LIVE_KEY))!.tabCount).toBe(100);
  });

  it('does not autosave a browser showing only a new-tab page', async () => {
    h.browser = rawState([rawWindow([rawTab('chrome://newtab/')])]);
    expect(await h.service().autosave()).toEqual({ skipped: 'nothing-open' });
    expect(await autosaves()).toEqual([]);
  });
});

describe('retention', () => {
  it('keeps the last N plus the newest of each recent day, and frees what it drops', async () => {
    await h.db.state.put(
      settingsRow({
        ...DEFAULT_SETTINGS,
        autosave: { periodMinutes: 15, keepLast: 3, keepDays: 2 },
      }),
    );
    const service = h.service();
    const start = new Date(2026, 10, 18, 9, 0).getTime();
    const saved: SessionSummary[] = [];
    // Three days, four autosaves a day, each after one tab changed.
    for (let day = 0; day < 3; day++) {
      for (let n = 0; n < 4; n++) {
        h.clock = start + day * 24 * 60 * MINUTE + n * 60 * MINUTE;
        navigate(n + day * 4, `https://day${day}.test/${n}`);
        const outcome = await service.autosave();
        saved.push((outcome as { saved: SessionSummary }).saved);
      }
    }
    const kept = (await autosaves()).map((s) => s.id);
    // The 3 newest (all on the last day), plus the newest of the day before; the oldest
    // day is beyond the 2 days kept.
    expect(kept).toEqual([saved[11]!.id, saved[10]!.id, saved[9]!.id, saved[7]!.id]);
    await expectNoOrphans();
    // What is kept still reads back whole.
    expect((await h.urlsOf(saved[7]!.id)).flat()).toContain('https://day1.test/3');
  });

  it('never drops a named session, and a kept copy outlives its autosave', async () => {
    await h.db.state.put(
      settingsRow({
        ...DEFAULT_SETTINGS,
        autosave: { periodMinutes: 15, keepLast: 1, keepDays: 0 },
      }),
    );
    const service = h.service();
    const named = (await service.save({ name: 'Mine' })).session;
    const first = (await service.autosave()) as { saved: SessionSummary };
    const kept = await service.keep({ id: first.saved.id });
    expect(kept).toMatchObject({ kind: 'manual', name: first.saved.name, tabCount: 100 });
    for (let n = 0; n < 3; n++) {
      navigate(n, `https://later.test/${n}`);
      h.clock += 15 * MINUTE;
      await service.autosave();
    }
    expect(await h.db.summaries.get(first.saved.id)).toBeUndefined();
    expect((await h.urlsOf(kept.id)).flat()[0]).toBe('https://site0.test/page/0');
    expect((await h.urlsOf(named.id)).flat()).toHaveLength(100);
    await expectNoOrphans();
  });
});

describe('faults', () => {
  it('when the disk is full, drops the oldest autosaves first and keeps named sessions', async () => {
    const service = h.service();
    const named = (await service.save({ name: 'Mine' })).session;
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      navigate(n, `https://before.test/${n}`);
      h.clock += 15 * MINUTE;
      ids.push(((await service.autosave()) as { saved: SessionSummary }).saved.id);
    }
    navigate(50, 'https://after.test/');
    h.clock += 15 * MINUTE;
    faults.quotaFailures = 2;
    const outcome = (await service.autosave()) as { saved: SessionSummary };
    const left = (await autosaves()).map((s) => s.id);
    expect(left).toEqual([outcome.saved.id, ids[3], ids[2]]);
    expect(await h.db.summaries.get(named.id)).toEqual(named);
    await expectNoOrphans();
  });

  it('tells the user on the badge when nothing can be freed, and clears it once it works', async () => {
    const badge = recordingBadge();
    faults.quotaFailures = 1_000;
    await autosaveWithBadge(h.service(), badge);
    expect(badge.warnings.get('autosave')).toMatch(/last autosave failed. There is no room left/);
    expect(await autosaves()).toEqual([]);
    faults.quotaFailures = 0;
    await autosaveWithBadge(h.service(), badge);
    expect(badge.warnings.has('autosave')).toBe(false);
    expect(await autosaves()).toHaveLength(1);
  });

  it('a database closing in the middle of an autosave leaves it all or nothing, and the next one works', async () => {
    const service = h.service();
    const named = (await service.save({ name: 'Mine' })).session;
    navigate(1, 'https://closing.test/');
    await service.recordLive();
    // The autosave's body gets written, then the connection closes under its summary.
    faults.closeAfterWrites = 1;
    const failure = await service.autosave().then(
      () => 'saved',
      (error: unknown) => messageFor(error),
    );
    expect(failure).toMatch(
      /database closed in the middle of the operation; nothing was half-written/,
    );
    await h.db.open();
    expect(await h.db.bodies.count()).toBe(1);
    expect(await autosaves()).toEqual([]);
    await expectNoOrphans();
    expect(await h.db.summaries.get(named.id)).toEqual(named);
    navigate(2, 'https://reopened.test/');
    h.clock += 15 * MINUTE;
    h.db.close();
    expect(await service.autosave()).toMatchObject({ saved: { kind: 'autosave' } });
    expect((await autosaves())[0]!.tabCount).toBe(100);
  });
});
