/*
 * Requests our pages post straight to the background service worker (see callServiceBulk),
 * each with a port for the reply. Only a service worker has them: Firefox's event page is
 * a window, whose message events anyone who holds it could send, so it does not listen.
 */

/** The parts of a service worker's message event used here (lib "webworker" is not loaded). */
interface WorkerMessageEvent extends MessageEvent {
  waitUntil(promise: Promise<unknown>): void;
}

/** The parts of the worker's global scope used here. */
export type WorkerScope = Pick<typeof globalThis, 'addEventListener' | 'location'>;

export function onWorkerMessage(
  handle: (message: unknown) => Promise<unknown>,
  scope: WorkerScope = globalThis,
): void {
  if (!('ServiceWorkerGlobalScope' in globalThis)) return;
  scope.addEventListener('message', (event) => {
    const { origin, ports, data } = event as WorkerMessageEvent;
    const port = ports[0];
    // Only pages of this extension share its origin; anything else is not ours.
    if (origin !== scope.location.origin || port === undefined) return;
    (event as WorkerMessageEvent).waitUntil(handle(data).then((reply) => port.postMessage(reply)));
  });
}
