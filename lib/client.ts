import { browser } from 'wxt/browser';
import {
  PROTOCOL_VERSION,
  type ArgOf,
  type Method,
  type ResultOf,
  type ServiceReply,
  type ServiceRequest,
} from './protocol';

/** A failed service call; its message is meant for the person using Tabkeep. */
export class ServiceCallError extends Error {
  override name = 'ServiceCallError';
}

const NO_ANSWER = 'Tabkeep’s background service did not answer. Try again.';

/** Calls the session service in the background. Throws ServiceCallError on failure. */
export async function callService<M extends Method>(
  method: M,
  arg: ArgOf<M>,
): Promise<ResultOf<M>> {
  const reply = (await browser.runtime.sendMessage(request(method, arg))) as
    ServiceReply<M> | undefined;
  return unwrap(reply);
}

/**
 * The same call, for requests that carry megabytes (the parts of an import). Chrome's
 * runtime messages are JSON, which costs about 80 ms a 1.5 MB part on each side; posted
 * straight to the service worker, the part is structured-cloned (a string: one copy), five
 * times faster. Firefox's background is an event page, whose runtime messages are already
 * structured-cloned: there the call goes as any other.
 */
export async function callServiceBulk<M extends Method>(
  method: M,
  arg: ArgOf<M>,
): Promise<ResultOf<M>> {
  const worker = await activeServiceWorker();
  if (worker === null) return callService(method, arg);
  return unwrap(await postToWorker<M>(worker, request(method, arg)));
}

function request<M extends Method>(method: M, arg: ArgOf<M>): ServiceRequest<M> {
  return { tabkeep: PROTOCOL_VERSION, method, arg };
}

function unwrap<M extends Method>(reply: ServiceReply<M> | undefined): ResultOf<M> {
  if (reply === undefined) throw new ServiceCallError(NO_ANSWER);
  if (!reply.ok) throw new ServiceCallError(reply.error);
  return reply.value;
}

/** The extension's service worker, if the background is one and it is installed. */
async function activeServiceWorker(): Promise<ServiceWorker | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return registration?.active ?? null;
}

/**
 * A worker stopped mid-call never answers on the port: after this long the call fails as
 * an unanswered runtime message does. A part takes well under a second.
 */
const POST_TIMEOUT_MS = 60_000;

function postToWorker<M extends Method>(
  worker: ServiceWorker,
  message: ServiceRequest<M>,
): Promise<ServiceReply<M> | undefined> {
  const channel = new MessageChannel();
  return new Promise<ServiceReply<M> | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), POST_TIMEOUT_MS);
    channel.port1.onmessage = ({ data }: MessageEvent<ServiceReply<M>>) => {
      clearTimeout(timer);
      resolve(data);
    };
    worker.postMessage(message, [channel.port2]);
  }).finally(() => channel.port1.close());
}
