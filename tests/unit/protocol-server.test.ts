import { describe, expect, it } from 'vitest';
import { UserError } from '@/lib/errors';
import type { ServiceApi } from '@/lib/protocol';
import { dispatch } from '@/lib/protocol-server';

const calls: unknown[] = [];
const api: ServiceApi = {
  async save(req) {
    calls.push(['save', req]);
    return {
      session: {
        id: 's1',
        name: req.name ?? '',
        kind: 'manual',
        createdAt: 1,
        updatedAt: 1,
        tags: [],
        windowCount: 1,
        tabCount: 1,
        hash: 'h',
        origin: 'chrome',
        deletedAt: 0,
      },
      skippedPrivateWindows: 0,
    };
  },
  async rename() {
    throw new UserError('errorNameNeeded');
  },
  async remove() {
    throw new Error('database closed');
  },
  async undoRemove(req) {
    calls.push(['undoRemove', req]);
  },
  async restore(req) {
    calls.push(['restore', req]);
    return { windows: 0, tabs: 0, placeholders: 0, warnings: [] };
  },
  async forgetCookies() {
    return { sessions: 0 };
  },
  async keep() {
    throw new UserError('errorSessionGone');
  },
  async saveSettings(settings) {
    calls.push(['saveSettings', settings]);
    return settings;
  },
  async stageImport(req) {
    calls.push(['stageImport', req]);
    return { sessions: req.sessionsJson.length, windows: 0, tabs: 0, duplicates: 0, logins: 0 };
  },
  async commitImport(req) {
    calls.push(['commitImport', req]);
    return { imported: [], duplicates: 0 };
  },
  async cancelImport(req) {
    calls.push(['cancelImport', req]);
  },
  async holdImport(req) {
    calls.push(['holdImport', req]);
    return { held: true };
  },
  async editTabs(req) {
    calls.push(['editTabs', req]);
    throw new UserError('errorSessionGone');
  },
  async merge() {
    throw new UserError('errorSessionGone');
  },
  async setTags() {
    throw new UserError('errorSessionGone');
  },
  async setFavourite() {
    throw new UserError('errorSessionGone');
  },
  async deleteForever() {},
  async emptyTrash() {
    return { sessions: 0 };
  },
};

