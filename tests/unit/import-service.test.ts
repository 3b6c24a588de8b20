import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportSessions } from '@/lib/export';
import { parseTabkeep } from '@/lib/formats/own';
import { parseTabSessionManager } from '@/lib/formats/tab-session-manager';
import { listLiveSessions } from '@/lib/session-index';
import { rawState, rawTab, rawWindow } from './fakes';
import { installFaults } from './faults';
import { fixtureJson } from './formats/helpers';
import { Harness } from './service-harness';

let h: Harness;

beforeEach(() => {
  h = new Harness();
  h.browser = rawState([
    rawWindow([rawTab('https://a.test/', { pinned: true }), rawTab('https://b.test/')]),
    rawWindow([rawTab('https://c.test/', { active: true })]),
  ]);
});

afterEach(() => h.close());

const tsm = () =>
  parseTabSessionManager(fixtureJson('tab_session_manager_7.3_export_all.json'), { now: 0 });

describe('importSessions', () => {
  it('adds every session as kind import, keeping its date, and opens it whole', async () => {
    const parsed = tsm();
    const { imported, duplicates } = await h
      .service()
      .importSessions({ sessions: parsed.sessions });
    expect(duplicates).toBe(0);
    expect(imported.map((s) => [s.name, s.kind, s.createdAt])).toEqual(
      parsed.sessions.map((s) => [s.name, 'import', s.createdAt]),
    );
    for (const [i, session] of imported.entries()) {
      expect(await h.urlsOf(session.id)).toEqual(
        parsed.sessions[i]!.windows.map((w) => w.tabs.map((t) => t.url)),
      );
    }
  });

  it('does not import twice what is already kept, nor a session its own export holds', async () => {
    const service = h.service();
    await service.importSessions({ sessions: tsm().sessions });
    const again = await service.importSessions({ sessions: tsm().sessions });
    expect(again).toEqual({ imported: [], duplicates: 3 });

    await service.save({ name: 'Mine' });
    const file = await exportSessions(h.db, {
      appVersion: '0.1.0',
      browser: 'chrome',
      now: h.clock,
    });
    const back = parseTabkeep(JSON.parse(JSON.stringify(file)), { now: 0 });
    expect(await service.importSessions({ sessions: back.sessions })).toEqual({
      imported: [],
      duplicates: 4,
    });
    expect(await listLiveSessions(h.db)).toHaveLength(4);
  });

  it('is all or nothing: a failure half way leaves what was there', async () => {
    const faults = installFaults(h.db);
    const service = h.service();
    const mine = (await service.save({ name: 'Mine' })).session;
    // Two rows of the import get written, then the connection closes under the third.
    faults.closeAfterWrites = 2;
    await expect(service.importSessions({ sessions: tsm().sessions })).rejects.toThrow(/closing/);
    await h.db.open();
    expect(await listLiveSessions(h.db)).toEqual([mine]);
    expect(await h.db.bodies.count()).toBe(1);
  });

  it('moves sessions to another profile: export here, import into an empty store, same windows', async () => {
    const service = h.service();
    const mine = (await service.save({ name: 'Mine' })).session;
    const file = await exportSessions(h.db, {
      appVersion: '0.1.0',
      browser: 'chrome',
      now: h.clock,
    });
    const other = new Harness();
    try {
      const back = parseTabkeep(JSON.parse(JSON.stringify(file)), { now: 0 });
      const { imported } = await other.service().importSessions({ sessions: back.sessions });
      expect(imported.map((s) => [s.name, s.hash])).toEqual([['Mine', mine.hash]]);
      expect(await other.urlsOf(imported[0]!.id)).toEqual(await h.urlsOf(mine.id));
    } finally {
      await other.close();
    }
  });

  it('keeps the unknown fields of a Tabkeep file through the store and out again', async () => {
    const file = {
      format: 'tabkeep',
      version: 1,
      sessions: [
        {
          name: 'From a later Tabkeep',
          pinnedNote: 'keep me',
          windows: [{ layout: 'grid', tabs: [{ url: 'https://x.test/', readingTime: 7 }] }],
        },
      ],
    };
    const parsed = parseTabkeep(file, { now: h.clock });
    const { imported } = await h.service().importSessions({ sessions: parsed.sessions });
    expect(imported).toHaveLength(1);
    const out = JSON.parse(
      JSON.stringify(
        await exportSessions(h.db, { appVersion: '0.1.0', browser: 'chrome', now: h.clock }),
      ),
    ) as typeof file;
    const session = out.sessions.find((s) => s.name === 'From a later Tabkeep')!;
    expect(session.pinnedNote).toBe('keep me');
    expect(session.windows[0]).toMatchObject({
      layout: 'grid',
      tabs: [{ url: 'https://x.test/', readingTime: 7 }],
    });
  });
});
