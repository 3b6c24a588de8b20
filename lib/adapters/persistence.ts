/**
 * Asks that the browser never evict Tabkeep's storage under disk pressure. Extensions with
 * `unlimitedStorage` are usually granted it; the answer is shown on the storage line.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
