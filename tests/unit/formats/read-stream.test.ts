import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gzip } from '@/lib/formats/bytes';
import { FormatError, type ImportedSession, type ParsedFile } from '@/lib/formats/imported';
import { toTabkeepFile } from '@/lib/formats/own';
import { readImportFile } from '@/lib/formats/read-file';
import { readImportBlob, type ImportSource } from '@/lib/formats/read-stream';
import { random } from '../random';
import { fixtureBytes } from './helpers';

const NOW = Date.UTC(2026, 10, 21, 12);
const DIR = new URL('../../fixtures/other-tools/', import.meta.url);
const encode = (text: string) => new TextEncoder().encode(text);

/** A file whose stream hands out `size`-byte chunks, noting how far it has been read. */
function chunked(bytes: Uint8Array, size: number) {
  const source = {
    handedOut: 0,
    size: bytes.length,
    slice: (start?: number, end?: number) => new Blob([bytes.slice(start, end)]),
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    stream: () => {
      let at = 0;
      return new ReadableStream<Uint8Array<ArrayBuffer>>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(at, at + size));
          at += size;
          source.handedOut = Math.min(at, bytes.length);
        },
      });
    },
  };
  return source satisfies ImportSource;
}

async function readStreamed(source: ImportSource): Promise<ParsedFile> {
  const sessions: ImportedSession[] = [];
  const file = await readImportBlob(source, {
    now: NOW,
    onSession: (s) => void sessions.push(s),
    onRestart: () => void sessions.splice(0),
  });
  return { format: file.format, sessions, skipped: file.skipped };
}

async function outcome(read: () => Promise<ParsedFile>): Promise<ParsedFile | string> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
    return 'FormatError';
  }
}

function tabkeepFile(sessions: number, seed: number): string {
  const r = random(seed);
  const entries = Array.from({ length: sessions }, (_, i) => {
    const windows = [
      {
        type: 'normal' as const,
        state: 'normal' as const,
        incognito: false,
        focused: true,
        groups: [],
        tabs: Array.from({ length: 1 + r.int(5) }, (_, t) => ({
          url: `https://s${i}.test/${t}?${encodeURIComponent(r.text())}`,
          title: r.text(),
          pinned: false,
          active: t === 0,
          muted: false,
          group: null,
          container: null,
        })),
      },
    ];
    return {
      summary: {
        id: `s${i}`,
        name: r.text() || `S${i}`,
        kind: 'manual' as const,
        createdAt: NOW - i,
        updatedAt: NOW - i,
        tags: [],
        windowCount: 1,
        tabCount: windows[0]!.tabs.length,
        hash: '',
        origin: 'chrome' as const,
        deletedAt: 0,
      },
      windows,
    };
  });
  return JSON.stringify(
    toTabkeepFile(entries, { appVersion: '0.1.0', browser: 'chrome', now: NOW }),
    null,
    r.next() < 0.5 ? 2 : undefined,
  );
}

