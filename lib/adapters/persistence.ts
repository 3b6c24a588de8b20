/**
 * Asks that the browser never evict Tabkeep's storage under disk pressure, on top of
 * `unlimitedStorage`. persist() exists only in windows, not in a service worker, so the
 * background (a window in Firefox) and every page showing the storage line ask.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
