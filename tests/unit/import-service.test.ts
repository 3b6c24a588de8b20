import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportSessions } from '@/lib/export';
import { parseTabkeep } from '@/lib/formats/own';
import { parseTabSessionManager } from '@/lib/formats/tab-session-manager';
import type { ImportedSession } from '@/lib/formats/imported';
import { ImportStager, type CallService } from '@/lib/import-send';
import { contentHash } from '@/lib/hash';
import { importedTab, importedWindow } from '@/lib/formats/imported';
import { dispatch } from '@/lib/protocol-server';
import type { StagedSession } from '@/lib/import-staging';
import type { ArgOf, Method, ResultOf, ServiceReply } from '@/lib/protocol';
import type { SessionService } from '@/lib/service';
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
      .importSessions({ sessions: await staged(parsed.sessions) });
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
    await service.importSessions({ sessions: await staged(tsm().sessions) });
    const again = await service.importSessions({ sessions: await staged(tsm().sessions) });
    expect(again).toEqual({ imported: [], duplicates: 3 });

    await service.save({ name: 'Mine' });
    const file = await exportSessions(h.db, {
      appVersion: '0.1.0',
      browser: 'chrome',
      now: h.clock,
    });
    const back = parseTabkeep(JSON.parse(JSON.stringify(file)), { now: 0 });
    expect(await service.importSessions({ sessions: await staged(back.sessions) })).toEqual({
      imported: [],
      duplicates: 4,
    });
    expect(await listLiveSessions(h.db)).toHaveLength(4);
  });

  it('is all or nothing: a failure half way leaves what was there', async () => {
    const faults = installFaults(h.db);
    const service = h.service();
    const mine = (await service.save({ name: 'Mine' })).session;
    // The bodies get written (one bulk request), then the connection closes under the
    // summaries.
    faults.closeAfterWrites = 1;
    await expect(
      service.importSessions({ sessions: await staged(tsm().sessions) }),
    ).rejects.toThrow(/closing/);
    expect(faults.written.get('bodies')).toBeGreaterThan(1); // the save's one, and the import's
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
      const { imported } = await other
        .service()
        .importSessions({ sessions: await staged(back.sessions) });
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
    const { imported } = await h
      .service()
      .importSessions({ sessions: await staged(parsed.sessions) });
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

  it('takes a big import in parts over messages and writes it only at the commit', async () => {
    const service = h.service();
    const before = await h.db.summaries.count();
    const sessions = Array.from({ length: 5 }, (_, i) => bigSession(i, 9_000));
    const counts: number[] = [];
    const call = viaMessages(service, async (method) => {
      if (method === 'stageImport') counts.push(await h.db.summaries.count());
    });
    const stager = new ImportStager(call);
    for (const part of [sessions.slice(0, 2), sessions.slice(2, 4), sessions.slice(4)]) {
      stager.add(JSON.stringify(part));
    }
    expect(await stager.staged()).toEqual({
      sessions: 5,
      windows: 5,
      tabs: 45_000,
      duplicates: 0,
      logins: 0,
    });
    expect(counts).toEqual([before, before, before]);
    expect(await h.db.summaries.count()).toBe(before);
    const result = await stager.commit();
    expect(result.imported.map((s) => [s.name, s.tabCount])).toEqual(
      sessions.map((s) => [s.name, 9000]),
    );
    expect(result.imported[0]!.hash).toBe(await contentHash(sessions[0]!.windows));
    expect(await h.db.summaries.count()).toBe(before + 5);
  });

  it('counts for the preview what is new, what is kept already, and what the file repeats', async () => {
    const service = h.service();
    const [first, ...rest] = tsm().sessions;
    await service.importSessions({ sessions: await staged([first!]) });
    const stager = new ImportStager(viaMessages(service, async () => undefined));
    stager.add(JSON.stringify([first!, rest[0]!]));
    stager.add(JSON.stringify([rest[0]!, ...rest.slice(1)]));
    const tabs = rest.reduce((n, s) => n + s.windows.reduce((m, w) => m + w.tabs.length, 0), 0);
    expect(await stager.staged()).toEqual({
      sessions: rest.length,
      windows: rest.reduce((n, s) => n + s.windows.length, 0),
      tabs,
      duplicates: 2,
      logins: 0,
    });
    const { imported, duplicates } = await stager.commit();
    expect(imported.map((s) => s.name)).toEqual(rest.map((s) => s.name));
    expect(duplicates).toBe(0);
  });

  it('commits an import with nothing new as an empty one', async () => {
    const result = await new ImportStager(viaMessages(h.service(), async () => undefined)).commit();
    expect(result).toEqual({ imported: [], duplicates: 0 });
  });

  it('writes nothing when a part is lost or the service restarted, and says to import again', async () => {
    const service = h.service();
    const before = await h.db.summaries.count();
    const sessionsJson = JSON.stringify([bigSession(1, 3)]);
    const interrupted =
      /The import was interrupted .* Nothing was imported: import the file again\./;
    await service.stageImport({ importId: 'a', part: 0, sessionsJson });
    await expect(service.stageImport({ importId: 'a', part: 2, sessionsJson })).rejects.toThrow(
      interrupted,
    );
    await service.stageImport({ importId: 'b', part: 0, sessionsJson });
    await expect(service.commitImport({ importId: 'b', parts: 2 })).rejects.toThrow(interrupted);
    await service.stageImport({ importId: 'c', part: 0, sessionsJson });
    await expect(h.service().commitImport({ importId: 'c', parts: 1 })).rejects.toThrow(
      interrupted,
    );
    await expect(
      service.stageImport({ importId: 'e', part: 0, sessionsJson: '[{"name":' }),
    ).rejects.toThrow('Malformed import part: its sessions are not JSON.');
    await expect(
      service.stageImport({
        importId: 'e',
        part: 0,
        sessionsJson: '[{"name":"x","windows":[{}]}]',
      }),
    ).rejects.toThrow(/^Malformed import part: /);
    await service.stageImport({ importId: 'd', part: 0, sessionsJson });
    await service.cancelImport({ importId: 'd' });
    await expect(service.commitImport({ importId: 'd', parts: 1 })).rejects.toThrow(interrupted);
    expect(await h.db.summaries.count()).toBe(before);
  });

  it('keeps a held import past the ten minutes an abandoned one lasts', async () => {
    const service = h.service();
    const sessionsJson = JSON.stringify([bigSession(7, 2)]);
    await service.stageImport({ importId: 'held', part: 0, sessionsJson });
    await service.stageImport({ importId: 'left', part: 0, sessionsJson });
    for (let minute = 0; minute < 12; minute += 6) {
      h.clock += 6 * 60_000;
      expect(await service.holdImport({ importId: 'held' })).toEqual({ held: true });
    }
    // Any later import sweeps what went stale.
    await service.stageImport({ importId: 'other', part: 0, sessionsJson });
    expect(await service.holdImport({ importId: 'left' })).toEqual({ held: false });
    const { imported } = await service.commitImport({ importId: 'held', parts: 1 });
    expect(imported.map((s) => s.name)).toEqual(['Big 7']);
  });

  it('a restart drops the parts sent so far and commits only what came after, under a new id', async () => {
    const calls: { method: string; arg: Record<string, unknown> }[] = [];
    const stager = new ImportStager(async (method, arg) => {
      calls.push({ method, arg: arg as Record<string, unknown> });
      if (method === 'commitImport') return { imported: [], duplicates: 0 } as never;
      if (method === 'stageImport') {
        const sessions = (arg as { sessionsJson: string }).sessionsJson.length;
        return { sessions, windows: 0, tabs: 0, duplicates: 0 } as never;
      }
      return undefined as never;
    });
    stager.add('["old 0"]');
    stager.add('["old 1"]');
    stager.restart();
    stager.add('["new"]');
    expect((await stager.staged()).sessions).toBe('["new"]'.length);
    await stager.commit();
    const [old0, old1, cancel, fresh, commit] = calls;
    expect(calls.map((c) => c.method)).toEqual([
      'stageImport',
      'stageImport',
      'cancelImport',
      'stageImport',
      'commitImport',
    ]);
    expect(old1!.arg.importId).toBe(old0!.arg.importId);
    expect(cancel!.arg.importId).toBe(old0!.arg.importId);
    expect(fresh!.arg).toMatchObject({ part: 0, sessionsJson: '["new"]' });
    expect(fresh!.arg.importId).not.toBe(old0!.arg.importId);
    expect(commit!.arg).toEqual({ importId: fresh!.arg.importId, parts: 1 });
  });

  it('holds the import every 20 s until the commit', async () => {
    vi.useFakeTimers();
    try {
      const calls: string[] = [];
      const stager = new ImportStager(async (method) => {
        calls.push(method);
        if (method === 'commitImport') return { imported: [], duplicates: 0 } as never;
        return { sessions: 0, windows: 0, tabs: 0, duplicates: 0 } as never;
      });
      stager.hold();
      await vi.advanceTimersByTimeAsync(65_000);
      expect(calls).toEqual(['holdImport', 'holdImport', 'holdImport']);
      await stager.commit();
      await vi.advanceTimersByTimeAsync(65_000);
      expect(calls).toEqual([
        'holdImport',
        'holdImport',
        'holdImport',
        'stageImport',
        'commitImport',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Sessions with the hashes a page's preview gives them. */
function staged(sessions: readonly ImportedSession[]): Promise<StagedSession[]> {
  return Promise.all(
    sessions.map(async (session) => ({ session, hash: await contentHash(session.windows) })),
  );
}

function bigSession(n: number, tabs: number): ImportedSession {
  return {
    name: `Big ${n}`,
    createdAt: n,
    updatedAt: n,
    tags: [],
    windows: [
      importedWindow(
        Array.from({ length: tabs }, (_, t) => importedTab(`https://s${n}.test/${t}`, `T${t}`)),
      ),
    ],
  };
}

/** Calls the service as a page does: through a serialised message and the dispatcher. */
function viaMessages(
  service: SessionService,
  before: (method: string) => Promise<void>,
): CallService {
  return async <M extends Method>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>> => {
    await before(method);
    const message = JSON.parse(JSON.stringify({ tabkeep: 1, method, arg })) as unknown;
    const reply = (await dispatch(service, message)) as ServiceReply<M>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}
