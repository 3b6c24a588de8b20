import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { startPagesServer, type PagesServer } from './support/pages-server';

interface Chrome {
  action: { getBadgeText(d: object): Promise<string>; setBadgeText(d: { text: string }): Promise<void> };
  storage: { local: { get(k?: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
  windows: {
    create(d: { url: string[] }): Promise<{ id?: number }>;
    getAll(d: { populate: boolean }): Promise<{ id?: number; tabs?: { url?: string; status?: string; title?: string }[] }[]>;
  };
}
declare const chrome: Chrome;

const EXT = '/tmp/kbd-ext';
let pages: PagesServer;
beforeAll(async () => {
  pages = await startPagesServer();
});
afterAll(async () => {
  await pages.close();
});

const poll = async <T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<{ v: T; t: number }> => {
  const t0 = Date.now();
  let v = await f();
  while (!ok(v) && Date.now() - t0 < ms) {
    await new Promise((r) => setTimeout(r, 50));
    v = await f();
  }
  return { v, t: Date.now() - t0 };
};

it('headless: extension page and worker restart', async () => {
  const t0 = Date.now();
  const s = await launchChromium({ extensionDir: EXT });
  console.log('headless launch ms', Date.now() - t0, 'id', s.extensionId, 'display', s.display);
  const page = await s.openExtensionPage('page.html');
  expect(await page.title()).toBe('ext page');
  expect(await page.locator('#p').textContent()).toBe('hello from extension');
  expect(await s.evalInWorker(() => 1 + 1)).toBe(2);
  expect(await s.evalInWorker((x: number) => x * 3, 5)).toBe(15);
  // Force a worker stop, then evalInWorker must find the new one.
  const before = s.serviceWorker;
  const cdp = await s.context.newCDPSession(page);
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    status = e.versions.map((v) => v.runningStatus).join(',');
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await poll(async () => status, (x) => x === 'stopped', 5000);
  console.log('status after stop', status, 'workers', s.context.serviceWorkers().length);
  const t1 = Date.now();
  expect(await s.evalInWorker(() => 'alive')).toBe('alive');
  console.log('worker re-acquire ms', Date.now() - t1, 'changed', before !== s.serviceWorker);
  const dir = s.userDataDir;
  await s.close();
  expect(existsSync(dir)).toBe(false);
});

it('headed: keyboard shortcut fires, 3 times', async () => {
  const t0 = Date.now();
  const s = await launchChromium({ extensionDir: EXT, headed: true });
  console.log('headed launch ms', Date.now() - t0, 'display', s.display);
  try {
    const urls = [[pages.url('a1'), pages.url('a2')], [pages.url('b1')]];
    await s.evalInWorker(async (u: string[][]) => {
      for (const url of u) await chrome.windows.create({ url });
    }, urls);
    const loaded = await poll(
      () => s.evalInWorker(async () => (await chrome.windows.getAll({ populate: true })).flatMap((w) => w.tabs ?? [])),
      (tabs) => tabs.filter((t) => t.title?.startsWith('Page ')).length === 3,
    );
    console.log('tabs', JSON.stringify(loaded.v.map((t) => t.title)));
    const env = { ...process.env, DISPLAY: s.display };
    for (const args of [['--onlyvisible', '--class', 'chromium'], ['--onlyvisible', '--name', 'Chromium'], ['--onlyvisible', '--classname', 'chromium']]) {
      let out = '';
      try {
        out = execFileSync('/usr/bin/xdotool', ['search', ...args], { env }).toString().trim();
      } catch {
        out = '(none)';
      }
      console.log('xdotool search', args.join(' '), '->', out.replace(/\n/g, ','));
    }
    for (let i = 1; i <= 3; i++) {
      await s.evalInWorker(() => chrome.action.setBadgeText({ text: '' }));
      const tp = Date.now();
      await s.pressKeys('alt+shift+s');
      const pressMs = Date.now() - tp;
      const r = await poll(() => s.evalInWorker(() => chrome.action.getBadgeText({})), (b) => b === 'OK');
      const { v: stored } = await poll(() => s.evalInWorker(() => chrome.storage.local.get()), (x) => x.count === i);
      console.log(`press ${i}: xdotool ${pressMs} ms, badge '${r.v}' after ${r.t} ms, storage`, JSON.stringify(stored));
      expect(r.v).toBe('OK');
      expect(stored.count).toBe(i);
    }
  } finally {
    await s.close();
  }
});

it('kill and relaunch on the same profile', async () => {
  const s = await launchChromium({ extensionDir: EXT, headed: true });
  const dir = s.userDataDir;
  await s.evalInWorker(() => chrome.storage.local.set({ marker: 'before-kill' }));
  await s.evalInWorker(async (u: string[]) => {
    await chrome.windows.create({ url: u });
  }, [pages.url('k1'), pages.url('k2')]);
  await new Promise((r) => setTimeout(r, 1500));
  const tk = Date.now();
  await s.kill();
  console.log('kill ms', Date.now() - tk);
  const left = execFileSync('ps', ['-eo', 'pid,args']).toString().split('\n').filter((l) => l.includes(dir));
  console.log('processes left on profile after kill:', left.length, left.map((l) => l.slice(0, 120)));
  expect(existsSync(dir)).toBe(true);
  const t0 = Date.now();
  const s2 = await launchChromium({ extensionDir: EXT, headed: true, userDataDir: dir, removeUserDataDir: true });
  console.log('relaunch ms', Date.now() - t0);
  try {
    expect(s2.extensionId).toBe(s.extensionId);
    expect((await s2.evalInWorker(() => chrome.storage.local.get('marker'))).marker).toBe('before-kill');
    const wins = await s2.evalInWorker(async () => (await chrome.windows.getAll({ populate: true })).map((w) => (w.tabs ?? []).map((t) => t.url)));
    console.log('windows after relaunch', JSON.stringify(wins));
    await s2.evalInWorker(() => chrome.action.setBadgeText({ text: '' }));
    await s2.pressKeys('alt+shift+s');
    const r = await poll(() => s2.evalInWorker(() => chrome.action.getBadgeText({})), (b) => b === 'OK');
    expect(r.v).toBe('OK');
  } finally {
    await s2.close();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(existsSync(dir)).toBe(false);
});
