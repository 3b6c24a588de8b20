import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportParts, readExportEntries } from '@/lib/export';
import { gzip } from '@/lib/formats/bytes';
import { MIN_ITERATIONS, seal } from '@/lib/formats/envelope';
import type { ImportedSession } from '@/lib/formats/imported';
import { importedTab, importedWindow } from '@/lib/formats/imported';
import { contentHash } from '@/lib/hash';
import { runImportJob, type ImportJobMessage } from '@/lib/import-job';
import { PreviewTally, dedupeKey } from '@/lib/import-preview';
import type { StagedSession } from '@/lib/import-staging';
import type { SavedCookie } from '@/lib/cookies/model';
import { cookieInfo } from '@/lib/cookies/capture';
import { bankPrefs, bankSid } from './cookies/fixtures';
import { rawState, rawTab, rawWindow } from './fakes';
import { Harness } from './service-harness';

/*
 * PBKDF2 at MIN_ITERATIONS costs 100-200 ms a run here: files are sealed once, in
 * beforeAll, and each test opens at most one.
 */

const NOW = Date.UTC(2026, 10, 21, 12);
const PASS = 'correct horse battery staple';
const FAST = { iterations: MIN_ITERATIONS };

const sid: SavedCookie = bankSid();

const prefs: SavedCookie = bankPrefs(NOW / 1000 + 86_400);

/** A Tabkeep file: "Bank" with its login, "News" without one. */
function tabkeepFile(bankCookies: unknown[] = [sid, prefs]) {
  return {
    format: 'tabkeep',
    version: 1,
    exportedAt: new Date(NOW).toISOString(),
    app: { name: 'Tabkeep', version: '0.1.0', browser: 'chrome' },
    sessions: [
      {
        name: 'Bank',
        createdAt: NOW - 1000,
        windows: [{ tabs: [{ url: 'https://bank.test/account', title: 'Account' }] }],
        cookies: bankCookies,
      },
      {
        name: 'News',
        createdAt: NOW - 2000,
        windows: [{ tabs: [{ url: 'https://news.test/', title: 'News' }] }],
        cookies: [],
      },
    ],
  };
}

const encode = (text: string) => new TextEncoder().encode(text);

/** The file as an encrypted export is made: JSON, gzipped, sealed. */
async function sealed(json: unknown, passphrase = PASS): Promise<string> {
  return seal(await gzip(encode(JSON.stringify(json))), passphrase, FAST);
}

async function run(file: Blob | string, passphrase?: string): Promise<ImportJobMessage[]> {
  const messages: ImportJobMessage[] = [];
  const blob = typeof file === 'string' ? new Blob([file]) : file;
  await runImportJob(
    { file: blob, now: NOW, ...(passphrase !== undefined && { passphrase }) },
    (m) => messages.push(m),
  );
  return messages;
}

function sessionsOf(messages: ImportJobMessage[]): ImportedSession[] {
  return messages.flatMap((m) =>
    m.kind === 'sessions' ? (JSON.parse(m.json) as ImportedSession[]) : [],
  );
}

/** The messages but progress, by kind. */
const kinds = (messages: ImportJobMessage[]) =>
  messages.filter((m) => m.kind !== 'progress').map((m) => m.kind);

let withLogin: string;
let malformed: string;

beforeAll(async () => {
  withLogin = await sealed(tabkeepFile());
  malformed = await sealed(
    tabkeepFile([sid, { ...prefs, sameSite: 'sometimes' }, { ...prefs, name: 'p2' }]),
  );
});

