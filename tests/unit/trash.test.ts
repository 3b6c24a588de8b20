import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysLeft, listTrash } from '@/lib/trash';
import { chromeCookie } from './cookies/fixtures';
import { rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

const DAY = 24 * 60 * 60 * 1000;
let h: Harness;

beforeEach(() => {
  h = new Harness();
  h.browser = rawState([rawWindow([rawTab('https://a.test/'), rawTab('https://b.test/')])]);
});

afterEach(() => h.close());

async function rows(id: string) {
  return [
    await h.db.summaries.get(id),
    await h.db.bodies.get(id),
    await h.db.cookieJars.get(id),
    await h.db.searchTexts.get(id),
  ].map((row) => row !== undefined);
}

describe('trash', () => {
  it('counts the days left before a deleted session is purged', () => {
    expect(daysLeft(0, 0)).toBe(30);
    expect(daysLeft(0, 1)).toBe(30);
    expect(daysLeft(0, 29.5 * DAY)).toBe(1);
    expect(daysLeft(0, 31 * DAY)).toBe(0);
  });

  it('lists deleted sessions, the last deleted first', async () => {
    const service = h.service();
    const a = (await service.save({ name: 'a' })).session;
    const b = (await service.save({ name: 'b' })).session;
    await service.save({ name: 'live' });
    await service.remove({ id: b.id });
    h.clock += 1000;
    await service.remove({ id: a.id });
    expect((await listTrash(h.db)).map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('purges sessions deleted more than 30 days ago, with cookies and search text', async () => {
    h.cookies.jar = [chromeCookie({ domain: 'a.test' })];
    const service = h.service();
    const old = (await service.save({ name: 'old', cookies: 'sites' })).session;
    const recent = (await service.save({ name: 'recent' })).session;
    const live = (await service.save({ name: 'live' })).session;
    expect(await rows(old.id)).toEqual([true, true, true, true]);
    await service.remove({ id: old.id });
    h.clock += 10 * DAY;
    await service.remove({ id: recent.id });
    h.clock += 20 * DAY - 1;
    expect(await service.purgeTrash()).toBe(0);
    h.clock += 1;
    expect(await service.purgeTrash()).toBe(1);
    expect(await rows(old.id)).toEqual([false, false, false, false]);
    expect(await rows(recent.id)).toEqual([true, true, false, true]);
    expect(await rows(live.id)).toEqual([true, true, false, true]);
  });

  it('purging an autosave sweeps the tab records nothing holds any more', async () => {
    const service = h.service();
    const first = await service.autosave();
    h.browser = rawState([rawWindow([rawTab('https://c.test/')])]);
    h.clock += 60_000;
    await service.autosave();
    if (!('saved' in first)) throw new Error('no autosave');
    const held = async () => (await h.db.tabRecords.toArray()).map((r) => r.tab.url).sort();
    expect(await held()).toEqual(['https://a.test/', 'https://b.test/', 'https://c.test/']);
    await service.remove({ id: first.saved.id });
    h.clock += 31 * DAY;
    expect(await service.purgeTrash()).toBe(1);
    expect(await h.db.summaries.get(first.saved.id)).toBeUndefined();
    // The live snapshot and the second autosave still hold c.
    expect(await held()).toEqual(['https://c.test/']);
  });

  it('deletes one session forever, only from the trash', async () => {
    const service = h.service();
    const session = (await service.save({ name: 'x' })).session;
    await expect(service.deleteForever({ id: session.id })).rejects.toThrow(
      'That session is not in the trash.',
    );
    expect(await rows(session.id)).toEqual([true, true, false, true]);
    await service.remove({ id: session.id });
    await service.deleteForever({ id: session.id });
    expect(await rows(session.id)).toEqual([false, false, false, false]);
    await expect(service.undoRemove({ id: session.id })).rejects.toThrow(/no longer exists/);
  });

  it('empties the trash and leaves live sessions alone', async () => {
    const service = h.service();
    const a = (await service.save({ name: 'a' })).session;
    const b = (await service.save({ name: 'b' })).session;
    const live = (await service.save({ name: 'live' })).session;
    await service.remove({ id: a.id });
    await service.remove({ id: b.id });
    expect(await service.emptyTrash()).toEqual({ sessions: 2 });
    expect(await listTrash(h.db)).toEqual([]);
    expect(await rows(live.id)).toEqual([true, true, false, true]);
  });
});
