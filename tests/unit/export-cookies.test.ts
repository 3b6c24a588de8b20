import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MIN_PASSPHRASE_LENGTH,
  exportFileName,
  exportParts,
  passphraseProblem,
  readExportEntries,
  sealExport,
} from '@/lib/export';
import { gunzip } from '@/lib/formats/bytes';
import { ENVELOPE_FORMAT, EnvelopeError, open } from '@/lib/formats/envelope';
import { bankPrefs, bankSid } from './cookies/fixtures';
import { rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

let h: Harness;

const sid = bankSid();

/** Expires a day after the harness's first clock. */
const prefs = () => bankPrefs(Date.UTC(2026, 10, 22, 12) / 1000);

const meta = () => ({ appVersion: '0.1.0', browser: 'chrome' as const, now: h.clock });

interface FileSession {
  name: string;
  cookies: unknown[];
}

function fileOf(parts: Iterable<string>): { sessions: FileSession[] } {
  return JSON.parse([...parts].join('')) as { sessions: FileSession[] };
}

beforeEach(() => {
  h = new Harness();
  h.browser = rawState([rawWindow([rawTab('https://bank.test/'), rawTab('https://news.test/')])]);
  h.cookies.jar = [sid, prefs(), { ...sid, name: 'ad', domain: 'tracker.test' }];
});

afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
});

/**
 * sealExport has no iterations option: it always asks PBKDF2 for 600,000, about a second
 * each here. The spy runs the KDF with 1,000 instead (sealing and opening alike, so the
 * two still agree) and records what was asked for.
 */
function cheapKdf(): number[] {
  const subtle = crypto.subtle;
  const real = subtle.deriveBits.bind(subtle);
  const asked: number[] = [];
  vi.spyOn(subtle, 'deriveBits').mockImplementation((algorithm, key, length) => {
    const params = algorithm as Pbkdf2Params;
    asked.push(params.iterations);
    return real({ ...params, iterations: 1000 }, key, length);
  });
  return asked;
}

/** A session saved with the bank's two cookies, and one saved without any. */
async function saveBoth(): Promise<{ login: string; plain: string }> {
  const service = h.service();
  const login = await service.save({ name: 'Login', cookies: 'sites' });
  expect(login.cookies).toEqual({ saved: 2 });
  h.clock += 1000;
  const plain = await service.save({ name: 'Plain' });
  return { login: login.session.id, plain: plain.session.id };
}

describe('readExportEntries with cookies', () => {
  it('carries a session’s saved cookies only when asked for', async () => {
    const { login, plain } = await saveBoth();
    const withCookies = await readExportEntries(h.db, undefined, undefined, { cookies: true });
    const byId = new Map(withCookies.map((e) => [e.summary.id, e]));
    expect(byId.get(login)?.cookies).toEqual([sid, prefs()]);
    expect(byId.get(plain)).not.toHaveProperty('cookies');

    for (const without of [
      await readExportEntries(h.db),
      await readExportEntries(h.db, undefined, undefined, { cookies: false }),
    ]) {
      expect(without.map((e) => e.summary.id).sort()).toEqual([login, plain].sort());
      for (const entry of without) expect(entry).not.toHaveProperty('cookies');
    }
  });

  it('reads the jar the summary points to, and none for a summary without cookies', async () => {
    const { plain } = await saveBoth();
    // A stray jar of a session whose summary says nothing of cookies is not exported.
    await h.db.cookieJars.put({ id: plain, cookies: [sid] });
    const entries = await readExportEntries(h.db, [plain], undefined, { cookies: true });
    expect(entries).toHaveLength(1);
    expect(entries[0]).not.toHaveProperty('cookies');
  });

  it('writes `cookies` in the file only for an export with cookies', async () => {
    await saveBoth();
    const withCookies = await readExportEntries(h.db, undefined, undefined, { cookies: true });
    const file = fileOf(exportParts('tabkeep', withCookies, meta()));
    const byName = new Map(file.sessions.map((s) => [s.name, s.cookies]));
    expect(byName.get('Login')).toEqual([sid, prefs()]);
    expect(byName.get('Plain')).toEqual([]);

    const plainFile = fileOf(exportParts('tabkeep', await readExportEntries(h.db), meta()));
    expect(plainFile.sessions).toHaveLength(2);
    for (const session of plainFile.sessions) expect(session.cookies).toEqual([]);
    // The cookie's value is nowhere in the text.
    expect([...exportParts('tabkeep', await readExportEntries(h.db), meta())].join('')).not.toMatch(
      /alice/,
    );
  });
});

describe('sealExport', () => {
  it('makes an envelope whose opened, gunzipped bytes are exactly the plain file', async () => {
    await saveBoth();
    const asked = cheapKdf();
    const entries = await readExportEntries(h.db, undefined, undefined, { cookies: true });
    const plain = new Blob([...exportParts('tabkeep', entries, meta())], {
      type: 'application/json',
    });
    const plainBytes = new Uint8Array(await plain.arrayBuffer());
    const sealed = await sealExport(plain, 'correct horse battery');
    expect(sealed.type).toBe('application/json');
    const json = JSON.parse(await sealed.text()) as {
      format: string;
      kdf: { iterations: number };
    };
    expect(json.format).toBe(ENVELOPE_FORMAT);
    // The file asks for the full default work factor, whatever this test ran.
    expect(json.kdf.iterations).toBe(600_000);
    expect(asked).toEqual([600_000]);
    // Neither the cookies nor the tabs show through.
    expect(await sealed.text()).not.toMatch(/alice|bank\.test/);
    const opened = await open(json, 'correct horse battery');
    expect(await gunzip(opened)).toEqual(plainBytes);
    const wrong: unknown = await open(json, 'correct horse batterY').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(EnvelopeError);
    expect((wrong as EnvelopeError).reason).toBe('wrong-passphrase');
    expect(asked).toEqual([600_000, 600_000, 600_000]);
  });
});

describe('passphraseProblem', () => {
  it('asks for at least ten characters, counted as code points', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(10);
    const short = 'a'.repeat(9);
    expect(passphraseProblem(short, short)).toMatch(/^The passphrase needs at least 10 characters/);
    expect(passphraseProblem('', '')).toMatch(/at least 10 characters/);
    // Nine emoji are eighteen UTF-16 units, but nine characters.
    const emoji = '🔑'.repeat(9);
    expect(emoji.length).toBe(18);
    expect(passphraseProblem(emoji, emoji)).toMatch(/at least 10 characters/);
    expect(passphraseProblem(emoji + '🔑', emoji + '🔑')).toBeNull();
    expect(passphraseProblem('a'.repeat(10), 'a'.repeat(10))).toBeNull();
  });

  it('says when the two differ, after the length', () => {
    expect(passphraseProblem('abcdefghij', 'abcdefghiJ')).toBe('The two passphrases differ.');
    expect(passphraseProblem('abcdefghij', '')).toBe('The two passphrases differ.');
    // Too short comes first: fixing the mismatch alone would not do.
    expect(passphraseProblem('short', 'other')).toMatch(/at least 10 characters/);
  });
});

describe('exportFileName, encrypted', () => {
  it('ends in -encrypted.json whatever the kind', () => {
    const now = new Date(2026, 0, 5, 23, 59).getTime();
    expect(exportFileName(now, 'tabkeep-gz', true)).toBe('tabkeep-2026-01-05-encrypted.json');
    expect(exportFileName(now, 'tabkeep', true)).toBe('tabkeep-2026-01-05-encrypted.json');
    expect(exportFileName(now, 'tabkeep-gz', false)).toBe('tabkeep-2026-01-05.json.gz');
  });
});