describe('runImportJob, encrypted files', () => {
  it('without a passphrase, says the file is locked and sends nothing else', async () => {
    const messages = await run(withLogin);
    expect(kinds(messages)).toEqual(['locked']);
    expect(messages.at(-1)).toEqual({ kind: 'locked' });
    expect(sessionsOf(messages)).toEqual([]);
  });

  it('with a wrong passphrase, fails with reason wrong-passphrase', async () => {
    const messages = await run(withLogin, 'correct horse battery stapler');
    expect(kinds(messages)).toEqual(['failed']);
    expect(messages.at(-1)).toEqual({
      kind: 'failed',
      reason: 'wrong-passphrase',
      message: expect.stringMatching(/passphrase is wrong/),
    });
  });

  it('with a changed byte in its data, fails as damaged and sends no sessions', async () => {
    const file = JSON.parse(withLogin) as { data: string };
    const i = 20;
    const flipped = file.data[i] === 'A' ? 'B' : 'A';
    file.data = file.data.slice(0, i) + flipped + file.data.slice(i + 1);
    const messages = await run(JSON.stringify(file), PASS);
    expect(kinds(messages)).toEqual(['failed']);
    expect(messages.at(-1)).toEqual({
      kind: 'failed',
      reason: 'damaged',
      // Not a malformed envelope: the passphrase was right, and the data was changed.
      message: expect.stringMatching(/changed or damaged after it was encrypted/),
    });
    expect(sessionsOf(messages)).toEqual([]);
  });

  it('with the right passphrase, sends the sessions with their cookies, and is done', async () => {
    const messages = await run(withLogin, PASS);
    expect(kinds(messages)).toEqual(['sessions', 'done']);
    const sessions = sessionsOf(messages);
    expect(sessions.map((s) => s.name)).toEqual(['Bank', 'News']);
    expect(sessions[0]!.cookies).toEqual([sid, prefs]);
    expect(sessions[0]!.windows[0]!.tabs.map((t) => t.url)).toEqual(['https://bank.test/account']);
    expect(sessions[1]).not.toHaveProperty('cookies');
    expect(messages.at(-1)).toEqual({
      kind: 'done',
      read: { format: 'tabkeep', skipped: [], skippedCount: 0 },
    });
  });

  it('reads an encrypted file whose inside is not gzipped', async () => {
    const file = await seal(encode(JSON.stringify(tabkeepFile())), PASS, FAST);
    const sessions = sessionsOf(await run(file, PASS));
    expect(sessions.map((s) => [s.name, s.cookies?.length])).toEqual([
      ['Bank', 2],
      ['News', undefined],
    ]);
  });

  it('keeps the cookies when the file is read whole (its sessions before its format)', async () => {
    const { sessions, ...head } = tabkeepFile();
    const file = await seal(encode(JSON.stringify({ sessions, ...head })), PASS, FAST);
    const messages = await run(file, PASS);
    // The stream takes it for Session Buddy's at first, then reads it again, whole.
    expect(kinds(messages)).toEqual(['restart', 'sessions', 'done']);
    expect(sessionsOf(messages).map((s) => s.cookies)).toEqual([[sid, prefs], undefined]);
  });

  it('skips a malformed cookie, naming its session and number, and keeps the others', async () => {
    const messages = await run(malformed, PASS);
    const [bank] = sessionsOf(messages);
    expect(bank!.cookies?.map((c) => c.name)).toEqual(['sid', 'p2']);
    const done = messages.at(-1);
    expect(done?.kind).toBe('done');
    if (done?.kind !== 'done') return;
    expect(done.read.skippedCount).toBe(1);
    expect(done.read.skipped).toEqual([
      {
        where: 'session 1 (“Bank”), cookie 2, field “sameSite”',
        why: expect.stringMatching(/sometimes/),
      },
    ]);
  });

  it('leaves out the cookies of the same file unencrypted, saying why, and keeps its tabs', async () => {
    const messages = await run(JSON.stringify(tabkeepFile()));
    expect(kinds(messages)).toEqual(['sessions', 'done']);
    const sessions = sessionsOf(messages);
    expect(sessions.map((s) => s.name)).toEqual(['Bank', 'News']);
    for (const s of sessions) expect(s).not.toHaveProperty('cookies');
    expect(messages.at(-1)).toEqual({
      kind: 'done',
      read: {
        format: 'tabkeep',
        skipped: [
          {
            where: 'session 1 (“Bank”)',
            why: expect.stringMatching(/^its 2 cookies were left out: .*only from encrypted files/),
          },
        ],
        skippedCount: 1,
      },
    });
  });

  it('a passphrase given for a plain file changes nothing: its cookies are still left out', async () => {
    const messages = await run(JSON.stringify(tabkeepFile([sid])), PASS);
    const sessions = sessionsOf(messages);
    expect(sessions[0]).not.toHaveProperty('cookies');
    const done = messages.at(-1);
    expect(done?.kind === 'done' && done.read.skipped[0]?.why).toMatch(
      /^its cookie was left out: .*encrypted files/,
    );
  });

  it('refuses an encrypted file inside an encrypted file', async () => {
    const inner = await seal(encode(JSON.stringify(tabkeepFile())), PASS, FAST);
    const outer = await seal(encode(inner), PASS, FAST);
    const messages = await run(outer, PASS);
    expect(kinds(messages)).toEqual(['failed']);
    expect(messages.at(-1)).toEqual({
      kind: 'failed',
      message: expect.stringMatching(/encrypted file inside an encrypted file/),
    });
    expect(sessionsOf(messages)).toEqual([]);
  });
});

