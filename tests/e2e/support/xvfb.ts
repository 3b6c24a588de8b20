import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';

export interface Xvfb {
  /** Value for DISPLAY, e.g. ":99". */
  display: string;
  stop(): Promise<void>;
}

const XVFB = '/usr/bin/Xvfb';
// Start well above the displays a desktop or xvfb-run (:99) would use, and walk up from there.
const FIRST_DISPLAY = 120;
const LAST_DISPLAY = 220;
const READY_TIMEOUT_MS = 10_000;

const socketPath = (n: number): string => `/tmp/.X11-unix/X${n}`;
const lockPath = (n: number): string => `/tmp/.X${n}-lock`;
/** Pid written in the lock file by the X server holding display n. */
const lockOwner = (n: number): number | undefined => {
  try {
    return Number(readFileSync(lockPath(n), 'utf8').trim());
  } catch {
    return undefined;
  }
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts a private X server on the first free display number. */
export async function startXvfb(): Promise<Xvfb> {
  const failures: string[] = [];
  for (let n = FIRST_DISPLAY; n <= LAST_DISPLAY; n++) {
    if (existsSync(socketPath(n)) || existsSync(lockPath(n))) continue;
    const outcome = await tryDisplay(n);
    if (typeof outcome !== 'string') return outcome;
    // Another process may have taken the number between our check and Xvfb's lock: move on.
    failures.push(`:${n}: ${outcome}`);
    if (failures.length >= 5) break;
  }
  throw new Error(`Could not start Xvfb.\n${failures.join('\n')}`);
}

/** Resolves to a running Xvfb, or to the reason it did not come up. */
async function tryDisplay(n: number): Promise<Xvfb | string> {
  const proc = spawn(XVFB, [`:${n}`, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Keep only the tail of stderr, for error messages; reading it also stops the pipe filling up.
  let log = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-2000);
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    proc.once('exit', () => {
      exited = true;
      resolve();
    });
    proc.once('error', (err) => {
      log += String(err);
      exited = true;
      resolve();
    });
  });

  // The socket appears once the server listens. It must be our server's: a concurrent start on
  // the same number creates the socket while ours is still failing on the lock.
  const ready = (): boolean => existsSync(socketPath(n)) && lockOwner(n) === proc.pid;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!exited && !ready() && Date.now() < deadline) await sleep(25);
  if (exited) return `exited early: ${log.trim()}`;
  if (!ready()) {
    await stopProcess(proc, exit);
    return `no socket after ${READY_TIMEOUT_MS} ms: ${log.trim()}`;
  }

  // A test process that is killed (vitest does that to stuck workers) runs no 'exit' handlers,
  // so the X server would outlive it. This child sees its stdin close when we die, whichever
  // way, and takes the server along.
  const watchdog = spawn('/bin/sh', ['-c', `cat >/dev/null; kill ${proc.pid}`], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // Neither must keep a finished test process alive.
  watchdog.unref();
  (watchdog.stdin as Socket | null)?.unref();
  return {
    display: `:${n}`,
    async stop() {
      watchdog.kill('SIGKILL');
      await stopProcess(proc, exit);
    },
  };
}

async function stopProcess(proc: ChildProcess, exit: Promise<void>): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
  await exit;
  clearTimeout(timer);
}
