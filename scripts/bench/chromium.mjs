// Debian's Chromium, headless, with one unpacked extension on a throwaway profile.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { URL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const WORKER_TIMEOUT_MS = 30_000;

export function chromiumVersion() {
  // Debian's wrapper script may complain on stderr; the version is on stdout.
  return execFileSync(CHROMIUM, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

/** The flags every benchmark browser starts with: the unpacked extension at `dir`, alone. */
export function extensionFlags(dir) {
  return [
    `--load-extension=${dir}`,
    `--disable-extensions-except=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    // No network here but loopback: keep Chromium from calling out.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Launches Chromium with the extension; `close()` ends it and removes the profile.
 * `profile` is the profile's directory (it names the browser's processes). `args`: more
 * command-line flags.
 */
export async function launchExtension(extensionDir, { args = [] } = {}) {
  const dir = resolve(extensionDir);
  const profile = await mkdtemp(join(tmpdir(), 'tabkeep-bench-'));
  const removeProfile = () => rm(profile, { recursive: true, force: true });
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...extensionFlags(dir), ...args],
    });
    const isOurs = (w) => w.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', {
        predicate: isOurs,
        timeout: WORKER_TIMEOUT_MS,
      }));
    const started = context;
    return {
      context: started,
      profile,
      extensionUrl: (path) => `chrome-extension://${new URL(worker.url()).host}/${path}`,
      close: async () => {
        await started.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await context?.close();
    await removeProfile();
    throw error;
  }
}

/**
 * The bench build's benchmark page (bench.html) in a browser already launched, its
 * `bench:` console lines echoed; `benchApi` (bench/page/main.ts) is ready on it.
 */
export async function openBenchPage(browser) {
  const page = await browser.context.newPage();
  page.on('console', (message) => {
    if (message.text().startsWith('bench:')) console.log(message.text());
  });
  page.on('pageerror', (error) => console.error(`bench page error: ${error.message}`));
  await page.goto(browser.extensionUrl('bench.html'), { waitUntil: 'load' });
  await page.waitForFunction(() => typeof globalThis.benchApi === 'object');
  return page;
}

/** Opens chrome-extension://<id>/<path>, runs `use(page)`, and always closes the browser. */
export async function withExtensionPage(extensionDir, path, use) {
  const browser = await launchExtension(extensionDir);
  try {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(path), { waitUntil: 'load' });
    return await use(page);
  } finally {
    await browser.close();
  }
}
