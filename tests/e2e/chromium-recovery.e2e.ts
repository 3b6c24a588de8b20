import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { openOnly, windowUrls } from './support/chromium-windows';
import { startPagesServer, type PagesServer } from './support/pages-server';

const EXTENSION = resolve('.output/chrome-mv3');

let pages: PagesServer;
const sessions: ChromiumSession[] = [];

async function launch(userDataDir?: string, headed = false): Promise<ChromiumSession> {
  const session = await launchChromium({
    extensionDir: EXTENSION,
    userDataDir,
    headed,
    removeUserDataDir: false,
  });
  sessions.push(session);
  return session;
}

beforeAll(async () => {
  pages = await startPagesServer();
});

afterEach(async () => {
  for (const session of sessions.splice(0)) {
    await session.close();
    await rm(session.userDataDir, { recursive: true, force: true });
  }
});

afterAll(async () => {
  await pages?.close();
});

function recoveredRow(popup: Page, name: string) {
  return popup.locator('li.session[data-section="recovered"]', {
    has: popup.locator('.session-name', { hasText: name }),
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Restores the named recovered session from the popup and returns the windows it opened. */
async function restoreFromPopup(chromium: ChromiumSession, name: string, tabs: number) {
  const popup = await chromium.openExtensionPage('popup.html');
  const row = recoveredRow(popup, name);
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.locator('.session-meta').textContent()).toMatch(
    new RegExp(`^2 windows · ${tabs} tabs · `),
  );
  // Nothing came back on its own: only the popup's tab and the browser's own blank one.
  const before = (await windowUrls(chromium)).flat();
  expect(before.filter((url) => url.startsWith(pages.url('')))).toEqual([]);
  await row.getByRole('button', { name: `Restore ${name}` }).click();
  await expect
    .poll(() => popup.getByRole('status').textContent(), { timeout: 20_000 })
    .toMatch(new RegExp(`^Restored 2 windows, ${tabs} tabs\\.`));
  return { popup, windows: await windowUrls(chromium) };
}

describe.sequential('Chromium: crash and exit recovery', () => {
  test('after a SIGKILL the popup offers "Recovered after crash" with every tab open 2 s before', async () => {
    const first = await launch();
    const open = [
      [pages.url('a'), pages.url('b')],
      [pages.url('c'), pages.url('d'), pages.url('e')],
    ];
    await openOnly(first, open);
    await sleep(2000);
    await first.kill();

    const second = await launch(first.userDataDir);
    const { popup, windows } = await restoreFromPopup(second, 'Recovered after crash', 5);
    for (const urls of open) expect(windows).toContainEqual(urls);
    await expect
      .poll(() => popup.locator('.storage-line').textContent())
      .toContain('the browser last stopped without closing');
  });

  test('after the last window closes normally the popup offers "Last session before exit"', async () => {
    // Headed: closing the last real window is how a person quits Chromium on Linux.
    const first = await launch(undefined, true);
    const open = [[pages.url('x'), pages.url('y')], [pages.url('z')]];
    await openOnly(first, open);
    await sleep(2000);
    const exited = new Promise<boolean>((done) => first.context.once('close', () => done(true)));
    for (const page of first.context.pages()) await page.close();
    // Chromium quits on its own when its last window closes; close it if it lingers.
    if (!(await Promise.race([exited, sleep(10_000).then(() => false)]))) await first.close();

    const second = await launch(first.userDataDir);
    const { popup, windows } = await restoreFromPopup(second, 'Last session before exit', 3);
    for (const urls of open) expect(windows).toContainEqual(urls);
    await expect
      .poll(() => popup.locator('.storage-line').textContent())
      .toContain('the browser last closed normally');
  });
});
