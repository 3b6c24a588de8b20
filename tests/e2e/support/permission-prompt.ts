import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

/*
 * Answers Chromium's "<extension> has requested additional permissions" dialog the way a
 * person does, with real key presses on a headed browser under Xvfb. Measured on Chromium
 * 156: headless, the request never settles; the dialog is drawn inside the browser window
 * (no X window of its own); Deny has the focus, so Return denies and Tab then Return allows;
 * and for about 0.5 s after it shows, the dialog drops every key. A request for permissions
 * already granted (even if removed since) shows no dialog: tests need a fresh profile.
 */

const run = promisify(execFile);
const XDOTOOL = '/usr/bin/xdotool';
const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

interface Probe {
  __shiftPresses?: number;
}

export async function answerPermissionPrompt(options: {
  page: Page;
  /** The headed session's DISPLAY. */
  display: string;
  /** What makes the page ask, e.g. a click on its button. */
  trigger: () => Promise<void>;
  answer?: 'allow' | 'deny';
}): Promise<void> {
  const { page, display, trigger, answer = 'allow' } = options;
  const env = { ...process.env, DISPLAY: display };
  const xdotool = async (...args: string[]) =>
    (await run(XDOTOOL, args, { env, timeout: 10_000 })).stdout;
  await page.bringToFront();
  await page.evaluate(() => {
    const probe = globalThis as Probe;
    if (probe.__shiftPresses !== undefined) return;
    probe.__shiftPresses = 0;
    addEventListener('keydown', (e) => e.key === 'Shift' && probe.__shiftPresses!++, true);
  });
  const presses = () => page.evaluate(() => (globalThis as Probe).__shiftPresses ?? 0);
  /** True when a real Shift press on that window reaches the page (no dialog in the way). */
  const reachesPage = async (win: string, waitMs: number): Promise<boolean> => {
    const before = await presses();
    await xdotool('windowfocus', '--sync', win, 'key', '--clearmodifiers', 'shift');
    const deadline = Date.now() + waitMs;
    do {
      if ((await presses()) !== before) return true;
      await sleep(25);
    } while (Date.now() < deadline);
    return false;
  };

  // The window that shows this page: the one whose key presses reach it.
  const windows = (await xdotool('search', '--onlyvisible', '--class', 'chromium').catch(() => ''))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+$/.test(line));
  let win: string | undefined;
  for (const candidate of windows) {
    if (await reachesPage(candidate, 1_000)) {
      win = candidate;
      break;
    }
  }
  if (win === undefined) throw new Error(`No Chromium window on ${display} shows ${page.url()}`);

  await trigger();
  const giveUp = Date.now() + 10_000;
  while (await reachesPage(win, 300)) {
    if (Date.now() > giveUp) throw new Error('No permission dialog appeared.');
  }
  await sleep(1_000);
  await xdotool(
    'windowfocus',
    '--sync',
    win,
    'key',
    '--clearmodifiers',
    ...(answer === 'allow' ? ['Tab', 'Return'] : ['Escape']),
  );
}
