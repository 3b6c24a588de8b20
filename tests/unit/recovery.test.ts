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
  await h.service().beginRun('run-1');
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
    const recovered = await service.beginRun('run-2');
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
    expect(await liveRow()).toMatchObject({ runId: 'run-2', previousExit: 'crash', refs: [] });
  });

  it('turns the state of a run whose last window closed into "Last session before exit"', async () => {
    const service = h.service();
    await service.recordLive();
    h.normalWindows = 0;
    await service.noteWindowClosed();
    const recovered = await service.beginRun('run-2');
    expect(recovered).toMatchObject({ kind: 'exit', name: 'Last session before exit' });
    expect((await liveRow())!.previousExit).toBe('clean');
  });

  it('does not count a closed window as an exit while others stay open', async () => {
    const service = h.service();
    await service.recordLive();
    h.normalWindows = 1;
    await service.noteWindowClosed();
    expect((await service.beginRun('run-2'))!.kind).toBe('crash');
  });

  it('calls it a crash when a window opened again after the last one closed', async () => {
    const service = h.service();
    await service.recordLive();
    h.normalWindows = 0;
    await service.noteWindowClosed();
    h.browser.windows.push(rawWindow([rawTab('https://d.test/')]));
    await service.recordLive();
    const recovered = await service.beginRun('run-2');
    expect(recovered).toMatchObject({ kind: 'crash', tabCount: 4 });
  });

  it('recovers nothing from a run that showed only a new-tab page', async () => {
    h.browser = rawState([rawWindow([rawTab('chrome://newtab/')])]);
    const service = h.service();
    await service.recordLive();
    expect(await service.beginRun('run-2')).toBeNull();
    expect(await listLiveSessions(h.db)).toEqual([]);
  });

  it('keeps the five newest recovered sessions and frees the records of older ones', async () => {
    const service = h.service();
    for (let run = 2; run <= 8; run++) {
      h.browser.windows[1]!.tabs![0]!.url = `https://run${run}.test/`;
      await service.recordLive();
      h.clock += 60_000;
      await service.beginRun(`run-${run}`);
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
    await service.beginRun('run-2');
    const marker = memoryMarker();
    await startRun(service, marker, () => 'run-3');
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
    await startRun(service, marker, () => 'run-2');
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
    await expect(startRun(failing, marker)).rejects.toThrow('disk gone');
    expect(marker.started).toBe(false);
  });
});
