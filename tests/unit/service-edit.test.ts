import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '@/lib/hash';
import { SessionSummarySchema, type SessionSummary } from '@/lib/model';
import { readWindows } from '@/lib/store/bodies';
import * as v from 'valibot';
import { rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

let h: Harness;

beforeEach(() => {
  h = new Harness();
  h.browser = rawState([
    rawWindow([rawTab('https://a.test/', { active: true }), rawTab('https://b.test/')]),
    rawWindow([rawTab('https://c.test/'), rawTab('https://a.test/')]),
  ]);
});

afterEach(() => h.close());

async function saved(name = 'Work'): Promise<SessionSummary> {
  return (await h.service().save({ name })).session;
}

/** Everything stored for a session, to show a refused call changed nothing. */
async function stored(id: string) {
  return {
    summary: await h.db.summaries.get(id),
    body: await h.db.bodies.get(id),
    text: await h.db.searchTexts.get(id),
  };
}

describe('editTabs', () => {
  it('removes tabs, rewriting body, counts, hash, updatedAt and search text together', async () => {
    const session = await saved();
    h.clock += 60_000;
    const { session: edited, removed } = await h
      .service()
      .editTabs({ id: session.id, edit: { op: 'remove', tabs: [1, 2] } });
    expect(removed).toBe(2);
    expect(await h.urlsOf(session.id)).toEqual([['https://a.test/'], ['https://a.test/']]);
    const windows = await readWindows(h.db, edited);
    expect(edited).toMatchObject({ windowCount: 2, tabCount: 2, updatedAt: h.clock });
    expect(edited.createdAt).toBe(session.createdAt);
    expect(edited.hash).toBe(await contentHash(windows));
    expect(await h.db.summaries.get(session.id)).toEqual(edited);
    const text = (await h.db.searchTexts.get(session.id))!.text;
    expect(text).toContain('a.test');
    expect(text).not.toContain('b.test');
  });

  it('moves tabs to another window and to a new one', async () => {
    const session = await saved();
    const service = h.service();
    await service.editTabs({ id: session.id, edit: { op: 'move', tabs: [1], to: 1 } });
    expect(await h.urlsOf(session.id)).toEqual([
      ['https://a.test/'],
      ['https://c.test/', 'https://a.test/', 'https://b.test/'],
    ]);
    const { session: after } = await service.editTabs({
      id: session.id,
      edit: { op: 'move', tabs: [1], to: 'new' },
    });
    expect(await h.urlsOf(session.id)).toEqual([
      ['https://a.test/'],
      ['https://a.test/', 'https://b.test/'],
      ['https://c.test/'],
    ]);
    expect(after.windowCount).toBe(3);
  });

  it('removes duplicate tabs, keeping the first', async () => {
    const session = await saved();
    const { session: edited, removed } = await h
      .service()
      .editTabs({ id: session.id, edit: { op: 'dedupe' } });
    expect(removed).toBe(1);
    expect(edited.tabCount).toBe(3);
    expect(await h.urlsOf(session.id)).toEqual([
      ['https://a.test/', 'https://b.test/'],
      ['https://c.test/'],
    ]);
  });

  it('refuses bad edits with a clear message and changes nothing', async () => {
    const session = await saved();
    const before = await stored(session.id);
    const service = h.service();
    const edit = (e: Parameters<typeof service.editTabs>[0]['edit']) =>
      service.editTabs({ id: session.id, edit: e });
    await expect(edit({ op: 'remove', tabs: [4] })).rejects.toThrow(/no tab number 5/);
    await expect(edit({ op: 'move', tabs: [0], to: 2 })).rejects.toThrow(/no window number 3/);
    await expect(edit({ op: 'remove', tabs: [0, 1, 2, 3] })).rejects.toThrow(
      'That would leave the session without tabs: delete the session instead.',
    );
    await expect(service.editTabs({ id: 'nope', edit: { op: 'dedupe' } })).rejects.toThrow(
      'That session no longer exists.',
    );
    expect(await stored(session.id)).toEqual(before);
  });

  it('refuses to edit an autosave, which shares its tabs, and leaves it whole', async () => {
    const service = h.service();
    const outcome = await service.autosave();
    if (!('saved' in outcome)) throw new Error('no autosave');
    const id = outcome.saved.id;
    const before = await stored(id);
    const records = await h.db.tabRecords.count();
    await expect(service.editTabs({ id, edit: { op: 'dedupe' } })).rejects.toThrow(
      /cannot be edited: keep it as a named session first/,
    );
    expect(await stored(id)).toEqual(before);
    expect(await h.db.tabRecords.count()).toBe(records);
    // The copy Keep makes is editable.
    const kept = await service.keep({ id });
    expect((await service.editTabs({ id: kept.id, edit: { op: 'dedupe' } })).removed).toBe(1);
  });

  it('refuses a session in the trash', async () => {
    const session = await saved();
    await h.service().remove({ id: session.id });
    await expect(h.service().editTabs({ id: session.id, edit: { op: 'dedupe' } })).rejects.toThrow(
      'That session no longer exists.',
    );
  });
});

describe('merge', () => {
  it('makes a new named session of all windows; the originals stay', async () => {
    const first = await saved('Work');
    h.browser = rawState([rawWindow([rawTab('https://x.test/')])]);
    const second = await saved('Home');
    await h.service().setTags({ id: first.id, tags: ['job'] });
    await h.service().setTags({ id: second.id, tags: ['home', 'Job'] });
    const merged = await h.service().merge({ ids: [first.id, second.id] });
    expect(merged).toMatchObject({
      name: 'Merged: Work + Home',
      kind: 'manual',
      windowCount: 3,
      tabCount: 5,
      tags: ['job', 'home'],
    });
    expect(await h.urlsOf(merged.id)).toEqual([
      ['https://a.test/', 'https://b.test/'],
      ['https://c.test/', 'https://a.test/'],
      ['https://x.test/'],
    ]);
    expect((await h.db.searchTexts.get(merged.id))!.text).toContain('x.test');
    expect((await h.db.summaries.get(first.id))!.deletedAt).toBe(0);
    expect(await h.urlsOf(second.id)).toEqual([['https://x.test/']]);
  });

  it('takes a name given, and merges an autosave as a source', async () => {
    const named = await saved();
    const outcome = await h.service().autosave();
    if (!('saved' in outcome)) throw new Error('no autosave');
    const merged = await h.service().merge({ ids: [named.id, outcome.saved.id], name: ' Both ' });
    expect(merged).toMatchObject({ name: 'Both', tabCount: 8 });
  });

  it('refuses fewer than two sessions, or one that is gone, adding nothing', async () => {
    const session = await saved();
    const service = h.service();
    await expect(service.merge({ ids: [session.id] })).rejects.toThrow(/at least two sessions/);
    await expect(service.merge({ ids: [session.id, session.id] })).rejects.toThrow(
      /at least two sessions/,
    );
    await expect(service.merge({ ids: [session.id, 'gone'] })).rejects.toThrow(/no longer exists/);
    expect(await h.db.summaries.count()).toBe(1);
    expect(await h.db.bodies.count()).toBe(1);
  });
});

describe('tags and favourite', () => {
  it('stores tags trimmed and without repeats', async () => {
    const session = await saved();
    h.clock += 5;
    const tagged = await h.service().setTags({ id: session.id, tags: [' a ', 'A', '', 'b'] });
    expect(tagged).toMatchObject({ tags: ['a', 'b'], updatedAt: h.clock });
    expect((await h.db.summaries.get(session.id))!.tags).toEqual(['a', 'b']);
  });

  it('refuses too many tags and keeps the old ones', async () => {
    const session = await saved();
    await h.service().setTags({ id: session.id, tags: ['keep'] });
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    await expect(h.service().setTags({ id: session.id, tags: many })).rejects.toThrow(
      /at most 20 tags/,
    );
    expect((await h.db.summaries.get(session.id))!.tags).toEqual(['keep']);
  });

  it('stars and unstars a session without counting it as an edit', async () => {
    const session = await saved();
    h.clock += 5;
    const starred = await h.service().setFavourite({ id: session.id, favourite: true });
    expect(starred).toMatchObject({ favourite: true, updatedAt: session.updatedAt });
    // An edit afterwards keeps the star.
    await h.service().editTabs({ id: session.id, edit: { op: 'dedupe' } });
    expect((await h.db.summaries.get(session.id))!.favourite).toBe(true);
    await h.service().setFavourite({ id: session.id, favourite: false });
    expect((await h.db.summaries.get(session.id))!.favourite).toBe(false);
  });

  it('tags and stars an autosave too: they live in the summary, not the shared body', async () => {
    const outcome = await h.service().autosave();
    if (!('saved' in outcome)) throw new Error('no autosave');
    const starred = await h.service().setFavourite({ id: outcome.saved.id, favourite: true });
    expect(starred.favourite).toBe(true);
  });
});

describe('the summary schema', () => {
  it('accepts rows of older versions, which have no favourite', async () => {
    const session = await saved();
    const old: Record<string, unknown> = { ...session };
    delete old.favourite;
    expect(v.is(SessionSummarySchema, old)).toBe(true);
    expect(v.is(SessionSummarySchema, { ...old, favourite: true })).toBe(true);
    expect(v.is(SessionSummarySchema, { ...old, favourite: 'yes' })).toBe(false);
  });
});
