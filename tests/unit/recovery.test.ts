import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunMarker } from '@/lib/adapters/run-marker';
import { LIVE_KEY, parseLiveRow } from '@/lib/run-state';
import { startRun } from '@/lib/run';
import { listLiveSessions } from '@/lib/session-index';
import { rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

let h: Harness;

beforeEach(async () => {
  h = new Harness();
  h.browser = rawState([
    rawWindow([rawTab('https://a.test/'), rawTab('https://b.test/', { active: true })]),
    rawWindow([rawTab('https://c.test/')]),
  ]);
  await h.service().beginRun('run-1', h.clock);
});

afterEach(() => h.close());

async function liveRow() {
  return parseLiveRow(await h.db.state.get(LIVE_KEY));
}

describe('the run marker', () => {
  it('turns the state of a run that never closed its last window into "Recovered after crash"', async () => {
    const service = h.service();
    await service.recordLive();
    h.clock += 1000;
    const recovered = await service.beginRun('run-2', h.clock);
    expect(recovered).toMatchObject({
      id: 'run-run-1',
      kind: 'crash',
      name: 'Recovered after crash',
      windowCount: 2,
      tabCount: 3,
    });
    expect(await h.urlsOf('run-run-1')).toEqual([
      ['https://a.test/', 'https://b.test/'],
      ['https://c.test/'],
    ]);
    expect(await liveRow()).toMatchObject({ runId: 'run-2', previousExit: 'crash', list: 0 });
  });

  it('turns the state of a run whose last act was closing a window into "Last session before exit"', async () => {
    const service = h.service();
    await service.recordLive();
    h.clock += 1000;
    await service.windowClosed();
    h.clock += 5000;
    const recovered = await service.beginRun('run-2', h.clock);
    expect(recovered).toMatchObject({
      kind: 'exit',
      name: 'Last session before exit',
      tabCount: 3,
    });
    expect((await liveRow())!.previousExit).toBe('clean');
  });

  it('calls it a crash when a snapshot of the remaining windows followed the close', async () => {
    const service = h.service();
    await service.recordLive();
    h.clock += 1000;
    await service.windowClosed();
    h.browser.windows.pop();
    h.clock += 1000;
    expect(await service.recordLive()).toBe('written');
    h.clock += 1000;
    expect(await service.beginRun('run-2', h.clock)).toMatchObject({ kind: 'crash', tabCount: 2 });
  });

  it('calls it a crash when the same windows were seen again after a close', async () => {
    const service = h.service();
    await service.recordLive();
    h.clock += 1000;
    await service.windowClosed();
    h.clock += 1000;
    // A window Tabkeep cannot see (private) closed: the state is equal but the run goes on.
    expect(await service.recordLive()).toBe('written');
    h.clock += 1000;
    expect((await service.beginRun('run-2', h.clock))!.kind).toBe('crash');
  });

  it('does not let a window closed early in the new run vouch for the old one', async () => {
    const service = h.service();
    await service.recordLive();
    const newRunStart = h.clock + 5000;
    h.clock = newRunStart + 200;
    await service.windowClosed();
    expect((await service.beginRun('run-2', newRunStart))!.kind).toBe('crash');
  });

  it('recovers nothing from a run that showed only a new-tab page', async () => {
    h.browser = rawState([rawWindow([rawTab('chrome://newtab/')])]);
    const service = h.service();
    await service.recordLive();
    expect(await service.beginRun('run-2', h.clock)).toBeNull();
    expect(await listLiveSessions(h.db)).toEqual([]);
  });

  it('keeps the five newest recovered sessions and frees the records of older ones', async () => {
    const service = h.service();
    for (let run = 2; run <= 8; run++) {
      h.browser.windows[1]!.tabs![0]!.url = `https://run${run}.test/`;
      await service.recordLive();
      h.clock += 60_000;
      await service.beginRun(`run-${run}`, h.clock);
    }
    const recovered = await listLiveSessions(h.db);
    expect(recovered.map((s) => s.id)).toEqual([
      'run-run-7',
      'run-run-6',
      'run-run-5',
      'run-run-4',
      'run-run-3',
    ]);
    // Two tabs shared by all, plus one distinct third tab per kept session.
    expect(await h.db.tabRecords.count()).toBe(2 + 5);
  });
});

describe('a worker killed between steps', () => {
  function memoryMarker(): RunMarker & { started: boolean } {
    return {
      started: false,
      async isNewRun() {
        return !this.started;
      },
      async markStarted() {
        this.started = true;
      },
    };
  }

  it('recovers once even when the start is repeated before it was marked', async () => {
    const service = h.service();
    await service.recordLive();
    // Killed after recovery committed, before the marker was set: the next start repeats.
    await service.beginRun('run-2', h.clock);
    const marker = memoryMarker();
    await startRun(service, marker, h.clock, () => 'run-3');
    expect(marker.started).toBe(true);
    expect((await listLiveSessions(h.db)).map((s) => s.id)).toEqual(['run-run-1']);
    // The run that took no snapshot passes on what it knew of the one before.
    expect((await liveRow())!.previousExit).toBe('crash');
  });

  it('does nothing when the worker merely woke up in the same run', async () => {
    const service = h.service();
    await service.recordLive();
    const marker = memoryMarker();
    marker.started = true;
    await startRun(service, marker, h.clock, () => 'run-2');
    expect(await listLiveSessions(h.db)).toEqual([]);
    expect((await liveRow())!.tabCount).toBe(3);
  });

  it('leaves the marker unset when recovery fails, so the next start tries again', async () => {
    const marker = memoryMarker();
    const failing = {
      beginRun: async () => {
        throw new Error('disk gone');
      },
    };
    await expect(startRun(failing, marker, h.clock)).rejects.toThrow('disk gone');
    expect(marker.started).toBe(false);
  });
});
