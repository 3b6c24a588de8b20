import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { openOnly } from './support/chromium-windows';
import { startPagesServer, type PagesServer } from './support/pages-server';

const EXTENSION = resolve('.output/chrome-mv3');
const FIXTURES = resolve('tests/fixtures/other-tools');

let pages: PagesServer;
let work: string;
const open: ChromiumSession[] = [];

beforeAll(async () => {
  pages = await startPagesServer();
  work = await mkdtemp(join(tmpdir(), 'tabkeep-import-'));
});

afterAll(async () => {
  for (const session of open) await session.close();
  await pages?.close();
  await rm(work, { recursive: true, force: true });
});

async function launch(): Promise<ChromiumSession> {
  const session = await launchChromium({ extensionDir: EXTENSION });
  open.push(session);
  return session;
}

interface TabView {
  url: string;
  pinned: boolean;
  group: string | null;
}

/** The page tabs of every normal window, with pinned state and group title. */
function pageTabs(chromium: ChromiumSession): Promise<TabView[][]> {
  return chromium.evalInWorker(async () => {
    const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
    // A tab restored lazily stands for the address in its lazy page's `u` parameter.
    const real = (u: string) =>
      u.startsWith(api.runtime.getURL('/lazy.html')) ? (new URL(u).searchParams.get('u') ?? u) : u;
    const groups = new Map((await api.tabGroups.query({})).map((g) => [g.id, g.title ?? '']));
    const windows = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
    return windows
      .sort((a, b) => a.id! - b.id!)
      .map((w) =>
        (w.tabs ?? [])
          .map((t) => ({
            url: real(t.url || t.pendingUrl || ''),
            pinned: t.pinned,
            group: groups.get(t.groupId) ?? null,
          }))
          .filter((t) => t.url.startsWith('http')),
      )
      .filter((tabs) => tabs.length > 0);
  });
}

function section(options: Page, name: 'Import' | 'Export') {
  return options.getByRole('region', { name });
}

async function importFile(options: Page, path: string): Promise<void> {
  await section(options, 'Import').getByLabel('File to import').setInputFiles(path);
}

