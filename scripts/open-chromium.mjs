// Opens Debian's Chromium with the built extension on a throwaway profile, and removes the
// profile when the browser closes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const extension = resolve('.output/chrome-mv3');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(join(extension, 'manifest.json'))) {
  console.error(`No build at ${extension}: run "npm run build" first.`);
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`Chromium is not at ${chromium}: run "bash scripts/setup.sh" (or set CHROMIUM).`);
  process.exit(1);
}
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display to open Chromium on (DISPLAY is not set). Run this on a desktop, or under "xvfb-run -a".',
  );
  process.exit(1);
}

const profile = mkdtempSync(join(tmpdir(), 'tabkeep-profile-'));
console.log(`Chromium with Tabkeep, throwaway profile ${profile}`);
const browser = spawn(
  chromium,
  [
    `--user-data-dir=${profile}`,
    `--load-extension=${extension}`,
    `--disable-extensions-except=${extension}`,
    '--no-first-run',
    '--no-default-browser-check',
    // This machine has no network but loopback; these keep Chromium from calling out.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'chrome://extensions/',
  ],
  { stdio: 'inherit' },
);
const cleanUp = () => rmSync(profile, { recursive: true, force: true });
browser.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => browser.kill(signal));
}