let h: Harness;

beforeEach(() => {
  h = new Harness();
  h.browser = rawState([rawWindow([rawTab('https://bank.test/account')])]);
});

afterEach(() => h.close());

function session(cookies?: SavedCookie[]): ImportedSession {
  return {
    name: 'Bank',
    createdAt: NOW - 1000,
    updatedAt: NOW - 1000,
    tags: [],
    windows: [importedWindow([importedTab('https://bank.test/account', 'Account')])],
    ...(cookies !== undefined && { cookies }),
  };
}

async function staged(...sessions: ImportedSession[]): Promise<StagedSession[]> {
  return Promise.all(
    sessions.map(async (s) => ({ session: s, hash: await contentHash(s.windows) })),
  );
}

describe('importSessions with cookies', () => {
  it('writes the cookies to a jar and sums them up in the summary', async () => {
    const { imported, duplicates } = await h
      .service()
      .importSessions({ sessions: await staged(session([sid, prefs])) });
    expect(duplicates).toBe(0);
    expect(imported).toHaveLength(1);
    const [summary] = imported;
    const info = {
      count: 2,
      sites: ['bank.test'],
      expiresAt: (NOW / 1000 + 86_400) * 1000,
      largestSite: 2,
    };
    expect(cookieInfo([sid, prefs], new Set(['www.bank.test']))).toEqual(info);
    expect(summary!.cookies).toEqual(info);
    expect((await h.db.summaries.get(summary!.id))?.cookies).toEqual(info);
    expect(await h.db.cookieJars.get(summary!.id)).toEqual({
      id: summary!.id,
      cookies: [sid, prefs],
    });
  });

  it('writes no jar and no cookie summary for a session without cookies', async () => {
    const { imported } = await h.service().importSessions({ sessions: await staged(session()) });
    expect(imported[0]).not.toHaveProperty('cookies');
    expect(await h.db.cookieJars.count()).toBe(0);
  });

  it('takes the same session with its login once', async () => {
    const service = h.service();
    await service.importSessions({ sessions: await staged(session([sid])) });
    expect(await service.importSessions({ sessions: await staged(session([sid])) })).toEqual({
      imported: [],
      duplicates: 1,
    });
    // Twice in one file, too.
    const twice = await service.importSessions({
      sessions: await staged(session([prefs]), session([prefs])),
    });
    expect(twice.imported).toHaveLength(0);
    expect(twice.duplicates).toBe(2);
    expect(await h.db.cookieJars.count()).toBe(1);
    expect(await h.db.summaries.count()).toBe(1);
  });

  it('a copy without the login is no duplicate of one with it, nor the other way round', async () => {
    const service = h.service();
    const first = await service.importSessions({ sessions: await staged(session([sid])) });
    const plain = await service.importSessions({ sessions: await staged(session()) });
    expect(plain.duplicates).toBe(0);
    expect(plain.imported).toHaveLength(1);
    expect(plain.imported[0]!.hash).toBe(first.imported[0]!.hash);
    expect(plain.imported[0]).not.toHaveProperty('cookies');

    const other = new Harness();
    try {
      const otherService = other.service();
      await otherService.importSessions({ sessions: await staged(session()) });
      const login = await otherService.importSessions({ sessions: await staged(session([sid])) });
      expect(login.duplicates).toBe(0);
      expect(login.imported[0]!.cookies?.count).toBe(1);
      expect(await other.db.cookieJars.count()).toBe(1);
      // Both are kept now: neither comes in again.
      expect(
        await otherService.importSessions({ sessions: await staged(session(), session([sid])) }),
      ).toEqual({ imported: [], duplicates: 2 });
    } finally {
      await other.close();
    }
  });

  it('a session saved here with its login is a duplicate of the same imported with one', async () => {
    h.cookies.jar = [sid];
    const service = h.service();
    const saved = await service.save({ name: 'Bank', cookies: 'sites' });
    expect(saved.session.cookies?.count).toBe(1);
    const windows = (await readExportEntries(h.db))[0]!.windows;
    const again: ImportedSession = { ...session([sid]), windows };
    expect(await service.importSessions({ sessions: await staged(again) })).toEqual({
      imported: [],
      duplicates: 1,
    });
  });
});