describe.sequential(
  'Chromium: move sessions between profiles, and import other tools’ files',
  () => {
    let before: TabView[][];
    let exported: string;
    let b: ChromiumSession;
    let options: Page;

    test('profile A exports a session with a pinned tab and a group', async () => {
      const a = await launch();
      await openOnly(a, [[pages.url('p'), pages.url('g1'), pages.url('g2')], [pages.url('x')]]);
      await a.evalInWorker(async () => {
        const api = (globalThis as unknown as { chrome: WxtBrowser }).chrome;
        const [w] = await api.windows.getAll({ populate: true, windowTypes: ['normal'] });
        const tabs = w!.tabs!;
        await api.tabs.update(tabs[0]!.id!, { pinned: true });
        const group = await api.tabs.group({ tabIds: [tabs[1]!.id!, tabs[2]!.id!] });
        await api.tabGroups.update(group, { title: 'Reading', color: 'green' });
      });
      before = await pageTabs(a);
      const popup = await a.openExtensionPage('popup.html');
      await popup.getByRole('textbox', { name: 'Session name (optional)' }).fill('Moving');
      await popup.getByRole('button', { name: 'Save session' }).click();
      await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^Saved “Moving”/);
      const exportPage = await a.openExtensionPage('manager.html#settings');
      const download = exportPage.waitForEvent('download');
      await section(exportPage, 'Export')
        .getByRole('button', { name: 'Export all sessions' })
        .click();
      exported = join(work, (await download).suggestedFilename());
      await (await download).saveAs(exported);
    });

    test('a fresh profile B previews the file, imports it, and restores the same windows', async () => {
      b = await launch();
      options = await b.openExtensionPage('manager.html#settings');
      await importFile(options, exported);
      const preview = options.getByRole('group', { name: 'Import preview' });
      await expect
        .poll(() => preview.locator('p').first().textContent())
        .toBe('Tabkeep file: 1 session, 2 windows, 5 tabs to import.');
      await preview.getByRole('button', { name: 'Import 1 session' }).click();
      await expect
        .poll(() => section(options, 'Import').getByRole('status').textContent())
        .toBe('Imported 1 session.');

      const popup = await b.openExtensionPage('popup.html');
      await popup.getByRole('button', { name: 'Restore Moving' }).click();
      await expect
        .poll(() => popup.getByRole('status').textContent(), { timeout: 20_000 })
        .toMatch(/^Restored 2 windows, 5 tabs\./);
      await expect.poll(() => pageTabs(b)).toEqual(before);
    });

    test('Tab Session Manager and Session Buddy v4 files import; a second time nothing is doubled', async () => {
      await options.bringToFront();
      await importFile(options, join(FIXTURES, 'tab_session_manager_7.3_export_single.json'));
      const preview = options.getByRole('group', { name: 'Import preview' });
      await expect
        .poll(() => preview.locator('p').first().textContent())
        .toBe('Tab Session Manager file: 1 session, 2 windows, 7 tabs to import.');
      await preview.getByRole('button', { name: 'Import 1 session' }).click();
      await expect
        .poll(() => section(options, 'Import').getByRole('status').textContent())
        .toBe('Imported 1 session.');

      await importFile(options, join(FIXTURES, 'session_buddy_v4_collections_example.json'));
      await expect
        .poll(() => preview.locator('p').first().textContent())
        .toMatch(/^Session Buddy \(v4 JSON\) file: /);
      await preview.getByRole('button', { name: /^Import \d+ sessions?$/ }).click();
      await expect
        .poll(() => section(options, 'Import').getByRole('status').textContent())
        .toMatch(/^Imported \d+ sessions?\.$/);

      await importFile(options, join(FIXTURES, 'tab_session_manager_7.3_export_single.json'));
      await expect
        .poll(() => preview.locator('p').first().textContent())
        .toBe(
          'Tab Session Manager file: 0 sessions, 0 windows, 0 tabs to import. 1 session already in Tabkeep will not be imported twice.',
        );
      expect(await preview.getByRole('button', { name: 'Import 0 sessions' }).isDisabled()).toBe(
        true,
      );

      const popup = await b.openExtensionPage('popup.html');
      await expect
        .poll(() => popup.locator('li.session .session-name').allTextContents())
        .toContain('Fixture session A');
    });

    test('a file of no known format is refused with a message that says why', async () => {
      const junk = join(work, 'notes.json');
      await writeFile(junk, '{"hello": "world"}');
      await options.bringToFront();
      await importFile(options, junk);
      await expect
        .poll(() => section(options, 'Import').getByRole('status').textContent())
        .toBe(
          'This file is not in a format Tabkeep knows: it is JSON, but not an export of Tabkeep, Tab Session Manager or Session Buddy, nor a Firefox session file.',
        );
    });

    test('a file dropped on the Import section is read in the worker, with a progress bar', async () => {
      await options.bringToFront();
      // Notes every progress bar the page shows, however briefly.
      await options.evaluate(() => {
        const seen: string[] = [];
        (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
        new MutationObserver(() => {
          const label = document.querySelector('.progress label');
          if (label !== null) seen.push(label.textContent ?? '');
        }).observe(document.body, { childList: true, subtree: true });
      });
      const text = await readFile(join(FIXTURES, 'onetab_export_example.txt'), 'utf8');
      const drop = await options.evaluateHandle((content) => {
        const data = new DataTransfer();
        data.items.add(new File([content], 'onetab.txt', { type: 'text/plain' }));
        return data;
      }, text);
      await section(options, 'Import').dispatchEvent('drop', { dataTransfer: drop });
      const preview = options.getByRole('group', { name: 'Import preview' });
      await expect
        .poll(() => preview.locator('p').first().textContent())
        .toMatch(/^OneTab file: \d+ sessions?, \d+ windows?, \d+ tabs to import\.$/);
      await preview.getByRole('button', { name: /^Import \d+ sessions?$/ }).click();
      await expect
        .poll(() => section(options, 'Import').getByRole('status').textContent())
        .toMatch(/^Imported \d+ sessions?\.$/);
      const seen = await options.evaluate(
        () => (globalThis as unknown as { progressSeen: string[] }).progressSeen,
      );
      expect(seen.some((label) => label.startsWith('Reading onetab.txt…'))).toBe(true);
      expect(seen.some((label) => label.startsWith('Writing 1 session…'))).toBe(true);
    });

    test('a file chosen while another is read replaces it: only the last one is imported', async () => {
      await options.bringToFront();
      // A Tab Session Manager file of about 40 MB: its read takes a second or more.
      const sessions = JSON.parse(
        await readFile(join(FIXTURES, 'tab_session_manager_7.3_export_all.json'), 'utf8'),
      ) as { id: string; name: string }[];
      const copies = Array.from({ length: 2000 }, (_, i) =>
        sessions.map((s) => ({ ...s, id: `${s.id}-${i}`, name: `${s.name} ${i}` })),
      ).flat();
      const big = join(work, 'big-tab-session-manager.json');
      await writeFile(big, JSON.stringify(copies, null, 2));
      const storage = options.locator('footer.storage-line');
      const count = async () =>
        Number(
          /^([\d,]+) sessions?/.exec((await storage.textContent()) ?? '')?.[1]?.replace(/,/g, ''),
        );
      const before = await count();

      await importFile(options, big);
      await expect
        .poll(() => options.locator('.progress label').textContent())
        .toMatch(/^Reading big-tab-session-manager\.json/);
      const urls = join(work, 'replacing-urls.txt');
      await writeFile(urls, `${pages.url('replacing-1')}\n${pages.url('replacing-2')}\n`);
      await importFile(options, urls);
      const preview = options.getByRole('group', { name: 'Import preview' });
      const summary = preview.locator('p').first();
      const urlList = /^URL list file: 1 session, 1 window, 2 tabs to import\.$/;
      await expect.poll(() => summary.textContent()).toMatch(urlList);
      // Long enough for the first file's read to have ended, had it not been stopped.
      await options.waitForTimeout(5000);
      expect(await summary.textContent()).toMatch(urlList);
      const importButton = preview.getByRole('button', { name: /^Import [1-9]\d* sessions?$/ });
      const label = (await importButton.textContent())!;
      await importButton.click();
      await expect
        .poll(() => section(options, 'Import').getByRole('status').textContent())
        .toBe(`Imported ${label.replace(/^Import /, '')}.`);
      await expect.poll(count).toBe(before + Number(/\d+/.exec(label)![0]));
    });

    test('Cancel after the preview imports nothing, and the same file can be imported later', async () => {
      await options.bringToFront();
      const storage = options.locator('footer.storage-line');
      // "5 sessions · 0 autosaves · 180 KB used · …": the count, not the bytes, which move.
      const sessions = async () =>
        /^[\d,]+ sessions?/.exec((await storage.textContent()) ?? '')?.[0];
      const before = await sessions();
      expect(before).toMatch(/^[1-9][\d,]* sessions$/);
      const file = join(FIXTURES, 'session_buddy_v3_export_RECONSTRUCTED.json');
      await importFile(options, file);
      const preview = options.getByRole('group', { name: 'Import preview' });
      const importButton = preview.getByRole('button', { name: /^Import [1-9]\d* sessions?$/ });
      await importButton.waitFor();
      await preview.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => preview.count()).toBe(0);
      // The service dropped what it held: nothing arrives, however long one waits for it.
      await options.reload();
      await expect.poll(sessions).toBe(before);

      await importFile(options, file);
      const label = await importButton.textContent();
      await importButton.click();
      await expect
        .poll(() => section(options, 'Import').getByRole('status').textContent())
        .toBe(`Imported ${label!.replace(/^Import /, '')}.`);
      await expect.poll(sessions).not.toBe(before);
    });
  },
);
