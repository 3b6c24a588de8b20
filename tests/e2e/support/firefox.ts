import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { waitUntil } from './wait';

export type { WebExtBrowser };

export const FIREFOX_ESR = '/usr/bin/firefox-esr';
export const DEFAULT_ADDON_ID = 'tabkeep@tabkeep.dev';
/** Any fixed v4-shaped UUID: pinning it makes the origin (and its IndexedDB) stable across relaunches. */
export const DEFAULT_EXTENSION_UUID = '7ab0cee9-5e55-4a1d-8b0e-7ab0cee95e55';

/**
 * 'profile': a proxy file in <profile>/extensions/ (unsigned, allowed on ESR). It survives
 * close and SIGKILL and the extension starts with the browser, so runtime.onStartup fires
 * like for a real user. 'temporary': WebDriver BiDi webExtension.install; Firefox drops it
 * at every exit (even a crash), so each launch re-installs and onInstalled fires instead.
 */
export type InstallMode = 'profile' | 'temporary';

export type PrefValue = string | number | boolean;

export interface LaunchOptions {
  extensionDir: string;
  addonId?: string;
  /** Reused as is when given (never deleted); otherwise a temp dir that close() deletes. */
  userDataDir?: string;
  headless?: boolean;
  install?: InstallMode;
  uuid?: string;
  /** Override puppeteer's defaults too, e.g. 'browser.sessionstore.resume_from_crash'. */
  prefs?: Record<string, PrefValue>;
  executablePath?: string;
}

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FirefoxSession {
  readonly browser: Browser;
  readonly uuid: string;
  /** 'moz-extension://<uuid>', no trailing slash. */
  readonly origin: string;
  readonly userDataDir: string;
  readonly options: Readonly<LaunchOptions>;
  openExtensionPage(path: string, readySelector: string, timeoutMs?: number): Promise<Page>;
  evalInExtension<R, A extends JsonValue[]>(
    page: Page,
    fn: (api: WebExtBrowser, ...args: A) => R,
    ...args: A
  ): Promise<Awaited<R>>;
  /** Simulated crash: SIGKILL to the whole process group, no shutdown, profile kept. */
  kill(): Promise<void>;
  /** Graceful quit; deletes the profile only if this harness created it. */
  close(): Promise<void>;
  /** Same profile, same options (extensionDir may change, e.g. for upgrades); quits first if alive. */
  relaunch(
    overrides?: Partial<Pick<LaunchOptions, 'extensionDir' | 'prefs'>>,
  ): Promise<FirefoxSession>;
}

// Navigating to moz-extension: over BiDi is refused without system access.
const FIREFOX_ARGS = ['--remote-allow-system-access'];
// Where the copy of the extension lives inside the profile.
const EXTENSION_COPY = 'harness-extension';

export async function launchFirefox(opts: LaunchOptions): Promise<FirefoxSession> {
  const ownsProfile = opts.userDataDir === undefined;
  const userDataDir = resolve(opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'tabkeep-ff-'))));
  try {
    return await start(opts, userDataDir, ownsProfile);
  } catch (error) {
    // Nobody holds a session to close() yet, so nobody else would delete it.
    if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function start(
  opts: LaunchOptions,
  userDataDir: string,
  ownsProfile: boolean,
): Promise<FirefoxSession> {
  const addonId = opts.addonId ?? DEFAULT_ADDON_ID;
  const uuid = opts.uuid ?? DEFAULT_EXTENSION_UUID;
  const install = opts.install ?? 'profile';
  const origin = `moz-extension://${uuid}`;
  await assertAddonId(opts.extensionDir, addonId);
  // A private copy: others rebuild .output/ (wxt wipes it first) while tests run. Firefox
  // takes a new mtime of the add-on's directory for an update (onInstalled 'update', on
  // every relaunch), so the copy carries the source's: only a real rebuild changes it.
  const extensionCopy = join(userDataDir, EXTENSION_COPY);
  await rm(extensionCopy, { recursive: true, force: true });
  await cp(opts.extensionDir, extensionCopy, { recursive: true, preserveTimestamps: true });
  const { atime, mtime } = await stat(opts.extensionDir);
  await utimes(extensionCopy, atime, mtime);
  if (install === 'profile') {
    const proxyFile = join(userDataDir, 'extensions', addonId);
    await mkdir(dirname(proxyFile), { recursive: true });
    if (!existsSync(proxyFile)) await writeFile(proxyFile, extensionCopy);
  }

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: opts.executablePath ?? FIREFOX_ESR,
    headless: opts.headless ?? true,
    args: FIREFOX_ARGS,
    userDataDir,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      'xpinstall.signatures.required': false,
      ...opts.prefs,
    },
  });
  try {
    if (install === 'temporary') {
      const installed = await browser.installExtension(extensionCopy);
      if (installed !== addonId) throw new Error(`installed ${installed}, expected ${addonId}`);
    }
  } catch (error) {
    await browser.close();
    throw error;
  }

  let alive = true;
  const session: FirefoxSession = {
    browser,
    uuid,
    origin,
    userDataDir,
    options: opts,
    openExtensionPage: (path, readySelector, timeoutMs) =>
      openPage(browser, new URL(path, `${origin}/`).href, readySelector, timeoutMs),
    evalInExtension,
    async kill() {
      alive = false;
      await killProcessGroup(browser);
      await puppeteerCleanup(userDataDir);
    },
    async close() {
      if (alive) await browser.close();
      alive = false;
      if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
    },
    async relaunch(overrides) {
      if (alive) await browser.close();
      alive = false;
      return start({ ...opts, ...overrides }, userDataDir, ownsProfile);
    },
  };
  return session;
}

