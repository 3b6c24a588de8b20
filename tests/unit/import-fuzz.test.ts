import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportJob, type ImportJobMessage } from '@/lib/import-job';
import { ImportStager } from '@/lib/import-send';
import type { ArgOf, Method, ResultOf } from '@/lib/protocol';
import { dispatch } from '@/lib/protocol-server';
import type { ServiceReply } from '@/lib/protocol';
import { rawState, rawTab, rawWindow } from './fakes';
import { fixtureBytes } from './formats/helpers';
import { random } from './random';
import { Harness } from './service-harness';

const SOURCES = [
  'tab_session_manager_7.3_export_all.json',
  'session_buddy_v4_collections_example.json',
  'session_buddy_v3_export_RECONSTRUCTED.json',
  'onetab_export_example.txt',
  'firefox_sessionstore_complete.json',
  'session_buddy_v4_example.csv',
];

let h: Harness;

beforeEach(async () => {
  h = new Harness();
  h.browser = rawState([rawWindow([rawTab('https://mine.test/', { pinned: true })])]);
  await h.service().save({ name: 'Mine' });
});

afterEach(() => h.close());

/** Every row of every table, to compare before and after. */
async function everything() {
  return {
    summaries: await h.db.summaries.toArray(),
    bodies: await h.db.bodies.toArray(),
    tabRecords: await h.db.tabRecords.toArray(),
    refLists: await h.db.refLists.toArray(),
    state: await h.db.state.toArray(),
  };
}

function mutate(r: ReturnType<typeof random>, bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const at = r.int(text.length);
  switch (r.int(6)) {
    case 0:
      return bytes.slice(0, r.int(bytes.length));
    case 1: {
      const copy = bytes.slice();
      for (let i = 0; i < 1 + r.int(6); i++) copy[r.int(copy.length)] = r.int(256);
      return copy;
    }
    case 2:
      return new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
    case 3:
      return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    case 4:
      return new TextEncoder().encode(
        text.slice(0, at) +
          r.pick(['"__proto__":{"x":1},', '[[[[[[[[', `"${'z'.repeat(100_000)}"`, '\u0000', ',']) +
          text.slice(at),
      );
    default:
      return new TextEncoder().encode(
        text.replace(/"(url|title|name|windows|tabs|links)"/g, (m) =>
          r.next() < 0.3 ? r.pick(['"x"', '42', '"url":null,"y"']) : m,
        ),
      );
  }
}

describe('import from file to database, damaged files', () => {
  it('fuzz: a rejected file leaves every row as it was; an accepted one only adds', async () => {
    const service = h.service();
    const call = async <M extends Method>(method: M, arg: ArgOf<M>): Promise<ResultOf<M>> => {
      const reply = (await dispatch(service, { tabkeep: 1, method, arg })) as ServiceReply<M>;
      if (!reply.ok) throw new Error(reply.error);
      return reply.value;
    };
    const r = random(23);
    let rejected = 0;
    let accepted = 0;
    for (let n = 0; n < 400; n++) {
      const before = await everything();
      const bytes = mutate(r, fixtureBytes(r.pick(SOURCES)));
      const messages: ImportJobMessage[] = [];
      const stager = new ImportStager(call);
      await runImportJob({ file: new Blob([bytes as BlobPart]), now: h.clock }, (message) => {
        messages.push(message);
        if (message.kind === 'sessions') stager.add(message.json);
        if (message.kind === 'restart') stager.restart();
      });
      const last = messages.at(-1)!;
      if (last.kind === 'failed') {
        rejected++;
        expect(last.message, `mutation ${n}`).toMatch(/^This (file is not|looks like)/);
        await stager.cancel();
        expect(await everything(), `mutation ${n}`).toEqual(before);
        continue;
      }
      expect(last.kind, `mutation ${n}`).toBe('done');
      const { imported } = await stager.commit();
      accepted++;
      const after = await everything();
      // What was there is still there, untouched; only the new sessions were added.
      for (const table of ['summaries', 'bodies'] as const) {
        for (const row of before[table]) expect(after[table]).toContainEqual(row);
        expect(after[table]).toHaveLength(before[table].length + imported.length);
      }
    }
    expect(rejected).toBeGreaterThan(50);
    expect(accepted).toBeGreaterThan(20);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  }, 120_000);
});
