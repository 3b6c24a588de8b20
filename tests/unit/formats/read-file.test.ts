import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gzip } from '@/lib/formats/bytes';
import { FormatError } from '@/lib/formats/imported';
import { readImportFile } from '@/lib/formats/read-file';
import { random } from '../random';
import { fixtureBytes } from './helpers';

const NOW = Date.UTC(2026, 10, 21, 12);
const DIR = new URL('../../fixtures/other-tools/', import.meta.url);

const EXPECTED: Record<string, string> = {
  'firefox153_sessionstore.jsonlz4': 'firefox-sessionstore',
  'firefox_sessionstore_complete.json': 'firefox-sessionstore',
  'onetab_export_example.txt': 'onetab',
  'session_buddy_text_groups_of_urls.txt': 'session-buddy-text',
  'session_buddy_text_indented_groups_of_title_url_pairs.txt': 'session-buddy-text',
  'session_buddy_text_indented_groups_of_urls.txt': 'session-buddy-text',
  'session_buddy_text_named_groups_of_title_url_pairs.txt': 'session-buddy-text',
  'session_buddy_text_named_groups_of_urls.txt': 'session-buddy-text',
  'session_buddy_text_title_url_pairs.txt': 'session-buddy-text',
  // A bare list of URLs: nothing in it says Session Buddy wrote it.
  'session_buddy_text_urls.txt': 'url-list',
  'session_buddy_v3_export_RECONSTRUCTED.json': 'session-buddy-v3',
  'session_buddy_v4_collections_example.json': 'session-buddy-v4',
  'session_buddy_v4_example.csv': 'session-buddy-csv',
  'tab_session_manager_7.3_export_all.json': 'tab-session-manager',
  'tab_session_manager_7.3_export_single.json': 'tab-session-manager',
};

describe('readImportFile', () => {
  it('recognises every real file of another tool by its content', async () => {
    const files = readdirSync(DIR).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const file of files) {
      const parsed = await readImportFile(fixtureBytes(file), { now: NOW });
      expect(parsed.format, file).toBe(EXPECTED[file]);
      expect(parsed.sessions.length, file).toBeGreaterThan(0);
    }
  });

  it('unwraps a gzipped file first', async () => {
    const plain = fixtureBytes('tab_session_manager_7.3_export_single.json');
    const parsed = await readImportFile(await gzip(plain), { now: NOW });
    expect(parsed).toEqual(await readImportFile(plain, { now: NOW }));
  });

  it('says so for an empty file, binary noise and JSON of no known tool', async () => {
    const read = (text: string | Uint8Array) =>
      readImportFile(typeof text === 'string' ? new TextEncoder().encode(text) : text, {
        now: NOW,
      });
    await expect(read('  \n')).rejects.toThrow('the file is empty.');
    await expect(read(new Uint8Array([0, 159, 146, 150, 255]))).rejects.toThrow(/not UTF-8 text/);
    await expect(read('{"hello": "world"}')).rejects.toThrow(/it is JSON, but not an export/);
  });

  it('fuzz: thousands of damaged real files never end in anything but a FormatError', async () => {
    const sources = Object.keys(EXPECTED).map(fixtureBytes);
    const r = random(7);
    const mutations: ((b: Uint8Array) => Uint8Array)[] = [
      (b) => b.slice(0, r.int(b.length)),
      (b) => {
        const c = b.slice();
        for (let i = 0; i < 1 + r.int(8); i++) c[r.int(c.length)] = r.int(256);
        return c;
      },
      (b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]),
      (b) => new TextEncoder().encode(new TextDecoder().decode(b).replace(/\n/g, '\r\n')),
      (b) => {
        const text = new TextDecoder().decode(b);
        const at = r.int(text.length);
        const insert = r.pick([
          '"__proto__": {"polluted": true},',
          '"x".repeat',
          `"${'a'.repeat(200_000)}"`,
          '['.repeat(5000),
          '{"constructor": {"prototype": {"polluted": true}}}',
          'null',
          '0',
          '\u0000',
        ]);
        return new TextEncoder().encode(text.slice(0, at) + insert + text.slice(at));
      },
      (b) => {
        const text = new TextDecoder().decode(b);
        return new TextEncoder().encode(
          text.replace(/"(url|title|windows|tabs|entries|name)"\s*:\s*/g, (m) =>
            r.next() < 0.3 ? `${m}${r.pick(['42,', 'null,', '[],', '{},', 'true,'])}"_was": ` : m,
          ),
        );
      },
    ];
    let rejected = 0;
    for (let n = 0; n < 3000; n++) {
      const bytes = r.pick(mutations)(r.pick(sources));
      try {
        const parsed = await readImportFile(bytes, { now: NOW });
        expect(parsed.sessions.length).toBeGreaterThan(0);
        for (const s of parsed.sessions)
          for (const w of s.windows) expect(w.tabs.length).toBeGreaterThan(0);
      } catch (error) {
        if (!(error instanceof FormatError)) throw new Error(`mutation ${n}: ${String(error)}`);
        expect(error.message.length).toBeGreaterThan(20);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});
