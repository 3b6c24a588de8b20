/** A small deterministic generator (mulberry32), so a failure can be replayed by its seed. */
export function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!;
  const text = () =>
    Array.from({ length: int(30) }, () => pick(['a', 'é', ' ', '"', '\\', '<', '😀', '\n'])).join(
      '',
    );
  return { next, int, pick, text };
}
