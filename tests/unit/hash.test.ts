import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '@/lib/hash';
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
    const a = [{ tabs: [{ url: 'u', title: 't' }], state: 'normal' }];
    const b = [{ state: 'normal', tabs: [{ title: 't', url: 'u' }] }];
    expect(await contentHash(a as never)).toBe(await contentHash(b as never));
    expect(await contentHash(a as never)).toMatch(/^[0-9a-f]{64}$/);
  });
});
