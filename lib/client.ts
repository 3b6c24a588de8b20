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

/** Calls the session service in the background. Throws ServiceCallError on failure. */
export async function callService<M extends Method>(
  method: M,
  arg: ArgOf<M>,
): Promise<ResultOf<M>> {
  const request: ServiceRequest<M> = { tabkeep: PROTOCOL_VERSION, method, arg };
  const reply = (await browser.runtime.sendMessage(request)) as ServiceReply<M> | undefined;
  if (reply === undefined) {
    throw new ServiceCallError('Tabkeep’s background service did not answer. Try again.');
  }
  if (!reply.ok) throw new ServiceCallError(reply.error);
  return reply.value;
}
