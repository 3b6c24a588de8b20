import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFileName, exportParts, exportSessions, readExportEntries } from '@/lib/export';
import { parseTabkeep, toTabkeepFile } from '@/lib/formats/own';
import { rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

let h: Harness;

beforeEach(async () => {
  h = new Harness();
  h.browser = rawState([
    rawWindow([rawTab('https://a.test/', { pinned: true }), rawTab('javascript:alert(1)')]),
    rawWindow([rawTab('https://c.test/', { active: true })]),
  ]);
  await h.service().beginRun('run-1', h.clock);
});

afterEach(() => h.close());

describe('exportSessions', () => {
  it('writes every live session, named or autosaved, and reads back the same windows', async () => {
    const service = h.service();
    const named = (await service.save({ name: 'Work' })).session;
    h.clock += 1000;
    await service.autosave();
    const gone = (await service.save({ name: 'Deleted' })).session;
    await service.remove({ id: gone.id });

    const file = await exportSessions(h.db, {
      appVersion: '0.1.0',
      browser: 'chrome',
      now: h.clock,
    });
    expect(file).toMatchObject({ format: 'tabkeep', version: 1, app: { browser: 'chrome' } });
    expect(file.sessions.map((s) => [s.name, s.kind])).toEqual([
      [expect.any(String), 'autosave'],
      ['Work', 'manual'],
    ]);
    const back = parseTabkeep(JSON.parse(JSON.stringify(file)), { now: 0 });
    const windows = await h.urlsOf(named.id);
    expect(back.sessions[1]!.windows.map((w) => w.tabs.map((t) => t.url))).toEqual(windows);
    expect(back.sessions[1]!.windows[0]!.tabs[0]!.pinned).toBe(true);
    expect(back.sessions[0]!.windows).toEqual(back.sessions[1]!.windows);
  });

  it('exports only the sessions asked for', async () => {
    const one = (await h.service().save({ name: 'One' })).session;
    await h.service().save({ name: 'Two' });
    const file = await exportSessions(h.db, {
      appVersion: '0.1.0',
      browser: 'chrome',
      now: h.clock,
      ids: [one.id],
    });
    expect(file.sessions.map((s) => s.name)).toEqual(['One']);
  });

  it('names the file by the local date', () => {
    const now = new Date(2026, 0, 5, 23, 59).getTime();
    expect(exportFileName(now, 'tabkeep')).toBe('tabkeep-2026-01-05.json');
    expect(exportFileName(now, 'tabkeep-gz')).toBe('tabkeep-2026-01-05.json.gz');
    expect(exportFileName(now, 'onetab')).toBe('tabkeep-2026-01-05-onetab.txt');
  });

  it('writes the file in pieces that join into exactly the JSON of the whole, counting as it reads', async () => {
    const service = h.service();
    await service.save({ name: 'One' });
    await service.save({ name: 'Two' });
    await service.save({ name: 'Three' });
    const meta = { appVersion: '0.1.0', browser: 'chrome' as const, now: h.clock };
    const counted: [number, number][] = [];
    const entries = await readExportEntries(h.db, undefined, (done, total) =>
      counted.push([done, total]),
    );
    expect(counted).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    for (const some of [[], entries.slice(0, 1), entries]) {
      const parts = [...exportParts('tabkeep', some, meta)];
      expect(parts).toHaveLength(some.length + 2);
      expect(parts.join('')).toBe(JSON.stringify(toTabkeepFile(some, meta)));
    }
  });
});
