import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalWindowsJson, contentHash } from '@/lib/hash';
import type { WindowSnap } from '@/lib/model';
import { random } from './random';

/** The definition canonicalJson must keep to: stored hashes were made with it. */
function reference(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

function generate(r: ReturnType<typeof random>, depth: number): unknown {
  const kind = r.int(depth > 3 ? 6 : 9);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -0, 1.5, -7, 2 ** 53, 1e-7, Number.NaN, Infinity]);
    case 3:
      return r.text();
    case 4:
      return undefined;
    case 5:
      return r.pick(['é', '"\\\n', '\u2028', '😀', '\ud800']);
    case 6:
    case 7: {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < r.int(6); i++) {
        const key = r.pick(['b', 'a', 'B', '10', '2', 'ä', '__proto__', r.text()]);
        Object.defineProperty(out, key, {
          value: generate(r, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    default:
      return Array.from({ length: r.int(5) }, () => generate(r, depth + 1));
  }
}

describe('canonicalJson', () => {
  it('writes exactly what JSON.stringify with sorted keys writes (2,000 seeds)', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const value = [generate(random(seed), 0)];
      expect(canonicalJson(value), `seed ${seed}`).toBe(reference(value));
    }
  });

  it('gives equal content the same hash whatever the key order', async () => {
    const windows = modelWindows(random(5));
    const reversed = reverseKeys(windows) as WindowSnap[];
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(windows));
    expect(await contentHash(reversed)).toBe(await contentHash(windows));
    expect(await contentHash(windows)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes windows of our model exactly as the generic form does (500 seeds)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const windows = modelWindows(random(seed));
      expect(canonicalWindowsJson(windows), `seed ${seed}`).toBe(reference(windows));
    }
  });
});

/** Windows as capture, importers and stored rows make them: optional fields present or not. */
function modelWindows(r: ReturnType<typeof random>): WindowSnap[] {
  const maybe = <T>(value: T) => (r.next() < 0.5 ? value : undefined);
  const extra = () =>
    r.next() < 0.3
      ? ((generate(r, 2) as Record<string, unknown> | null) ?? { note: r.text() })
      : undefined;
  const withExtra = <T extends object>(value: T): T => {
    const e = extra();
    return e !== undefined && typeof e === 'object' && !Array.isArray(e)
      ? { ...value, extra: e }
      : value;
  };
  return Array.from({ length: 1 + r.int(3) }, () => {
    const window = {
      type: r.pick(['normal', 'popup'] as const),
      state: r.pick(['normal', 'maximized', 'minimized', 'fullscreen'] as const),
      ...(r.next() < 0.7 ? { left: r.int(2000) - 500, top: r.int(900) } : {}),
      ...(r.next() < 0.7 ? { width: r.int(2000), height: r.int(1200) } : {}),
      ...(r.next() < 0.2 ? { left: undefined } : {}),
      incognito: r.next() < 0.1,
      focused: r.next() < 0.5,
      groups: Array.from({ length: r.int(3) }, (_, i) =>
        withExtra({
          id: `g${i}`,
          title: r.text(),
          color: 'blue' as const,
          collapsed: r.next() < 0.5,
        }),
      ),
      tabs: Array.from({ length: 1 + r.int(6) }, () =>
        withExtra({
          url: `https://${r.text()}.test/`,
          title: r.text(),
          pinned: r.next() < 0.2,
          active: r.next() < 0.2,
          muted: r.next() < 0.1,
          group: r.next() < 0.3 ? 'g0' : null,
          container:
            r.next() < 0.2
              ? withExtra({ cookieStoreId: 'c1', name: r.text(), color: 'red', icon: 'circle' })
              : null,
          ...(r.next() < 0.5 ? { lastAccessed: r.int(2 ** 40) + r.next() } : {}),
          ...(r.next() < 0.5 ? { favIconUrl: maybe(`https://i.test/${r.int(9)}.ico`) } : {}),
        }),
      ),
    };
    return withExtra(window);
  });
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reverseKeys);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}