describe('dispatch', () => {
  it('ignores messages that are not ours', async () => {
    expect(await dispatch(api, 'hello')).toBeUndefined();
    expect(await dispatch(api, null)).toBeUndefined();
    expect(await dispatch(api, { type: 'other' })).toBeUndefined();
  });

  it('calls the named method with its argument and returns its value', async () => {
    calls.length = 0;
    const reply = await dispatch(api, { tabkeep: 1, method: 'save', arg: { name: 'X' } });
    expect(reply).toMatchObject({ ok: true, value: { session: { name: 'X' } } });
    await dispatch(api, { tabkeep: 1, method: 'undoRemove', arg: { id: 's1' } });
    expect(calls).toEqual([
      ['save', { name: 'X' }],
      ['undoRemove', { id: 's1' }],
    ]);
  });

  it('passes a user error through as it is, and wraps an internal one', async () => {
    expect(
      await dispatch(api, { tabkeep: 1, method: 'rename', arg: { id: 'a', name: '' } }),
    ).toEqual({
      ok: false,
      error: 'A session needs a name.',
    });
    expect(await dispatch(api, { tabkeep: 1, method: 'remove', arg: { id: 'a' } })).toEqual({
      ok: false,
      error: 'Something went wrong inside Tabkeep: database closed',
    });
  });

  it('refuses unknown methods, inherited names and malformed arguments before the service', async () => {
    calls.length = 0;
    expect(await dispatch(api, { tabkeep: 1, method: 'drop', arg: {} })).toEqual({
      ok: false,
      error: 'Unknown request "drop".',
    });
    expect(await dispatch(api, { tabkeep: 1, method: 'toString', arg: {} })).toMatchObject({
      ok: false,
    });
    expect(await dispatch(api, { tabkeep: 1, method: 'undoRemove', arg: { id: 7 } })).toMatchObject(
      {
        ok: false,
        error: expect.stringMatching(/^Malformed "undoRemove" request/),
      },
    );
    expect(await dispatch(api, { tabkeep: 1, method: 'save', arg: null })).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([]);
  });

  it('checks settings against their schema before the service sees them', async () => {
    calls.length = 0;
    const settings = {
      autosave: { periodMinutes: 0, keepLast: 10, keepDays: 7 },
      cookies: { saveByDefault: false, scope: 'sites' as const },
      restore: { lazy: true },
    };
    expect(await dispatch(api, { tabkeep: 1, method: 'saveSettings', arg: settings })).toEqual({
      ok: false,
      error: 'Malformed "saveSettings" request: The autosave period must be at least 1.',
    });
    settings.autosave.periodMinutes = 30;
    expect(
      await dispatch(api, { tabkeep: 1, method: 'saveSettings', arg: settings }),
    ).toMatchObject({ ok: true });
    expect(calls).toEqual([['saveSettings', settings]]);
  });

  it('passes each restore mode through and refuses unknown or malformed ones', async () => {
    calls.length = 0;
    const modes = [
      { kind: 'windows' },
      { kind: 'replace' },
      { kind: 'current' },
      { kind: 'oneWindow' },
      { kind: 'tab', index: 3 },
    ];
    for (const mode of modes) {
      const reply = await dispatch(api, { tabkeep: 1, method: 'restore', arg: { id: 's', mode } });
      expect(reply).toMatchObject({ ok: true });
    }
    expect(calls).toEqual(modes.map((mode) => ['restore', { id: 's', mode }]));
    for (const mode of [{ kind: 'tabs' }, { kind: 'tab' }, { kind: 'tab', index: -1 }, 'replace']) {
      const reply = await dispatch(api, { tabkeep: 1, method: 'restore', arg: { id: 's', mode } });
      expect(reply).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Malformed "restore"/),
      });
    }
    expect(calls).toHaveLength(modes.length);
  });

  it('checks the shape of import requests before the service sees them', async () => {
    calls.length = 0;
    const bad = { importId: 'i1', part: 0, sessionsJson: [{ name: 'x' }] };
    expect(await dispatch(api, { tabkeep: 1, method: 'stageImport', arg: bad })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Malformed "stageImport" request/),
    });
    const noParts = { importId: 'i1', parts: 0 };
    expect(await dispatch(api, { tabkeep: 1, method: 'commitImport', arg: noParts })).toMatchObject(
      { ok: false, error: expect.stringMatching(/^Malformed "commitImport" request/) },
    );
    expect(calls).toEqual([]);
  });

  it('checks tab edits as a union on their op before the service sees them', async () => {
    calls.length = 0;
    const edit = (e: unknown) =>
      dispatch(api, { tabkeep: 1, method: 'editTabs', arg: { id: 's1', edit: e } });
    for (const bad of [
      { op: 'drop', tabs: [0] },
      { op: 'remove', tabs: [] },
      { op: 'remove', tabs: [-1] },
      { op: 'remove', tabs: [1.5] },
      { op: 'move', tabs: [0] },
      { op: 'move', tabs: [0], to: 'elsewhere' },
    ]) {
      expect(await edit(bad)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Malformed "editTabs" request/),
      });
    }
    expect(calls).toEqual([]);
    await edit({ op: 'move', tabs: [2, 0], to: 'new' });
    await edit({ op: 'dedupe' });
    expect(calls).toEqual([
      ['editTabs', { id: 's1', edit: { op: 'move', tabs: [2, 0], to: 'new' } }],
      ['editTabs', { id: 's1', edit: { op: 'dedupe' } }],
    ]);
  });

  it('tells a page from an older version to reopen', async () => {
    expect(await dispatch(api, { tabkeep: 0, method: 'save', arg: {} })).toEqual({
      ok: false,
      error: 'Tabkeep was updated: close this page and open it again.',
    });
  });
});
