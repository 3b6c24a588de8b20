import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLazyUrl } from '@/lib/lazy-url';
import { LIVE_KEY, parseLiveRow } from '@/lib/run-state';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { listLiveSessions } from '@/lib/session-index';
import { groupSessions } from '@/lib/session-list';
import { ORIGIN, rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

let h: Harness;

beforeEach(() => {
  h = new Harness();
});

afterEach(() => h.close());

/** Saves a session of the given windows' URLs, then makes `open` the browser's windows. */
async function savedThenOpen(saved: string[][], open: string[][]) {
  h.browser = rawState(saved.map((urls) => rawWindow(urls.map((u) => rawTab(u)))));
  const { session } = await h.service().save({ name: 'Saved' });
  h.browser = rawState(open.map((urls) => rawWindow(urls.map((u) => rawTab(u)))));
  return session;
}

async function autosaveUrls(): Promise<string[][][]> {
  const { autosaves } = groupSessions(await listLiveSessions(h.db));
  return Promise.all(autosaves.map((s) => h.urlsOf(s.id)));
}

describe('restore: replace', () => {
  it('keeps the open windows as an autosave, opens the session, then closes the old windows', async () => {
    const session = await savedThenOpen(
      [['https://saved.test/']],
      [['https://old-1.test/', 'https://old-2.test/'], ['https://old-3.test/']],
    );
    const oldIds = h.browser.windows.map((w) => w.id);
    const keptWhenClosing: string[][][][] = [];
    h.onClose = async () => void keptWhenClosing.push(await autosaveUrls());

    const report = await h.service().restore({ id: session.id, mode: { kind: 'replace' } });

    expect(h.events).toEqual(['tabs', ...oldIds.map((id) => `close ${id}`)]);
    const kept = [[['https://old-1.test/', 'https://old-2.test/'], ['https://old-3.test/']]];
    // Already kept when the first window closed, and listed under Autosaves.
    expect(keptWhenClosing[0]).toEqual(kept);
    expect(await autosaveUrls()).toEqual(kept);
    expect(report).toMatchObject({ windows: 1, closedWindows: 2 });
  });

  it('closes nothing when the session did not fully open', async () => {
    const session = await savedThenOpen(
      [['https://saved-1.test/'], ['https://saved-2.test/']],
      [['https://old.test/']],
    );
    h.failWindows = 1;
    const report = await h.service().restore({ id: session.id, mode: { kind: 'replace' } });
    expect(h.events).toEqual(['tabs']);
    expect(report.closedWindows).toBe(0);
    expect(report.warnings).toContain(
      'The windows open before were left open, since the session did not fully open.',
    );
  });

  it('opens and closes nothing when what is open cannot be kept', async () => {
    const session = await savedThenOpen([['https://saved.test/']], [['https://old.test/']]);
    const service = h.service();
    service.autosave = () => Promise.reject(new Error('QuotaExceededError'));
    await expect(service.restore({ id: session.id, mode: { kind: 'replace' } })).rejects.toThrow(
      'QuotaExceededError',
    );
    expect(h.events).toEqual([]);
  });

  it('other modes close nothing and write no autosave', async () => {
    const session = await savedThenOpen([['https://saved.test/']], [['https://old.test/']]);
    for (const kind of ['windows', 'current', 'oneWindow'] as const) {
      await h.service().restore({ id: session.id, mode: { kind } });
    }
    expect(h.events).toEqual(['tabs', 'tabs', 'tabs']);
    expect(await autosaveUrls()).toEqual([]);
    expect(h.restored.map((p) => p.into)).toEqual(['new', 'current', 'new']);
  });
});

describe('restore: one tab', () => {
  it('opens the tab at that position across windows, in the current window', async () => {
    const session = await savedThenOpen(
      [['https://a.test/', 'https://b.test/'], ['https://c.test/']],
      [['https://old.test/']],
    );
    await h.service().restore({ id: session.id, mode: { kind: 'tab', index: 2 } });
    expect(h.restored[0]!.into).toBe('current');
    expect(h.restored[0]!.windows.map((w) => w.tabs.map((t) => t.url))).toEqual([
      ['https://c.test/'],
    ]);
    await expect(
      h.service().restore({ id: session.id, mode: { kind: 'tab', index: 3 } }),
    ).rejects.toThrow('That tab is no longer in the session.');
  });
});

describe('restore: lazy and progress', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `https://t${i}.test/`);

  it('plans lazy pages in Chrome and discarded tabs in Firefox, by default', async () => {
    const session = await savedThenOpen([many(3)], []);
    await h.service().restore({ id: session.id });
    expect(h.restored[0]!.windows[0]!.tabs.map((t) => parseLazyUrl(ORIGIN, t.url!)?.url)).toEqual([
      undefined,
      'https://t1.test/',
      'https://t2.test/',
    ]);
    h.browserName = 'firefox';
    await h.service().restore({ id: session.id });
    expect(h.restored[1]!.windows[0]!.tabs.map((t) => [t.url, t.discarded])).toEqual([
      ['https://t0.test/', false],
      ['https://t1.test/', true],
      ['https://t2.test/', true],
    ]);
  });

  it('loads every tab when lazy restore is off', async () => {
    const session = await savedThenOpen([many(3)], []);
    await h.service().saveSettings({ ...DEFAULT_SETTINGS, restore: { lazy: false } });
    await h.service().restore({ id: session.id });
    expect(h.restored[0]!.windows[0]!.tabs.map((t) => t.url)).toEqual(many(3));
    expect(h.restored[0]!.lazy).toBe(0);
  });

  it('reports progress only for restores of more than 20 tabs', async () => {
    const small = await savedThenOpen([many(20)], []);
    await h.service().restore({ id: small.id });
    expect(h.progress).toEqual([]);
    const big = await savedThenOpen([many(15), many(15)], []);
    await h.service().restore({ id: big.id });
    expect(h.progress).toHaveLength(30);
    expect(h.progress.at(-1)).toEqual([30, 30]);
  });
});

describe('restore and the live snapshot', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `https://t${i}.test/`);
  it('takes no live snapshot while tabs are opening, and one with them once they are open', async () => {
    const session = await savedThenOpen([many(3)], [['https://before.test/']]);
    const service = h.service();
    let live: Promise<unknown> | undefined;
    let readsWhileOpening = -1;
    h.duringRestore = async () => {
      const before = h.reads;
      live = service.recordLive();
      // Long enough for a snapshot that did not wait to have read the browser.
      for (let i = 0; i < 20; i++) await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 10));
      readsWhileOpening = h.reads - before;
      h.browser = rawState([
        rawWindow(['https://before.test/'].map((u) => rawTab(u))),
        rawWindow(many(3).map((u) => rawTab(u))),
      ]);
    };
    await service.restore({ id: session.id });
    expect(await live).toBe('written');
    expect(readsWhileOpening).toBe(0);
    const row = parseLiveRow(await h.db.state.get(LIVE_KEY));
    expect(row?.tabCount).toBe(4);
  });
});
