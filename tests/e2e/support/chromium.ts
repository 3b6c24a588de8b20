import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startXvfb, type Xvfb } from './xvfb';

const CHROMIUM = '/usr/bin/chromium';
const XDOTOOL = '/usr/bin/xdotool';
const WORKER_TIMEOUT_MS = 15_000;
const WORKER_NUDGE_MS = 1_000;
const run = promisify(execFile);

export interface LaunchOptions {
  /** Unpacked extension (a directory holding manifest.json). */
  extensionDir: string;
  /** Real windows on a private Xvfb, needed for keyboard shortcuts. Default: headless. */
  headed?: boolean;
  /** Profile to reuse, e.g. after kill(). Default: a fresh temporary one. */
  userDataDir?: string;
  /** Delete the profile on close(). Default: only when it was created here. */
  removeUserDataDir?: boolean;
  /** The browser's language (`--lang` and LANGUAGE), e.g. "de". Default: the machine's. */
  lang?: string;
}

/** Runs `fn` in the extension's background service worker, like playwright's Worker.evaluate. */
export interface EvalInWorker {
  <R>(fn: () => R | Promise<R>): Promise<R>;
  <R, Arg>(fn: (arg: Arg) => R | Promise<R>, arg: Arg): Promise<R>;
}

export interface ChromiumSession {
  context: BrowserContext;
  /** DISPLAY of the private X server, undefined when headless. */
  display: string | undefined;
  userDataDir: string;
  extensionId: string;
  /** The background worker as last seen; it changes when Chromium restarts the worker. */
  readonly serviceWorker: Worker;
  evalInWorker: EvalInWorker;
  /** Opens chrome-extension://<id>/<path> in a new tab and waits for its load event. */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends keys (xdotool syntax, e.g. "alt+shift+s") to a Chromium window. Headed only. */
  pressKeys(keys: string): Promise<void>;
  /** Closes the browser cleanly, stops Xvfb, removes a temporary profile. Idempotent. */
  close(): Promise<void>;
  /** SIGKILLs the browser like a crash would, and keeps the profile for a relaunch. */
  kill(): Promise<void>;
}

