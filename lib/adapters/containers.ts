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
  /**
   * The local store id for a saved container, matched by name, created when missing; null
   * when containers are unavailable (the tab then opens without one).
   */
  resolve(saved: ContainerSnap): Promise<string | null>;
}

export function browserContainers(): ContainersAdapter {
  const api = (browser as unknown as { contextualIdentities?: ContextualIdentities })
    .contextualIdentities;
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
    async resolve(saved) {
      if (api === undefined) return null;
      try {
        const existing = (await query()).find((c) => c.name === saved.name);
        if (existing !== undefined) return existing.cookieStoreId;
        const created = await api.create({
          name: saved.name,
          color: saved.color,
          icon: saved.icon,
        });
        return created.cookieStoreId;
      } catch {
        return null;
      }
    },
  };
}
