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

/** Opens chrome-extension://<id>/<path>, runs `use(page)`, and always closes the browser. */
export async function withExtensionPage(extensionDir, path, use) {
  const dir = resolve(extensionDir);
  const profile = await mkdtemp(join(tmpdir(), 'tabkeep-bench-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
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
      ],
    });
    try {
      const isOurs = (w) => w.url().startsWith('chrome-extension://');
      const worker =
        context.serviceWorkers().find(isOurs) ??
        (await context.waitForEvent('serviceworker', {
          predicate: isOurs,
          timeout: WORKER_TIMEOUT_MS,
        }));
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(worker.url()).host}/${path}`, {
        waitUntil: 'load',
      });
      return await use(page);
    } finally {
      await context.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
