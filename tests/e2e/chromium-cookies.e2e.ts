import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MIN_ITERATIONS, seal } from '../../lib/formats/envelope';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { startLoginServer, type LoginServer } from './support/login-server';
import { answerPermissionPrompt } from './support/permission-prompt';

/*
 * A logged-in session moves to another computer: saved with its login, exported encrypted,
 * imported with the passphrase into a fresh profile, restored logged in. Headed under Xvfb:
 * the permission dialogs are answered with real key presses.
 */

const EXTENSION = resolve('.output/chrome-mv3');
const PASSPHRASE = 'correct horse battery staple';

let server: LoginServer;
let first: ChromiumSession | undefined;
let second: ChromiumSession | undefined;

beforeAll(async () => {
  server = await startLoginServer();
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await server?.close();
});

const statusOf = (page: Page, region?: string) =>
  (region === undefined ? page : page.getByRole('region', { name: region }))
    .getByRole('status')
    .first()
    .textContent();

/** Sessions kept in the extension's database, by name. */
function sessionNames(chromium: ChromiumSession): Promise<string[]> {
  return chromium.evalInWorker(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('tabkeep');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('summaries').objectStore('summaries').getAll();
          read.onsuccess = () => {
            done((read.result as { name: string }[]).map((s) => s.name));
            open.result.close();
          };
        };
      }),
  );
}

