import { browser } from 'wxt/browser';
import type { RawContainer } from '../capture/raw';
import type { ContainerSnap } from '../model';

/** Firefox's contextualIdentities, which Chrome's types (and Chrome) do not have. */
interface ContextualIdentities {
  query(details: { name?: string }): Promise<RawContainer[]>;
  create(details: { name: string; color: string; icon: string }): Promise<RawContainer>;
}

export interface ContainersAdapter {
  readonly supported: boolean;
  query(): Promise<RawContainer[]>;
  /** The local store id for a saved container, matched by name, created when missing. */
  resolve(saved: ContainerSnap): Promise<string | null>;
}

export function browserContainers(): ContainersAdapter {
  const api = (browser as unknown as { contextualIdentities?: ContextualIdentities })
    .contextualIdentities;
  const byName = new Map<string, Promise<string | null>>();
  const query = async (): Promise<RawContainer[]> => {
    if (api === undefined) return [];
    // Rejects when containers are turned off in Firefox's settings.
    try {
      return await api.query({});
    } catch {
      return [];
    }
  };
  return {
    supported: api !== undefined,
    query,
    resolve(saved) {
      if (api === undefined) return Promise.resolve(null);
      let found = byName.get(saved.name);
      if (found === undefined) {
        found = (async () => {
          const existing = (await query()).find((c) => c.name === saved.name);
          if (existing !== undefined) return existing.cookieStoreId;
          const created = await api.create({
            name: saved.name,
            color: saved.color,
            icon: saved.icon,
          });
          return created.cookieStoreId;
        })().catch(() => null);
        byName.set(saved.name, found);
      }
      return found;
    },
  };
}
