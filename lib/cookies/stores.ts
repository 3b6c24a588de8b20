import { t } from '../i18n';
import type { SavedCookie } from './model';

/*
 * Which cookie store of this browser a saved cookie goes back to. Store ids are local:
 * "0" and "firefox-default" are every profile's default store, but a container's id differs
 * from one profile to the next, so containers are matched by name (DESIGN §4, §5).
 */

const DEFAULT_STORES = new Set(['0', 'firefox-default']);
const PRIVATE_STORES = new Set(['1', 'firefox-private']);

export interface StoreTargets {
  /** This browser's default store: "0" in Chrome, "firefox-default" in Firefox. */
  defaultStore: string;
  /** Container name -> its store here (found or made); null where none could be had. */
  containers: ReadonlyMap<string, string | null> | null;
}

export function isContainerStore(storeId: string): boolean {
  return !DEFAULT_STORES.has(storeId) && !PRIVATE_STORES.has(storeId);
}

/** The names of the containers the saved cookies come from, for the restore to resolve. */
export function containersOf(
  cookies: readonly SavedCookie[],
): NonNullable<SavedCookie['container']>[] {
  const byName = new Map<string, NonNullable<SavedCookie['container']>>();
  for (const c of cookies) {
    if (c.container !== undefined && isContainerStore(c.storeId))
      byName.set(c.container.name, c.container);
  }
  return [...byName.values()];
}

/** `targets.containers` null: this browser has no containers (Chrome). */
export function storeFor(
  cookie: SavedCookie,
  targets: StoreTargets,
): { storeId: string } | { why: string } {
  if (DEFAULT_STORES.has(cookie.storeId)) return { storeId: targets.defaultStore };
  if (PRIVATE_STORES.has(cookie.storeId)) {
    return { why: t('noteCookiePrivate') };
  }
  const name = cookie.container?.name;
  if (name === undefined) {
    return { why: t('noteCookieContainerUnnamed', cookie.storeId) };
  }
  if (targets.containers === null) {
    return { why: t('noteCookieNoContainers', name) };
  }
  const storeId = targets.containers.get(name) ?? null;
  if (storeId === null) return { why: t('noteCookieContainerMissing', name) };
  return { storeId };
}
