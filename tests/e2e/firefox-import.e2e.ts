import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseTabkeep } from '../../lib/formats/own';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { waitUntil } from './support/wait';

const EXTENSION = resolve('.output/firefox-mv3');
const TSM_FILE = resolve('tests/fixtures/other-tools/tab_session_manager_7.3_export_single.json');

const IMPORT = 'section[aria-label="Import"]';
const EXPORT = 'section[aria-label="Export"]';
const PREVIEW = `${IMPORT} [role=group][aria-label="Import preview"]`;

let firefox: FirefoxSession;
let downloads: string;

beforeAll(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'tabkeep-ff-downloads-'));
  firefox = await launchFirefox({
    extensionDir: EXTENSION,
    prefs: {
      // Every download straight into `downloads`, no dialog, no panel.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.panel.shown': true,
      'browser.download.alwaysOpenPanel': false,
    },
  });
});

afterAll(async () => {
  await firefox?.close();
  if (downloads !== undefined) await rm(downloads, { recursive: true, force: true });
});

/** The text of the first match, or null while there is none. */
function textOf(page: Page, selector: string): Promise<string | null> {
  return page.$eval(selector, (el) => el.textContent).catch(() => null);
}

/** The button under `scope` whose whole text is `label`: its disabled state, or null if absent. */
function buttonState(page: Page, scope: string, label: string): Promise<boolean | null> {
  return page.$$eval(
    `${scope} button`,
    (buttons, text) => {
      const button = buttons.find((b) => b.textContent === text) as HTMLButtonElement | undefined;
      return button === undefined ? null : button.disabled;
    },
    label,
  );
}

/** Clicks, like a person would (BiDi input actions), the enabled button labelled `label`. */
async function clickButton(page: Page, scope: string, label: string): Promise<void> {
  await expect
    .poll(() => buttonState(page, scope, label), { message: `button “${label}” is enabled` })
    .toBe(false);
  for (const button of await page.$$(`${scope} button`)) {
    if ((await button.evaluate((b) => b.textContent)) === label) return button.click();
  }
  throw new Error(`no button “${label}” in ${scope}`);
}

/** Hands the file to the page through the Import section's file picker. */
async function chooseFile(page: Page, path: string): Promise<void> {
  const input = await page.$(`${IMPORT} input[type=file][aria-label="File to import"]`);
  expect(input, 'the file input labelled “File to import”').not.toBeNull();
  await input!.uploadFile(path);
}

/** The name of a finished download in `downloads` matching `pattern` (Firefox renames `.part`). */
async function downloaded(pattern: RegExp): Promise<string> {
  const names = await waitUntil(
    () => readdir(downloads),
    (list) => list.some((n) => pattern.test(n)) && !list.some((n) => n.endsWith('.part')),
    { timeoutMs: 15_000 },
  );
  const name = names.find((n) => pattern.test(n))!;
  // The final name exists (empty) while the .part is written; it is complete once non-empty.
  await waitUntil(
    async () => (await stat(join(downloads, name))).size,
    (size) => size > 0,
  );
  return name;
}

describe.sequential('Firefox: import and export on the manager page (settings view)', () => {
  let options: Page;

  test('a Tab Session Manager file chosen in the picker is previewed, imported and listed in the popup', async () => {
    options = await firefox.openExtensionPage(
      'manager.html#settings',
      `${IMPORT} input[type=file]`,
    );
    await chooseFile(options, TSM_FILE);
    await expect
      .poll(() => textOf(options, `${PREVIEW} p`), { message: 'the import preview' })
      .toBe('Tab Session Manager file: 1 session, 2 windows, 7 tabs to import.');
    await clickButton(options, PREVIEW, 'Import 1 session');
    await expect
      .poll(() => textOf(options, `${IMPORT} [role=status]`), { message: 'the import status' })
      .toBe('Imported 1 session.');

    const popup = await firefox.openExtensionPage('popup.html', '.save-form');
    await expect
      .poll(
        () => popup.$$eval('li.session .session-name', (els) => els.map((e) => e.textContent)),
        {
          message: 'the sessions listed in the popup',
        },
      )
      .toContain('Fixture session A');
    await popup.close();
  });

  test('the same file a second time imports nothing, and says why', async () => {
    await options.bringToFront();
    await chooseFile(options, TSM_FILE);
    await expect
      .poll(() => textOf(options, `${PREVIEW} p`), { message: 'the import preview' })
      .toBe(
        'Tab Session Manager file: 0 sessions, 0 windows, 0 tabs to import. 1 session already in Tabkeep will not be imported twice.',
      );
    expect(await buttonState(options, PREVIEW, 'Import 0 sessions')).toBe(true);
  });

  test('a gzipped Tabkeep export lands on disk and reads back with the imported session', async () => {
    const format = `${EXPORT} label select`;
    expect(
      await options.$eval(format, (s) => s.parentElement?.firstChild?.textContent),
      'the select labelled “Format”',
    ).toBe('Format');
    await options.select(format, 'tabkeep-gz');
    await clickButton(options, EXPORT, 'Export all sessions');
    const status = await waitUntil(
      () => textOf(options, `${EXPORT} [role=status]`),
      (text) => (text ?? '') !== '',
      { timeoutMs: 15_000 },
    );
    const name = await downloaded(/\.json\.gz$/);
    expect(name).toMatch(/^tabkeep-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    expect(status).toBe(`Exported 1 session to ${name}.`);

    const json: unknown = JSON.parse(
      gunzipSync(await readFile(join(downloads, name))).toString('utf8'),
    );
    expect((json as { format?: unknown }).format).toBe('tabkeep');
    const parsed = parseTabkeep(json, { now: 0 });
    expect(parsed.sessions.map((s) => s.name)).toEqual(['Fixture session A']);
  });
});
