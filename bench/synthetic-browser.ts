import type { RawBrowserState, RawGroup, RawTab, RawWindow } from '../lib/capture/raw';

/*
 * A generated browser: realistic sizes of URLs, titles and icons over a few dozen sites,
 * from a seeded PRNG, so every run measures the same data.
 */

const SITES = [
  'github.com',
  'stackoverflow.com',
  'developer.mozilla.org',
  'en.wikipedia.org',
  'news.ycombinator.com',
  'www.youtube.com',
  'docs.python.org',
  'www.reddit.com',
  'medium.com',
  'www.nytimes.com',
  'www.bbc.co.uk',
  'www.theguardian.com',
  'arxiv.org',
  'www.amazon.com',
  'mail.google.com',
  'docs.google.com',
  'calendar.google.com',
  'www.linkedin.com',
  'x.com',
  'www.figma.com',
  'www.notion.so',
  'app.slack.com',
  'gitlab.com',
  'www.npmjs.com',
  'crates.io',
  'pkg.go.dev',
  'docs.rs',
  'react.dev',
  'vite.dev',
  'web.dev',
  'css-tricks.com',
  'www.smashingmagazine.com',
  'dev.to',
  'lwn.net',
  'www.economist.com',
  'www.booking.com',
  'www.airbnb.com',
  'www.imdb.com',
  'open.spotify.com',
  'jira.atlassian.com',
];

const WORDS = (
  'session window tab restore browser extension storage index record snapshot autosave ' +
  'release notes guide reference api design review pull issue commit branch merge build ' +
  'test performance memory network cache worker service module package version update ' +
  'travel hotel flight booking recipe dinner weather market report analysis science paper ' +
  'learning model data query search result profile settings account project roadmap team ' +
  'meeting calendar invoice budget music playlist video stream movie series article story'
).split(' ');

const COLORS = ['blue', 'red', 'yellow', 'green', 'purple', 'cyan'];
const DAY_MS = 86_400_000;

export type Random = () => number;

/** mulberry32: small, fast, and good enough to pick words. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (rand: Random, min: number, max: number): number =>
  min + Math.floor(rand() * (max - min + 1));

function url(rand: Random, site: string): string {
  for (;;) {
    const target = between(rand, 60, 88);
    let out = `https://${site}`;
    while (out.length < target) {
      const segment =
        rand() < 0.3
          ? String(between(rand, 1000, 999_999))
          : `${pick(rand, WORDS)}-${pick(rand, WORDS)}`;
      out += `/${segment}`;
    }
    if (rand() < 0.25) out += `?page=${between(rand, 1, 40)}`;
    if (out.length <= 100) return out;
  }
}

function title(rand: Random, site: string): string {
  const suffix = ` - ${site.replace(/^www\./, '')}`;
  for (;;) {
    const target = between(rand, 30, 62);
    const words: string[] = [];
    while (words.join(' ').length + suffix.length < target) words.push(pick(rand, WORDS));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    const out = words.join(' ') + suffix;
    if (out.length >= 30 && out.length <= 70) return out;
  }
}

/** Points a tab at a new page: new URL and title (and the new site's icon). */
function navigate(rand: Random, tab: RawTab): void {
  const site = pick(rand, SITES);
  tab.url = url(rand, site);
  tab.title = title(rand, site);
  tab.favIconUrl = `https://${site}/favicon.ico`;
}

export interface BrowserShape {
  windows: number;
  tabsPerWindow: number;
  /** The time the tabs were last used before. */
  now: number;
}

/** Windows of tabs, the first few pinned, one active each, two tab groups per window. */
export function makeBrowser(rand: Random, shape: BrowserShape): RawBrowserState {
  const windows: RawWindow[] = [];
  const groups: RawGroup[] = [];
  let tabId = 1;
  for (let w = 0; w < shape.windows; w++) {
    const windowId = w + 1;
    const groupIds = [windowId * 10 + 1, windowId * 10 + 2];
    groupIds.forEach((id) =>
      groups.push({
        id,
        windowId,
        title: pick(rand, WORDS),
        color: pick(rand, COLORS),
        collapsed: false,
      }),
    );
    const active = between(rand, 0, shape.tabsPerWindow - 1);
    const tabs: RawTab[] = [];
    for (let index = 0; index < shape.tabsPerWindow; index++) {
      const tab: RawTab = {
        id: tabId++,
        index,
        pinned: w === 0 && index < 3,
        active: index === active,
        mutedInfo: { muted: false },
        groupId:
          index >= 20 && index < 30 ? groupIds[0] : index >= 50 && index < 60 ? groupIds[1] : -1,
        lastAccessed: shape.now - Math.floor(rand() * 14 * DAY_MS),
      };
      navigate(rand, tab);
      tabs.push(tab);
    }
    windows.push({
      id: windowId,
      type: 'normal',
      state: w === 0 ? 'maximized' : 'normal',
      left: 40 * w,
      top: 30 * w,
      width: 1280,
      height: 900,
      incognito: false,
      focused: w === 0,
      tabs,
    });
  }
  return { windows, groups, containers: [], incognitoAllowed: false };
}

/** Navigates `count` distinct tabs, chosen at random, to new pages. */
export function changeRandomTabs(rand: Random, state: RawBrowserState, count: number): void {
  const tabs = state.windows.flatMap((w) => w.tabs ?? []);
  const chosen = new Set<RawTab>();
  while (chosen.size < Math.min(count, tabs.length)) chosen.add(pick(rand, tabs));
  for (const tab of chosen) navigate(rand, tab);
}