describe('readImportBlob', () => {
  it('reads every real file, plain and gzipped, exactly as the whole-file reader does', async () => {
    const files = readdirSync(DIR).filter((f) => f !== 'README.md');
    for (const name of files) {
      for (const bytes of [fixtureBytes(name), await gzip(fixtureBytes(name))]) {
        const whole = await readImportFile(bytes, { now: NOW });
        for (const size of [2, 61, 4096]) {
          expect(await readStreamed(chunked(bytes, size)), `${name} / ${size}`).toEqual(whole);
        }
      }
    }
  }, 60_000);

  it('hands out the first sessions of a big file before the file is read to the end', async () => {
    for (const bytes of [
      encode(tabkeepFile(300, 1)),
      encode(`[${Array.from({ length: 300 }, () => tsmSession()).join(',')}]`),
      // Pretty-printed, as TSM writes it: read by the reader's newline shortcut.
      encode(JSON.stringify(JSON.parse(`[${Array(300).fill(tsmSession()).join(',')}]`), null, 2)),
      encode(`{"collections":[${Array(300).fill(sbCollection()).join(',')}]}`),
      encode(JSON.stringify({ sessions: Array(300).fill(JSON.parse(sbV3Session())) }, null, 2)),
    ]) {
      const source = chunked(bytes, 1024);
      let readWhenFirst = -1;
      let count = 0;
      const file = await readImportBlob(source, {
        now: NOW,
        onSession: () => {
          if (count++ === 0) readWhenFirst = source.handedOut;
        },
        onRestart: () => expect.unreachable('no restart'),
      });
      expect(count).toBe(300);
      expect(file.skipped).toEqual([]);
      expect(readWhenFirst).toBeGreaterThan(0);
      expect(readWhenFirst).toBeLessThan(bytes.length / 10);
    }
  });

  it('checks the envelope whole: a version after the sessions still rejects a newer file', async () => {
    const late =
      '{"format":"tabkeep","version":1,"sessions":[{"name":"a","windows":[{"tabs":[{"url":"https://a.test/"}]}]}],"version":2}';
    await expect(readStreamed(chunked(encode(late), 5))).rejects.toThrow(/newer Tabkeep/);
    const twice =
      '{"format":"tabkeep","version":1,"sessions":[],"sessions":[{"name":"a","windows":[]}]}';
    await expect(readStreamed(chunked(encode(twice), 5))).rejects.toThrow(
      'This looks like a Tabkeep file, but it cannot be imported: field “sessions”: it appears twice.',
    );
  });

  it('reads a Session Buddy file again, whole, when a member after its sessions changes what it is', async () => {
    const collections = JSON.stringify(Array(3).fill(JSON.parse(sbCollection())));
    for (const late of [
      // A "format" member: not Session Buddy's (the whole-file path says which file it is not).
      `{"collections":${collections},"format":"other"}`,
      // "collections" after "sessions": the whole-file path reads it as v4.
      `{"sessions":[${sbV3Session()}],"collections":${collections}}`,
      // The same key twice: JSON.parse keeps the last.
      `{"collections":${collections},"collections":[${sbCollection()}]}`,
    ]) {
      const bytes = encode(late);
      let restarts = 0;
      const streamed = await outcome(async () => {
        const sessions: ImportedSession[] = [];
        const file = await readImportBlob(chunked(bytes, 7), {
          now: NOW,
          onSession: (session) => void sessions.push(session),
          onRestart: () => {
            restarts++;
            sessions.splice(0);
          },
        });
        return { format: file.format, sessions, skipped: file.skipped };
      });
      expect(restarts, late.slice(0, 40)).toBe(1);
      expect(streamed).toEqual(await outcome(() => readImportFile(bytes, { now: NOW })));
    }
  });

  it('says a gzip file is damaged when it breaks off half way', async () => {
    const packed = await gzip(encode(tabkeepFile(50, 2)));
    const cut = packed.slice(0, packed.length / 2);
    await expect(readStreamed(chunked(cut, 512))).rejects.toThrow(
      'it is a gzip file, but it is damaged or cut short.',
    );
  });

  it('fuzz: damaged big files end as the whole-file reader ends them, never otherwise', async () => {
    const r = random(11);
    const sources = [
      encode(tabkeepFile(20, 3)),
      encode(tabkeepFile(5, 4)),
      fixtureBytes('tab_session_manager_7.3_export_all.json'),
      fixtureBytes('session_buddy_v4_collections_example.json'),
      fixtureBytes('session_buddy_v3_export_RECONSTRUCTED.json'),
    ];
    for (let n = 0; n < 600; n++) {
      const text = new TextDecoder().decode(r.pick(sources));
      const at = r.int(text.length);
      const mutated = r.pick([
        () => text.slice(0, at),
        () =>
          text.slice(0, at) +
          r.pick(['{', ']', '"', ',', '\\', '"__proto__":1,', 'null']) +
          text.slice(at),
        () =>
          text.replace(
            /"(url|name|windows|tabs|version|collections|sessions|folders|links)"/g,
            (m) =>
              r.next() < 0.2 ? r.pick(['"x"', '"format"', '"collections"', '"sessions"']) : m,
          ),
      ])();
      const bytes = encode(mutated);
      const whole = await outcome(() => readImportFile(bytes, { now: NOW }));
      const streamed = await outcome(() => readStreamed(chunked(bytes, 1 + r.int(2000))));
      expect(streamed, `mutation ${n}`).toEqual(whole);
    }
  }, 60_000);
});

/** One session as Tab Session Manager writes it, with the fields it copies from the tab. */
function tsmSession(): string {
  const tabs = Object.fromEntries(
    Array.from({ length: 3 }, (_, i) => [
      String(100 + i),
      {
        id: 100 + i,
        index: i,
        url: `https://t.test/${i}`,
        title: `T${i}`,
        pinned: false,
        active: i === 0,
      },
    ]),
  );
  return JSON.stringify({
    name: 'S',
    date: NOW,
    tag: [],
    windows: { 1: tabs },
    windowsNumber: 1,
    tabsNumber: 3,
  });
}

/** A Session Buddy v4 collection: two folders (windows) of links. */
function sbCollection(): string {
  const links = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ title: `L${i}`, url: `https://sb.test/${i}` }));
  return JSON.stringify({
    title: 'C',
    created: NOW,
    folders: [
      { title: 'F1', links: links(2) },
      { title: 'F2', state: 'maximized', links: links(1) },
    ],
  });
}

/** A Session Buddy v3 saved session. */
function sbV3Session(): string {
  return JSON.stringify({
    type: 'saved',
    name: 'S',
    created: '2021-11-13T22:00:00.000Z',
    windows: [{ tabs: [{ url: 'https://sb.test/a', title: 'A' }] }],
  });
}
