import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabkeepDb } from '@/lib/db';
import { UserError } from '@/lib/errors';
import { listLiveSessions } from '@/lib/session-index';
import { rawState, rawTab, rawWindow } from './fakes';
import { speak } from './locale-fake';
import { Harness } from './service-harness';

let h: Harness;
let db: TabkeepDb;

function makeService() {
  return h.service();
}

beforeEach(() => {
  h = new Harness();
  db = h.db;
  h.browser = rawState([
    rawWindow([
      rawTab('https://a.test/', { pinned: true }),
      rawTab('https://b.test/', { active: true }),
    ]),
    rawWindow([rawTab('https://c.test/')]),
  ]);
});

afterEach(() => h.close());

describe('save', () => {
  it('stores a summary and a body apart, with counts, hash and default name', async () => {
    const { session } = await makeService().save({});
    expect(session).toMatchObject({
      id: 'id-1',
      kind: 'manual',
      windowCount: 2,
      tabCount: 3,
      createdAt: h.clock,
      origin: 'chrome',
      deletedAt: 0,
    });
    expect(session.name).toMatch(/a\.test, b\.test \+1$/);
    expect(session.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.summaries.get('id-1')).toEqual(session);
    expect(await h.urlsOf('id-1')).toEqual([
      ['https://a.test/', 'https://b.test/'],
      ['https://c.test/'],
    ]);
  });

  it('uses the name given, cleaned up', async () => {
    const { session } = await makeService().save({ name: '  Research\n<b>bold</b> ' });
    expect(session.name).toBe('Research <b>bold</b>');
  });

  it('refuses a 10,000-character name and stores nothing', async () => {
    await expect(makeService().save({ name: 'n'.repeat(10_000) })).rejects.toThrow(
      /10,000 characters long/,
    );
    expect(await db.summaries.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
  });

  it('refuses to save a browser showing only a new-tab page', async () => {
    h.browser = rawState([rawWindow([rawTab('chrome://newtab/')])]);
    await expect(makeService().save({})).rejects.toThrow(new UserError('errorNothingToSaveBlank'));
    expect(await db.summaries.count()).toBe(0);
  });

  it('says when only private windows, which it may not see, are open', async () => {
    h.browser = rawState([rawWindow([rawTab('https://a.test/')], { incognito: true })]);
    await expect(makeService().save({})).rejects.toThrow(/only private windows/);
  });

  it('saves the rest when a window closes during the save', async () => {
    h.browser.windows.push(rawWindow([]));
    const { session } = await makeService().save({});
    expect(session.windowCount).toBe(2);
  });

  it('reports private windows it left out', async () => {
    h.browser.windows.push(rawWindow([rawTab('https://secret.test/')], { incognito: true }));
    const result = await makeService().save({});
    expect(result.skippedPrivateWindows).toBe(1);
    expect(result.session.tabCount).toBe(3);
  });

  it('keeps earlier sessions when a save fails half way', async () => {
    const service = makeService();
    await service.save({ name: 'first' });
    vi.spyOn(db.summaries, 'add').mockRejectedValueOnce(new Error('disk full'));
    await expect(service.save({ name: 'second' })).rejects.toThrow('disk full');
    expect((await listLiveSessions(db)).map((s) => s.name)).toEqual(['first']);
    // The transaction rolled back: no body without a summary.
    expect(await db.bodies.count()).toBe(1);
  });

  it('saves a session of 5,000 tabs', async () => {
    h.browser = rawState([
      rawWindow(Array.from({ length: 5000 }, (_, i) => rawTab(`https://site${i % 50}.test/${i}`))),
    ]);
    const { session } = await makeService().save({});
    expect(session.tabCount).toBe(5000);
    expect((await h.urlsOf(session.id))[0]![4999]).toBe('https://site49.test/4999');
  });
});

describe('list, rename, delete and undo', () => {
  it('lists live sessions newest first', async () => {
    const service = makeService();
    await service.save({ name: 'old' });
    h.clock += 1000;
    await service.save({ name: 'new' });
    expect((await listLiveSessions(db)).map((s) => s.name)).toEqual(['new', 'old']);
  });

  it('renames, updating updatedAt', async () => {
    const service = makeService();
    const { session } = await service.save({ name: 'before' });
    h.clock += 5;
    const renamed = await service.rename({ id: session.id, name: 'after' });
    expect(renamed).toMatchObject({
      name: 'after',
      updatedAt: h.clock,
      createdAt: session.createdAt,
    });
    expect((await db.summaries.get(session.id))!.name).toBe('after');
  });

  it('refuses an empty or too long new name and keeps the old one', async () => {
    const service = makeService();
    const { session } = await service.save({ name: 'kept' });
    await expect(service.rename({ id: session.id, name: '   ' })).rejects.toThrow(
      'A session needs a name.',
    );
    await expect(service.rename({ id: session.id, name: 'x'.repeat(201) })).rejects.toThrow(
      /at most 200/,
    );
    expect((await db.summaries.get(session.id))!.name).toBe('kept');
  });

  it('deletes into the trash and undo brings the session back whole', async () => {
    const service = makeService();
    const { session } = await service.save({ name: 'gone' });
    h.clock += 10;
    await service.remove({ id: session.id });
    expect(await listLiveSessions(db)).toEqual([]);
    expect((await db.summaries.get(session.id))!.deletedAt).toBe(h.clock);
    await service.undoRemove({ id: session.id });
    expect(await listLiveSessions(db)).toEqual([session]);
    await service.restore({ id: session.id });
    expect(h.restored[0]!.tabCount).toBe(3);
  });

  it('says so for a session that does not exist', async () => {
    const service = makeService();
    await expect(service.rename({ id: 'nope', name: 'x' })).rejects.toThrow(
      'That session no longer exists.',
    );
    await expect(service.remove({ id: 'nope' })).rejects.toThrow('That session no longer exists.');
    await expect(service.undoRemove({ id: 'nope' })).rejects.toThrow(
      'That session no longer exists.',
    );
  });

  it('will not restore or rename a deleted session', async () => {
    const service = makeService();
    const { session } = await service.save({});
    await service.remove({ id: session.id });
    await expect(service.restore({ id: session.id })).rejects.toThrow('no longer exists');
    await expect(service.rename({ id: session.id, name: 'x' })).rejects.toThrow('no longer exists');
  });
});

describe('restore', () => {
  it('plans the saved windows and reports what happened', async () => {
    h.browser = rawState(
      [
        rawWindow([rawTab('https://a.test/'), rawTab('javascript:alert(1)')]),
        rawWindow([rawTab('https://c.test/')], { incognito: true }),
      ],
      { incognitoAllowed: true },
    );
    const service = makeService();
    const { session } = await service.save({});
    const report = await service.restore({ id: session.id });
    expect(report).toEqual({
      windows: 2,
      tabs: 3,
      placeholders: 1,
      warnings: [
        '1 private window(s) opened as normal windows: Tabkeep is not allowed in private windows.',
      ],
    });
    expect(h.restored[0]!.windows.map((w) => w.incognito)).toEqual([false, false]);
  });

  it('refuses a damaged stored body with a clear message and changes nothing', async () => {
    const service = makeService();
    const { session } = await service.save({ name: 'Damaged' });
    await db.bodies.put({ id: session.id, windows: [{ tabs: 'nope' }] } as never);
    await expect(service.restore({ id: session.id })).rejects.toThrow(
      '“Damaged” cannot be opened: its stored data is damaged.',
    );
    expect(h.restored).toEqual([]);
    expect(await db.summaries.get(session.id)).toEqual(session);
  });

  it('refuses and warns in the browser’s language', async () => {
    speak('de');
    h.browser = rawState(
      [
        rawWindow([rawTab('https://a.test/')]),
        rawWindow([rawTab('https://c.test/')], { incognito: true }),
      ],
      { incognitoAllowed: true },
    );
    const service = makeService();
    const { session } = await service.save({ name: 'Arbeit' });
    expect((await service.restore({ id: session.id })).warnings).toEqual([
      'Private Fenster als normale Fenster geöffnet (1): Tabkeep ist in privaten Fenstern nicht erlaubt.',
    ]);
    await db.bodies.put({ id: session.id, windows: [{ tabs: 'nope' }] } as never);
    await expect(service.restore({ id: session.id })).rejects.toThrow(
      '„Arbeit“ kann nicht geöffnet werden: Die gespeicherten Daten sind beschädigt.',
    );
  });
});
