// Chromium driven over a bare DevTools connection that attaches to the bench page alone.
// Playwright attaches to every page the browser opens and instruments each: with the 500
// tabs of a restore that cost more than the restore itself (and starved the bench page).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { CHROMIUM, extensionFlags } from './chromium.mjs';

const START_TIMEOUT_MS = 30_000;

/** One DevTools connection: `send(method, params, sessionId)` resolves with the result. */
function connect(url) {
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  const pending = new Map();
  const listeners = new Set();
  let next = 1;
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.id === undefined) {
      for (const listener of listeners) listener(message);
      return;
    }
    const call = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) call.reject(new Error(`${call.method}: ${message.error.message}`));
    else call.resolve(message.result);
  });
  const opened = new Promise((ok, fail) => {
    socket.once('open', ok);
    socket.once('error', fail);
  });
  return opened.then(() => ({
    send(method, params = {}, sessionId) {
      const id = next++;
      socket.send(JSON.stringify({ id, method, params, sessionId }));
      return new Promise((ok, fail) => pending.set(id, { resolve: ok, reject: fail, method }));
    },
    onEvent(listener) {
      listeners.add(listener);
    },
    close: () => socket.close(),
  }));
}

/** The `DevTools listening on ws://…` line Chromium prints at start. */
function devtoolsUrl(child) {
  return new Promise((ok, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error('Chromium did not start')), START_TIMEOUT_MS);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (found) {
        clearTimeout(timer);
        ok(found[1]);
      }
    });
    child.once('exit', (code) => fail(new Error(`Chromium exited (${code}): ${text}`)));
  });
}

/**
 * Headless Chromium with the extension on a throwaway profile (`profile`), and the bench
 * page open: `api(name, arg)` calls `benchApi[name](arg)` there and resolves with its value.
 */
export async function launchRawBench(extensionDir, { args = [] } = {}) {
  const dir = resolve(extensionDir);
  const profile = await mkdtemp(join(tmpdir(), 'tabkeep-bench-'));
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...extensionFlags(dir),
      '--no-default-browser-check',
      ...args,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((ok) => child.once('exit', ok));
  const close = async () => {
    if (child.exitCode === null) child.kill();
    await exited;
    // Its helper processes may still be writing to the profile for a moment.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  try {
    const cdp = await connect(await devtoolsUrl(child));
    let origin;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (origin === undefined && Date.now() < deadline) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const worker = targetInfos.find(
        (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
      );
      if (worker) origin = /^chrome-extension:\/\/[^/]+/.exec(worker.url)[0];
      else await sleep(100);
    }
    if (origin === undefined) throw new Error('the extension did not start');
    const { targetId } = await cdp.send('Target.createTarget', { url: `${origin}/bench.html` });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    cdp.onEvent((message) => {
      if (message.sessionId !== sessionId || message.method !== 'Runtime.consoleAPICalled') return;
      const text = message.params.args.map((a) => a.value ?? a.description ?? '').join(' ');
      if (text.startsWith('bench:')) console.log(text);
    });
    await cdp.send('Runtime.enable', {}, sessionId);
    const evaluateIn = async (session, expression) => {
      const { result, exceptionDetails } = await cdp.send(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        session,
      );
      if (exceptionDetails) {
        throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      }
      return result.value;
    };
    const evaluate = (expression) => evaluateIn(sessionId, expression);
    let workerSession;
    const evaluateInWorker = async (expression) => {
      if (workerSession === undefined) {
        const { targetInfos } = await cdp.send('Target.getTargets');
        const worker = targetInfos.find(
          (t) => t.type === 'service_worker' && t.url.startsWith(`${origin}/`),
        );
        if (worker === undefined) throw new Error('the extension has no running worker');
        const attached = await cdp.send('Target.attachToTarget', {
          targetId: worker.targetId,
          flatten: true,
        });
        workerSession = attached.sessionId;
      }
      return evaluateIn(workerSession, expression);
    };
    while (!(await evaluate(`typeof globalThis.benchApi === 'object'`))) await sleep(100);
    return {
      profile,
      // For a profile of the worker or a trace: the browser-wide connection.
      cdp,
      // Any expression in the bench page, for one-off experiments.
      evaluate,
      // Any expression in the extension's service worker, where a restore runs: a loop
      // there does not share its thread with the extension pages it opens, as the bench
      // page's would. Attaching keeps the worker running.
      evaluateInWorker,
      // chrome-extension://<id>
      origin,
      api: (name, arg) =>
        evaluate(`globalThis.benchApi[${JSON.stringify(name)}](${JSON.stringify(arg)})`),
      close: async () => {
        // Closed the way a user quits, so the browser ends its processes itself.
        await cdp.send('Browser.close').catch(() => undefined);
        cdp.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
