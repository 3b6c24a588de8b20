import type { TabSnap, WindowSnap } from '../model';

export interface Comparison {
  /** Tabs of the second session whose URL the first does not have, once per URL. */
  added: TabSnap[];
  /** Tabs of the first session whose URL the second does not have, once per URL. */
  removed: TabSnap[];
}

/** What changed from `before` to `after`, by URL: order, titles and windows do not count. */
export function compareSessions(
  before: readonly WindowSnap[],
  after: readonly WindowSnap[],
): Comparison {
  return { added: missingFrom(before, after), removed: missingFrom(after, before) };
}

function missingFrom(base: readonly WindowSnap[], other: readonly WindowSnap[]): TabSnap[] {
  const known = new Set(base.flatMap((w) => w.tabs.map((t) => t.url)));
  const out: TabSnap[] = [];
  for (const tab of other.flatMap((w) => w.tabs)) {
    if (known.has(tab.url)) continue;
    known.add(tab.url);
    out.push(tab);
  }
  return out;
}