describe('PreviewTally and logins', () => {
  it('counts the new sessions that bring a login, by the same key as the service', async () => {
    const hash = await contentHash(session().windows);
    expect(dedupeKey(hash, false)).toBe(hash);
    expect(dedupeKey(hash, true)).not.toBe(hash);
    const tally = new PreviewTally([dedupeKey(hash, false)]);
    expect(tally.add(session(), hash)).toBe(false);
    expect(tally.add(session([sid]), hash)).toBe(true);
    expect(tally.add(session([prefs]), hash)).toBe(false);
    expect(tally.counts()).toEqual({
      sessions: 1,
      windows: 1,
      tabs: 1,
      duplicates: 2,
      logins: 1,
    });
  });

  it('the service’s staging counts logins against what it keeps', async () => {
    const service = h.service();
    await service.importSessions({ sessions: await staged(session([sid])) });
    const other = {
      ...session([prefs]),
      windows: [importedWindow([importedTab('https://bank.test/other', 'Other')])],
    };
    const counts = await service.stageImport({
      importId: 'x',
      part: 0,
      sessionsJson: JSON.stringify([session([sid]), session(), other]),
    });
    expect(counts).toEqual({ sessions: 2, windows: 2, tabs: 2, duplicates: 1, logins: 1 });
  });
});

describe('an encrypted export with logins, into another profile', () => {
  it('brings the login along, and restores it', async () => {
    h.cookies.jar = [sid, prefs];
    const service = h.service();
    await service.save({ name: 'Bank', cookies: 'sites' });
    const entries = await readExportEntries(h.db, undefined, undefined, { cookies: true });
    const text = [
      ...exportParts('tabkeep', entries, { appVersion: '0.1.0', browser: 'chrome', now: NOW }),
    ].join('');
    const file = await seal(await gzip(encode(text)), PASS, FAST);

    const sessions = sessionsOf(await run(file, PASS));
    expect(sessions.map((s) => s.cookies)).toEqual([[sid, prefs]]);
    const other = new Harness();
    try {
      const { imported } = await other.service().importSessions({
        sessions: await staged(...sessions),
      });
      expect(imported.map((s) => [s.name, s.cookies?.count])).toEqual([['Bank', 2]]);
      const report = await other.service().restore({ id: imported[0]!.id, cookies: true });
      expect(other.cookies.set_.map((c) => [c.name, c.value])).toEqual([
        ['sid', 'alice'],
        ['prefs', 'dark'],
      ]);
      expect(report.cookies?.restored).toBe(2);
    } finally {
      await other.close();
    }
  });
});