/** Runs fn inside an extension page with the page's own `browser` global as first argument. */
export async function evalInExtension<R, A extends JsonValue[]>(
  page: Page,
  fn: (api: WebExtBrowser, ...args: A) => R,
  ...args: A
): Promise<Awaited<R>> {
  // A source string, not a function + args: passing fn itself through would need eval()
  // in the page, which the MV3 CSP forbids; script.evaluate from BiDi is not subject to it.
  const expression = `(${fn.toString()})(globalThis.browser, ...${JSON.stringify(args)})`;
  return (await page.evaluate(expression)) as Awaited<R>;
}

async function openPage(
  browser: Browser,
  url: string,
  readySelector: string,
  timeoutMs = 15_000,
): Promise<Page> {
  const page = await browser.newPage();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      // goto to moz-extension: never settles over BiDi, except to reject: at once when the
      // extension is not (yet) registered, or with "Frame detached" when the tab goes away.
      const navigation = page.goto(url).then(() => 'settled' as const);
      navigation.catch(() => undefined);
      const outcome = await Promise.race([
        page
          .waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) })
          .then(() => 'ready' as const),
        navigation,
      ]).catch((error: unknown) => error);
      if (outcome === 'ready') return page;
      if (outcome === 'settled') {
        await page.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
        return page;
      }
      // The wait can also fail when the document is replaced under it (the extension
      // registering during startup swaps the error page for ours): look once more.
      if ((await page.$(readySelector).catch(() => null)) !== null) return page;
      if (Date.now() > deadline) {
        throw new Error(`${url} did not show ${readySelector} (wrong uuid or id? not installed?)`, {
          cause: outcome,
        });
      }
      await sleep(200);
    }
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
}

async function killProcessGroup(browser: Browser): Promise<void> {
  const child = browser.process();
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // puppeteer spawns Firefox detached, so -pid also takes the content processes down.
  process.kill(-child.pid, 'SIGKILL');
  await exited;
}

/**
 * After the process exits puppeteer asynchronously puts back the prefs.js/user.js it backed
 * up at launch; a relaunch racing with that could lose prefs. (browser.close() awaits it.)
 */
async function puppeteerCleanup(userDataDir: string): Promise<void> {
  const backups = ['prefs.js.puppeteer', 'user.js.puppeteer'].map((f) => join(userDataDir, f));
  await waitUntil(
    async () => backups.some((f) => existsSync(f)),
    (pending) => !pending,
    { timeoutMs: 5_000, intervalMs: 50 },
  );
}

/** A mismatch would otherwise surface as a page that never loads. */
async function assertAddonId(extensionDir: string, addonId: string): Promise<void> {
  const manifest: unknown = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  const found = geckoId(manifest);
  if (found !== addonId) {
    throw new Error(`${extensionDir}/manifest.json has gecko id ${String(found)}, not ${addonId}`);
  }
}

function geckoId(manifest: unknown): unknown {
  let node: unknown = manifest;
  for (const key of ['browser_specific_settings', 'gecko', 'id']) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
