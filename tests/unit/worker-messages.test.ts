import { afterEach, describe, expect, it, vi } from 'vitest';
import { onWorkerMessage, type WorkerScope } from '@/lib/adapters/worker-messages';

const ORIGIN = 'chrome-extension://abcdefghijklmnop';

/** A service worker's scope: listeners registered, and a way to deliver a message event. */
function fakeScope() {
  const target = new EventTarget();
  const scope = {
    addEventListener: target.addEventListener.bind(target),
    location: { origin: ORIGIN },
  } as unknown as WorkerScope;
  const deliver = (data: unknown, origin: string, withPort = true) => {
    const channel = new MessageChannel();
    const event = new MessageEvent('message', {
      data,
      origin,
      ports: withPort ? [channel.port2] : [],
    });
    const waited: Promise<unknown>[] = [];
    Object.assign(event, { waitUntil: (p: Promise<unknown>) => waited.push(p) });
    const reply = new Promise((resolve) => {
      channel.port1.onmessage = ({ data: answer }) => resolve(answer);
    });
    target.dispatchEvent(event);
    return { waited, reply, close: () => channel.port1.close() };
  };
  return { scope, deliver };
}

describe('requests posted to the service worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('answers a request of our own origin on its port, and keeps the worker up meanwhile', async () => {
    vi.stubGlobal('ServiceWorkerGlobalScope', function ServiceWorkerGlobalScope() {});
    const { scope, deliver } = fakeScope();
    onWorkerMessage(async (message) => ({ echoed: message }), scope);
    const sent = deliver({ method: 'stageImport' }, ORIGIN);
    expect(sent.waited).toHaveLength(1);
    await expect(sent.reply).resolves.toEqual({ echoed: { method: 'stageImport' } });
    sent.close();
  });

  it('ignores messages of another origin, and those without a port for the answer', () => {
    vi.stubGlobal('ServiceWorkerGlobalScope', function ServiceWorkerGlobalScope() {});
    const { scope, deliver } = fakeScope();
    const handle = vi.fn(async () => 'answer');
    onWorkerMessage(handle, scope);
    const foreign = deliver({ method: 'stageImport' }, 'https://example.com');
    const portless = deliver({ method: 'stageImport' }, ORIGIN, false);
    expect(handle).not.toHaveBeenCalled();
    expect(foreign.waited).toHaveLength(0);
    expect(portless.waited).toHaveLength(0);
    foreign.close();
    portless.close();
  });

  it('does not listen outside a service worker (Firefox’s event page is a window)', () => {
    const { scope, deliver } = fakeScope();
    const handle = vi.fn(async () => 'answer');
    onWorkerMessage(handle, scope);
    const sent = deliver({ method: 'stageImport' }, ORIGIN);
    expect(handle).not.toHaveBeenCalled();
    sent.close();
  });
});
