import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { startPagesServer, type PagesServer } from './support/pages-server';

const EXTENSION = resolve('.output/firefox-mv3');
const RECOVERED = 'Recovered after crash';

let pages: PagesServer;
/** The live session: the first launch, then the one relaunched on its profile. */
let firefox: FirefoxSession | undefined;

beforeAll(async () => {
  pages = await startPagesServer();
});

afterAll(async () => {
  // Quits the browser if it runs and deletes the profile, also after a failed relaunch.
  await firefox?.close();
  await pages?.close();
});

interface WindowView {
  id: number;
  urls: string[];
}

/** Every normal window (by id) with its tabs' URLs in tab order. */
function readWindows(session: FirefoxSession, page: Page): Promise<WindowView[]> {
  return session.evalInExtension(page, async (api) => {
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows
      .sort((a, b) => a.id! - b.id!)
      .map((w) => ({
        id: w.id!,
        urls: [...(w.tabs ?? [])].sort((a, b) => a.index - b.index).map((t) => t.url ?? ''),
      }));
  });
}

/** How often each URL is open, for URLs of the local pages only. */
function countPages(urls: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const url of urls) {
    if (url.startsWith(`${pages.origin}/`)) counts[url] = (counts[url] ?? 0) + 1;
  }
  return counts;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

test('Firefox: after a SIGKILL the popup offers "Recovered after crash" and restores every tab open 2 s before', async () => {
  const names = [['a', 'b'], ['c']];
  const open = names.map((list) => list.map((name) => pages.url(name)));
  const titles: Record<string, string> = Object.fromEntries(
    names.flat().map((name) => [pages.url(name), `Page ${name}`]),
  );
  const first = await launchFirefox({
    extensionDir: EXTENSION,
    // puppeteer's default too; pinned so that whatever is open after the relaunch is Tabkeep's.
    prefs: { 'browser.sessionstore.resume_from_crash': false },
  });
  firefox = first;

  // Open the pages the way a person would, in the window Firefox started with and one more:
  // no extension page is open in this run, so only the pages can be recovered.
  const [startPage, ...others] = await first.browser.pages();
  expect(
    others.map((p) => p.url()),
    'Firefox starts with one blank tab',
  ).toEqual([]);
  const tabs = [
    startPage!,
    await first.browser.newPage(),
    await first.browser.newPage({ type: 'window' }),
  ];
  await Promise.all(tabs.map((page, i) => page.goto(open.flat()[i]!, { waitUntil: 'load' })));
  const windowIds = await Promise.all(tabs.map((page) => page.windowId()));
  expect(
    windowIds[0] === windowIds[1] && windowIds[1] !== windowIds[2],
    `pages a, b share a window and c has its own: ${JSON.stringify(windowIds)}`,
  ).toBe(true);
  const opened = await Promise.all(
    (await first.browser.pages()).map(async (page) => `${page.url()} ${await page.title()}`),
  );
  expect(opened.sort(), 'the tabs open before the kill, all loaded').toEqual(
    open.flat().map((url) => `${url} ${titles[url]}`),
  );

  // The spec: every tab open 2 s before the kill comes back.
  await sleep(2000);
  await first.kill();

  const second = await first.relaunch();
  firefox = second;
  const popup = await second.openExtensionPage('popup.html', '.save-form');
  const row = 'li.session[data-section="recovered"]';
  await expect
    .poll(
      () =>
        popup.$$eval(row, (rows) =>
          rows.map((r) => [
            r.querySelector('.session-name')?.textContent ?? '',
            r.querySelector('.session-meta')?.textContent ?? '',
          ]),
        ),
      { message: 'the Recovered section of the popup after the relaunch' },
    )
    .toEqual([[RECOVERED, expect.stringMatching(/^2 windows · 3 tabs · /)]]);
  expect(await popup.$eval('.list-heading h2', (h) => h.textContent)).toBe('Recovered');
  await expect
    .poll(() => popup.$eval('footer.storage-line', (f) => f.textContent ?? ''), {
      message: 'the storage line says how the last run ended',
    })
    .toContain('the browser last stopped without closing');

  // Nothing came back on its own: not from Firefox (resume is off), not from Tabkeep.
  const beforeRestore = await readWindows(second, popup);
  expect(
    countPages(beforeRestore.flatMap((w) => w.urls)),
    `no recovered page is open before Restore is clicked; windows: ${JSON.stringify(beforeRestore)}`,
  ).toEqual({});

  await popup.click(`button[aria-label="Restore ${RECOVERED}"]`);
  await expect
    .poll(() => popup.$eval('p.status[role=status]', (p) => p.textContent), {
      message: 'the popup status after Restore',
      timeout: 20_000,
    })
    .toBe('Restored 2 windows, 3 tabs.');

  // The report comes once every window is complete; poll anyway, URLs can lag the report.
  const newWindows = async () =>
    (await readWindows(second, popup)).filter((w) => !beforeRestore.some((b) => b.id === w.id));
  await expect
    .poll(async () => (await newWindows()).map((w) => w.urls), {
      message: 'the new windows hold the pages of the old ones, in window and tab order',
    })
    .toEqual(open);
  const after = await readWindows(second, popup);
  expect(
    countPages(after.flatMap((w) => w.urls)),
    `every page is open exactly once after Restore; windows: ${JSON.stringify(after)}`,
  ).toEqual(countPages(open.flat()));
  expect(
    after.filter((w) => beforeRestore.some((b) => b.id === w.id)),
    'the windows open before Restore are untouched',
  ).toEqual(beforeRestore);
});
