import { browser } from 'wxt/browser';
import type { CookieSetCall } from '../cookies/restore-rules';

/*
 * browser.cookies, behind an adapter: in Chrome the API exists only once the person has
 * granted the optional `cookies` permission, and the test fake has none at all.
 */

export interface CookiesAdapter {
  /** False until Tabkeep may read and write cookies. */
  available(): boolean;
  /**
   * Every cookie of every store Tabkeep may see, partitioned (CHIPS) ones included, and of
   * these stores too: Firefox lists only the containers that have a tab open.
   */
  readAll(moreStores?: readonly string[]): Promise<unknown[]>;
  /** Rejects with the browser's reason when it refuses the cookie. */
  set(call: CookieSetCall): Promise<void>;
}

/** The parts of the API used here; Chrome's and Firefox's typings differ in the details. */
interface CookiesApi {
  getAllCookieStores(): Promise<{ id: string }[]>;
  getAll(details: Record<string, unknown>): Promise<unknown[]>;
  set(details: Record<string, unknown>): Promise<unknown>;
}

export function browserCookies(isFirefox: boolean): CookiesAdapter {
  const api = (): CookiesApi | undefined =>
    (browser as unknown as { cookies?: CookiesApi }).cookies;
  return {
    available: () => api() !== undefined,
    async readAll(moreStores = []) {
      const cookies = api();
      if (cookies === undefined) throw new Error('Tabkeep may not read cookies.');
      const stores = new Set([
        ...(await cookies.getAllCookieStores()).map((s) => s.id),
        ...moreStores,
      ]);
      const lists = await Promise.all(
        [...stores].map((storeId) =>
          cookies.getAll({
            storeId,
            // An empty partition key lists partitioned cookies beside unpartitioned ones.
            partitionKey: {},
            // Firefox with first-party isolation lists nothing unless this is null.
            ...(isFirefox ? { firstPartyDomain: null } : {}),
          }),
        ),
      );
      return lists.flat();
    },
    async set(call) {
      const cookies = api();
      if (cookies === undefined) throw new Error('Tabkeep may not set cookies.');
      const { firstPartyDomain, ...rest } = call;
      // Chrome refuses the Firefox-only field, whatever its value.
      await cookies.set(isFirefox && firstPartyDomain !== undefined ? call : rest);
    },
  };
}