export async function launchChromium(opts: LaunchOptions): Promise<ChromiumSession> {
  const extensionDir = resolve(opts.extensionDir);
  // Absolute, because kill() finds the browser by this exact string in its command line.
  const userDataDir = opts.userDataDir
    ? resolve(opts.userDataDir)
    : await mkdtemp(join(tmpdir(), 'tabkeep-e2e-'));
  let removeProfile = opts.removeUserDataDir ?? opts.userDataDir === undefined;
  const xvfb: Xvfb | undefined = opts.headed ? await startXvfb() : undefined;
  const display = xvfb?.display;

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: !opts.headed,
      // Real window sizes: the extension reads and restores window geometry.
      viewport: null,
      env: {
        ...process.env,
        ...(display && { DISPLAY: display }),
        ...(opts.lang && { LANGUAGE: opts.lang }),
      },
      args: [
        // Outranks Playwright's default --disable-extensions, so that needs no ignoreDefaultArgs.
        `--load-extension=${extensionDir}`,
        `--disable-extensions-except=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--window-size=1280,900',
        ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      ],
    });
  } catch (err) {
    await xvfb?.stop();
    if (removeProfile) await removeDir(userDataDir);
    throw err;
  }

  const isOurs = (w: Worker): boolean => w.url().startsWith('chrome-extension://');
  let worker: Worker;
  try {
    worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', {
        predicate: isOurs,
        timeout: WORKER_TIMEOUT_MS,
      }));
  } catch (err) {
    await context.close().catch(() => undefined);
    await xvfb?.stop();
    if (removeProfile) await removeDir(userDataDir);
    throw new Error(`Extension at ${extensionDir} started no service worker`, { cause: err });
  }
  const extensionId = new URL(worker.url()).host;
  const ourUrl = (w: Worker): boolean => new URL(w.url()).host === extensionId;

  // Chromium stops idle or crashed workers and only starts them again on an extension event.
  // The ServiceWorker domain lives on page targets, so this borrows (or opens) a tab.
  const startWorker = async (): Promise<void> => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    try {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.startWorker', {
        scopeURL: `chrome-extension://${extensionId}/`,
      });
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };

  const liveWorker = async (): Promise<Worker> => {
    const found = context.serviceWorkers().find(ourUrl);
    if (found) return (worker = found);
    // The old worker is gone for good (extension reloaded or updated): wait for its successor.
    const next = context.waitForEvent('serviceworker', {
      predicate: ourUrl,
      timeout: WORKER_TIMEOUT_MS,
    });
    await startWorker().catch(() => undefined);
    return (worker = await next);
  };

  // Loosely typed inside; EvalInWorker gives callers the checked signatures.
  const evalInWorker = (async (fn: (arg: unknown) => unknown, arg?: unknown) => {
    const result = (await liveWorker()).evaluate(fn, arg);
    // A stopped worker keeps its Worker object, and the evaluation waits until the worker runs
    // again, so a slow answer may just mean nothing has woken it: do that. Harmless if running.
    const nudge = setTimeout(() => void startWorker().catch(() => undefined), WORKER_NUDGE_MS);
    try {
      return await result;
    } finally {
      clearTimeout(nudge);
    }
  }) as EvalInWorker;

  let closed = false;
  const shutDown = async (graceful: boolean): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      if (graceful) await context.close();
      else await killBrowser(context, userDataDir);
    } finally {
      // Only after the browser is gone: Chromium aborts when its X server disappears.
      await xvfb?.stop();
    }
    if (removeProfile) await removeDir(userDataDir);
  };

  return {
    context,
    display,
    userDataDir,
    extensionId,
    get serviceWorker() {
      return worker;
    },
    evalInWorker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`, {
        waitUntil: 'load',
      });
      return page;
    },
    async pressKeys(keys) {
      if (!display) throw new Error('pressKeys needs a headed session');
      const env = { ...process.env, DISPLAY: display };
      const win = await findChromiumWindow(env);
      await run(
        XDOTOOL,
        ['windowfocus', '--sync', win, 'key', '--clearmodifiers', ...keys.split(/\s+/)],
        { env, timeout: 10_000 },
      );
    },
    close: () => shutDown(true),
    kill: async () => {
      // A killed session leaves the profile to whoever relaunches on it.
      removeProfile = false;
      await shutDown(false);
    },
  };
}

async function findChromiumWindow(env: NodeJS.ProcessEnv): Promise<string> {
  const searches = [
    ['--onlyvisible', '--class', 'chromium'],
    ['--onlyvisible', '--name', 'Chromium'],
  ];
  for (const args of searches) {
    // xdotool exits 1 when nothing matches; that is not an error here.
    const out = await run(XDOTOOL, ['search', ...args], { env, timeout: 10_000 }).then(
      (r) => r.stdout,
      () => '',
    );
    const first = out.split('\n').find((line) => /^\d+$/.test(line.trim()));
    if (first) return first.trim();
  }
  throw new Error(`No visible Chromium window on ${env.DISPLAY ?? '?'}`);
}

/**
 * Pids of the browser process running on this profile. Its children carry the same
 * --user-data-dir (so `pgrep -f` matches a dozen), but only they have --type=.
 */
async function browserPids(userDataDir: string): Promise<number[]> {
  const flag = `--user-data-dir=${userDataDir}`;
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Processes may exit while we look.
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (args.includes(flag) && !args.some((a) => a.startsWith('--type='))) pids.push(+entry);
  }
  return pids;
}

async function killBrowser(context: BrowserContext, userDataDir: string): Promise<void> {
  const pids = await browserPids(userDataDir);
  if (pids.length === 0) throw new Error(`No Chromium process found for ${userDataDir}`);
  const gone = new Promise<void>((r) => context.once('close', () => r()));
  for (const pid of pids) process.kill(pid, 'SIGKILL');
  await gone;
}

/**
 * Deletes a profile. A Chromium that quit by itself (its last window closed) may still be
 * writing its session files for a moment: retry instead of failing the test on ENOTEMPTY.
 */
function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
