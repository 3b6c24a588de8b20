// A Tab Session Manager export of a given size, as TSM 7.x writes it (see the real files in
// tests/fixtures/other-tools): a top-level array of sessions, every tab the raw browser
// tab, two-space indentation. Deterministic: the same arguments give the same bytes.
import { Buffer } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'news',
  'docs',
  'Rechnung',
  'café',
  'résumé',
  '検索',
  '設定',
  'issue',
  'review',
  'pull request',
  'mail',
  'calendar',
  'météo',
  'Ελληνικά',
  'recipe',
  'map',
  'flights',
  '📚 notes',
  'dashboard',
  'build',
  'release',
  'wiki',
  'forum',
  'video',
  'shop',
  'bank',
  'tickets',
];
const ICON = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9h'.repeat(8)}`;

function tab(r, { windowId, id, index, active }) {
  const site = `site${Math.floor(r() * 5000)}.example`;
  const words = Array.from(
    { length: 2 + Math.floor(r() * 6) },
    () => WORDS[Math.floor(r() * WORDS.length)],
  );
  const raw = {
    active,
    audible: false,
    autoDiscardable: true,
    discarded: r() < 0.3,
    favIconUrl: r() < 0.1 ? ICON : `https://${site}/favicon.ico`,
    frozen: false,
    groupId: -1,
    height: 813,
    highlighted: active,
    id,
    incognito: false,
    index,
    lastAccessed: 1795279343752.827 + id,
    mutedInfo: { muted: false },
    pinned: index === 0 && r() < 0.2,
    selected: active,
    splitViewId: -1,
    status: 'complete',
    title: words.join(' '),
    url: `https://${site}/${words.map(encodeURIComponent).join('/')}?id=${id}`,
    width: 1280,
    windowId,
  };
  return raw;
}

function session(r, n, tabs) {
  const windowCount = 1 + Math.floor(r() * 3);
  const windows = {};
  const windowsInfo = {};
  let id = n * 100_000;
  let left = tabs;
  for (let w = 0; w < windowCount; w++) {
    const windowId = ++id;
    const count = w === windowCount - 1 ? left : Math.max(1, Math.floor(tabs / windowCount));
    left -= count;
    windows[windowId] = {};
    for (let t = 0; t < count; t++) {
      const tabId = ++id;
      windows[windowId][tabId] = tab(r, { windowId, id: tabId, index: t, active: t === 0 });
    }
    windowsInfo[windowId] = {
      alwaysOnTop: false,
      focused: w === 0,
      height: 900,
      id: windowId,
      incognito: false,
      left: 40 * w,
      state: 'normal',
      top: 0,
      type: 'normal',
      width: 1280,
    };
  }
  const date = 1_700_000_000_000 + n * 3_600_000;
  return {
    windows,
    windowsNumber: windowCount,
    windowsInfo,
    tabsNumber: tabs,
    name: `Session ${n + 1}`,
    date,
    lastEditedTime: date,
    tag: [],
    sessionStartTime: date - 60_000,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    tabGroups: [],
  };
}

/** Writes `sessions` sessions, about `bytes` in all, to `path`; resolves to the tab count. */
export async function writeTsmFile(path, { sessions, bytes, seed = 1 }) {
  const r = mulberry32(seed);
  // Bytes per tab as written, from a sample, decide how many tabs reach the size.
  const sampleText = JSON.stringify(session(mulberry32(seed), 0, 50), null, 2);
  const sample = Buffer.byteLength(sampleText.replace(/^/gm, '  ')) / 50;
  const meanTabs = Math.max(1, Math.round(bytes / sessions / sample));
  const out = createWriteStream(path);
  let tabs = 0;
  out.write('[\n');
  for (let n = 0; n < sessions; n++) {
    const count = Math.max(1, Math.round(meanTabs * (0.5 + r())));
    tabs += count;
    const text = JSON.stringify(session(r, n, count), null, 2).replace(/^/gm, '  ');
    if (!out.write(`${text}${n === sessions - 1 ? '\n' : ',\n'}`)) await once(out, 'drain');
  }
  out.end(']');
  await once(out, 'finish');
  return tabs;
}