describe.sequential('Chromium: a login moves to another computer, encrypted', () => {
  let file: { name: string; bytes: Buffer };

  test('a session saved with its login, exported encrypted', async () => {
    first = await launchChromium({ extensionDir: EXTENSION, headed: true });
    const site = await first.context.newPage();
    await site.goto(server.loginUrl('alice'));
    await expect.poll(() => site.textContent('h1')).toBe('Logged in as alice');

    const popup = await first.openExtensionPage('popup.html');
    await popup.getByRole('textbox', { name: 'Session name (optional)' }).fill('Work, logged in');
    await popup.getByRole('checkbox', { name: /^With logins/ }).check();
    await answerPermissionPrompt({
      page: popup,
      display: first.display!,
      trigger: () => popup.getByRole('button', { name: 'Save session' }).click(),
    });
    await expect
      .poll(() => statusOf(popup))
      .toMatch(/^Saved “Work, logged in”: .* With its login \(1 cookie\)\.$/);
    await expect
      .poll(() => popup.locator('.session-login').first().textContent())
      .toBe('Login saved (1 cookie), until the browser closes');

    const options = await first.openExtensionPage('manager.html#settings');
    const exportRegion = options.getByRole('region', { name: 'Export' });
    await exportRegion.getByRole('checkbox', { name: /^Include saved logins/ }).check();
    expect(
      await exportRegion.getByRole('checkbox', { name: 'Encrypt with a passphrase' }).isChecked(),
    ).toBe(true);
    await exportRegion.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await exportRegion.getByLabel('Passphrase again').fill(PASSPHRASE);
    const download = options.waitForEvent('download');
    await exportRegion.getByRole('button', { name: 'Export all sessions' }).click();
    const saved = await download;
    file = { name: saved.suggestedFilename(), bytes: await readFile(await saved.path()) };
    expect(file.name).toMatch(/^tabkeep-\d{4}-\d{2}-\d{2}-encrypted\.json$/);

    const envelope = JSON.parse(file.bytes.toString('utf8')) as Record<string, unknown>;
    expect(envelope.format).toBe('tabkeep-encrypted');
    // Neither the login token nor the session's name can be read from the file.
    const token = (await first.context.cookies(server.origin)).find((c) => c.name === 'sid')!.value;
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(file.bytes.toString('utf8')).not.toContain(token);
    expect(file.bytes.toString('utf8')).not.toContain('Work, logged in');
    await expect
      .poll(() => statusOf(options, 'Export'))
      .toMatch(/with the logins of 1 session, encrypted\./);
    await first.close();
  });

  test('on a fresh profile, a wrong passphrase imports nothing and says so', async () => {
    second = await launchChromium({ extensionDir: EXTENSION, headed: true });
    const options = await second.openExtensionPage('manager.html#settings');
    const importRegion = options.getByRole('region', { name: 'Import' });
    await importRegion.getByLabel('File to import').setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: file.bytes,
    });
    await expect
      .poll(() => statusOf(options, 'Import'))
      .toBe(`${file.name} is encrypted: type its passphrase.`);
    await importRegion.getByLabel(`Passphrase of ${file.name}`).fill('wrong horse battery staple');
    await importRegion.getByRole('button', { name: 'Open' }).click();
    await expect
      .poll(() => statusOf(options, 'Import'))
      .toBe("The passphrase is wrong (or the file's header was changed).");
    expect(await importRegion.getByRole('group', { name: 'Import preview' }).count()).toBe(0);
    expect(await sessionNames(second)).toEqual([]);

    // A file changed after it was encrypted is refused with its own message.
    const envelope = JSON.parse(file.bytes.toString('utf8')) as { data: string };
    const flipped = envelope.data[10] === 'A' ? 'B' : 'A';
    const tampered = {
      ...envelope,
      data: envelope.data.slice(0, 10) + flipped + envelope.data.slice(11),
    };
    await importRegion.getByLabel('File to import').setInputFiles({
      name: 'tampered.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(tampered)),
    });
    await importRegion.getByLabel('Passphrase of tampered.json').fill(PASSPHRASE);
    await importRegion.getByRole('button', { name: 'Open' }).click();
    await expect
      .poll(() => statusOf(options, 'Import'))
      .toBe('The file was changed or damaged after it was encrypted: Tabkeep will not import it.');
    expect(await sessionNames(second)).toEqual([]);
  });

  test('with the passphrase it imports, and the restore comes back logged in', async () => {
    const options = await second!.openExtensionPage('manager.html#settings');
    const importRegion = options.getByRole('region', { name: 'Import' });
    await importRegion.getByLabel('File to import').setInputFiles({
      name: file.name,
      mimeType: 'application/json',
      buffer: file.bytes,
    });
    await importRegion.getByLabel(`Passphrase of ${file.name}`).fill(PASSPHRASE);
    await importRegion.getByRole('button', { name: 'Open' }).click();
    const preview = importRegion.getByRole('group', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toMatch(/1 session brings its saved login\./);
    await preview.getByRole('button', { name: 'Import 1 session' }).click();
    await expect.poll(() => statusOf(options, 'Import')).toBe('Imported 1 session.');

    // Not logged in here before the restore.
    const check = await second!.context.newPage();
    await check.goto(server.homeUrl);
    expect(await check.textContent('h1')).toBe('Not logged in');
    await check.close();

    const popup = await second!.openExtensionPage('popup.html');
    await expect
      .poll(() => popup.locator('.session-login').first().textContent())
      .toBe('Login saved (1 cookie), until the browser closes');
    await answerPermissionPrompt({
      page: popup,
      display: second!.display!,
      trigger: () => popup.getByRole('button', { name: 'Restore Work, logged in' }).click(),
    });
    await expect.poll(() => statusOf(popup)).toMatch(/Restored 1 of 1 saved cookies\./);
    // Restored lazily: the site's tab loads when the person switches to it.
    await second!.evalInWorker(async (home) => {
      const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
      const lazy = api.runtime.getURL('/lazy.html');
      // A tab just made may not have committed its address yet: it is pending until then.
      const address = (t: { url?: string; pendingUrl?: string }) => t.url || t.pendingUrl || '';
      for (let tries = 0; tries < 100; tries++) {
        const tab = (await api.tabs.query({})).find(
          (t) => address(t).startsWith(lazy) && new URL(address(t)).searchParams.get('u') === home,
        );
        if (tab?.id !== undefined) return void (await api.tabs.update(tab.id, { active: true }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, server.homeUrl);
    await expect
      .poll(async () => {
        for (const page of second!.context.pages()) {
          if (page.url() === server.homeUrl) return page.textContent('h1').catch(() => null);
        }
        return null;
      })
      .toBe('Logged in as alice');
  });

  test('a restore from the manager’s search brings the login back too', async () => {
    await second!.context.clearCookies();
    const manager = await second!.openExtensionPage('manager.html');
    await manager.getByRole('searchbox', { name: 'Search sessions and tabs' }).fill('logged in');
    // The site's access was granted by the restore before: no dialog this time.
    await manager
      .getByRole('region', { name: 'Search results' })
      .getByRole('button', { name: 'Restore Work, logged in' })
      .click();
    await expect
      .poll(() => manager.locator('.sessions-side').getByRole('status').textContent())
      .toMatch(/^Restored 1 window, 3 tabs\. Restored 1 of 1 saved cookies\./);
    const cookies = await second!.context.cookies(server.origin);
    expect(cookies.map((c) => c.name)).toEqual(['sid']);
    await manager.close();
  });

  test('cookies that break the rules are left out, each with its reason, and the rest restored', async () => {
    const cookie = (name: string, extra: Record<string, unknown> = {}) => ({
      name,
      value: 'v',
      domain: '127.0.0.1',
      hostOnly: true,
      path: '/',
      secure: false,
      httpOnly: false,
      sameSite: 'lax',
      session: true,
      storeId: '0',
      ...extra,
    });
    const inAYear = Math.floor(Date.now() / 1000) + 365 * 86_400;
    // More of one site than Chrome keeps (180): those expiring soonest go.
    const many = Array.from({ length: 185 }, (_, i) =>
      cookie(`c${i}`, { session: false, expirationDate: inAYear + i }),
    );
    const sessionFile = {
      format: 'tabkeep',
      version: 1,
      sessions: [
        {
          name: 'Odd cookies',
          windows: [{ tabs: [{ url: server.homeUrl, title: 'Home' }] }],
          cookies: [
            cookie('theme'),
            { name: 'broken', domain: '127.0.0.1' },
            cookie('elsewhere', { domain: 'elsewhere.example' }),
            cookie('__Host-id', { hostOnly: false, secure: true }),
            ...many,
          ],
        },
      ],
    };
    const envelope = await seal(gzipSync(Buffer.from(JSON.stringify(sessionFile))), PASSPHRASE, {
      iterations: MIN_ITERATIONS,
    });
    const options = await second!.openExtensionPage('manager.html#settings');
    const importRegion = options.getByRole('region', { name: 'Import' });
    await importRegion.getByLabel('File to import').setInputFiles({
      name: 'odd.json',
      mimeType: 'application/json',
      buffer: Buffer.from(envelope),
    });
    await importRegion.getByLabel('Passphrase of odd.json').fill(PASSPHRASE);
    await importRegion.getByRole('button', { name: 'Open' }).click();
    const preview = importRegion.getByRole('group', { name: 'Import preview' });
    await preview.getByText('1 thing left out').click();
    await expect
      .poll(() => preview.getByRole('listitem').first().textContent())
      .toMatch(/^session 1 \(“Odd cookies”\), cookie 2.*: /);
    await preview.getByRole('button', { name: 'Import 1 session' }).click();
    await expect.poll(() => statusOf(options, 'Import')).toBe('Imported 1 session.');

    // Chrome keeps 180 cookies of a site and, past that, drops 30 it used least: the earlier
    // test's login would be one more.
    await second!.context.clearCookies();
    const popup = await second!.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Restore Odd cookies' }).click();
    const confirm = popup.getByRole('alert');
    await expect
      .poll(() => confirm.textContent())
      .toMatch(
        /^This session has 187 saved cookies of one site, and browsers keep about 180 per site/,
      );
    await confirm.getByRole('button', { name: 'Restore anyway' }).click();
    await expect.poll(() => statusOf(popup)).toMatch(/Restored 180 of 188 saved cookies\./);
    const text = (await statusOf(popup)) ?? '';
    expect(text).toContain(
      'elsewhere (elsewhere.example): its site is not among the session’s tabs.',
    );
    expect(text).toContain(
      '__Host-id (127.0.0.1): a __Host- cookie must be secure, on path /, without a domain.',
    );
    expect(text).toContain('has over 180 cookies; this one expires sooner.');
    const names = (await second!.context.cookies(server.origin)).map((c) => c.name);
    expect(names).toContain('theme');
    expect(names).not.toContain('elsewhere');
    expect(names).not.toContain('__Host-id');
    // 186 of the site were valid: "theme" (a session cookie, the latest to expire) and the
    // 185 numbered ones, of which the six expiring soonest (c0 to c5) were left out.
    expect(names.filter((n) => /^c\d+$/.test(n)).sort()).toEqual(
      many
        .slice(6)
        .map((c) => c.name)
        .sort(),
    );
  });
});
