import { describe, expect, it } from 'vitest';
import { FormatError } from '@/lib/formats/imported';
import { looksLikeTabkeep, parseTabkeep, toTabkeepFile } from '@/lib/formats/own';
import type { SessionSummary, TabSnap, WindowSnap } from '@/lib/model';
import { GROUP_COLORS } from '@/lib/model';
import { random } from '../random';

const NOW = Date.UTC(2026, 10, 21, 12);

function generateWindows(seed: number): WindowSnap[] {
  const r = random(seed);
  return Array.from({ length: 1 + r.int(3) }, (_, wi) => {
    const groups = Array.from({ length: r.int(3) }, (_, gi) => ({
      id: `g${wi}-${gi}`,
      title: r.text(),
      color: r.pick(GROUP_COLORS),
      collapsed: r.next() < 0.5,
    }));
    const tabs: TabSnap[] = Array.from({ length: 1 + r.int(8) }, (_, ti) => ({
      url: r.pick([
        `https://site${r.int(9)}.test/${ti}?q=${encodeURIComponent(r.text())}`,
        'javascript:alert(1)',
        'data:text/html,<b>x</b>',
        'about:config',
      ]),
      title: r.text(),
      pinned: r.next() < 0.2,
      active: ti === 0,
      muted: r.next() < 0.1,
      group: groups.length > 0 && r.next() < 0.5 ? r.pick(groups).id : null,
      container:
        r.next() < 0.2
          ? { cookieStoreId: 'firefox-container-1', name: r.text(), color: 'blue', icon: 'circle' }
          : null,
      ...(r.next() < 0.5 ? { lastAccessed: r.int(2 ** 40) } : {}),
      ...(r.next() < 0.5 ? { favIconUrl: `https://site.test/${r.int(99)}.ico` } : {}),
    }));
    return {
      type: 'normal' as const,
      state: r.pick(['normal', 'maximized'] as const),
      ...(r.next() < 0.8
        ? {
            left: r.int(2000) - 500,
            top: r.int(900),
            width: 400 + r.int(1600),
            height: 300 + r.int(900),
          }
        : {}),
      incognito: r.next() < 0.1,
      focused: wi === 0,
      groups,
      tabs,
    };
  });
}

function summary(name: string, windows: WindowSnap[]): SessionSummary {
  return {
    id: `id-${name}`,
    name,
    kind: 'manual',
    createdAt: NOW - 5000,
    updatedAt: NOW - 1000,
    tags: ['t'],
    windowCount: windows.length,
    tabCount: windows.reduce((n, w) => n + w.tabs.length, 0),
    hash: 'h',
    origin: 'chrome',
    deletedAt: 0,
  };
}

describe('Tabkeep files', () => {
  it('round-trip: export, serialise, parse and import give back the same windows (200 seeds)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const windows = generateWindows(seed);
      const r = random(seed);
      const name = r.text() || 'unnamed';
      const file = toTabkeepFile([{ summary: summary(name, windows), windows }], {
        appVersion: '0.1.0',
        browser: 'chrome',
        now: NOW,
      });
      const back = parseTabkeep(JSON.parse(JSON.stringify(file)), { now: NOW });
      expect(back.skipped, `seed ${seed}`).toEqual([]);
      expect(back.sessions, `seed ${seed}`).toEqual([
        { name, createdAt: NOW - 5000, updatedAt: NOW - 1000, tags: ['t'], windows },
      ]);
    }
  });

  it('is recognised by its format field', () => {
    expect(looksLikeTabkeep({ format: 'tabkeep', version: 1, sessions: [] })).toBe(true);
    expect(looksLikeTabkeep([{ windows: {} }])).toBe(false);
    expect(looksLikeTabkeep({ sessions: [] })).toBe(false);
  });

  it('fills what a trimmed file leaves out and keeps fields it does not know apart', () => {
    const parsed = parseTabkeep(
      {
        format: 'tabkeep',
        version: 1,
        futureField: { x: 1 },
        sessions: [
          { name: 'Lean', windows: [{ tabs: [{ url: 'https://a.test/', shiny: true }] }] },
        ],
      },
      { now: NOW },
    );
    expect(parsed.sessions).toEqual([
      {
        name: 'Lean',
        createdAt: NOW,
        updatedAt: NOW,
        tags: [],
        windows: [
          {
            type: 'normal',
            state: 'normal',
            incognito: false,
            focused: false,
            groups: [],
            tabs: [
              {
                url: 'https://a.test/',
                title: '',
                pinned: false,
                active: false,
                muted: false,
                group: null,
                container: null,
                extra: { shiny: true },
              },
            ],
          },
        ],
      },
    ]);
  });

  it('writes unknown fields back where they were, at every level, and never over a known one', () => {
    const file = {
      format: 'tabkeep',
      version: 1,
      sessions: [
        {
          name: 'Later',
          rating: 5,
          windows: [
            {
              workspace: { id: 'w1', nested: [1, { deep: true }] },
              groups: [{ id: 'g1', title: 'G', color: 'blue', emoji: '📚' }],
              tabs: [
                {
                  url: 'https://a.test/',
                  group: 'g1',
                  scroll: 120,
                  extra: 'a field named extra',
                  container: { name: 'Work', sync: true },
                },
              ],
            },
          ],
        },
      ],
    };
    const parsed = parseTabkeep(JSON.parse(JSON.stringify(file)), { now: NOW });
    const session = parsed.sessions[0]!;
    const windows = session.windows;
    expect(session.extra).toEqual({ rating: 5 });
    expect(windows[0]!.extra).toEqual({ workspace: { id: 'w1', nested: [1, { deep: true }] } });
    expect(windows[0]!.groups[0]!.extra).toEqual({ emoji: '📚' });
    expect(windows[0]!.tabs[0]!.extra).toEqual({ scroll: 120, extra: 'a field named extra' });
    expect(windows[0]!.tabs[0]!.container!.extra).toEqual({ sync: true });

    const again = toTabkeepFile(
      [
        {
          summary: summary('Later', windows),
          windows,
          ...(session.extra && { extra: session.extra }),
        },
      ],
      { appVersion: '0.1.0', browser: 'chrome', now: NOW },
    );
    const out = JSON.parse(JSON.stringify(again)) as typeof file;
    const s0 = out.sessions[0]!;
    expect(s0.rating).toBe(5);
    expect(s0.windows[0]!.workspace).toEqual(file.sessions[0]!.windows[0]!.workspace);
    expect(s0.windows[0]!.groups[0]!.emoji).toBe('📚');
    expect(s0.windows[0]!.tabs[0]).toMatchObject({
      url: 'https://a.test/',
      scroll: 120,
      extra: 'a field named extra',
      container: { name: 'Work', sync: true },
    });
    // A second trip changes nothing more.
    const twice = parseTabkeep(out, { now: NOW });
    expect(twice.sessions[0]!.windows).toEqual(windows);
    expect(twice.sessions[0]!.extra).toEqual({ rating: 5 });
  });

  it('leaves out a damaged session, saying where and why, and keeps the rest', () => {
    const parsed = parseTabkeep(
      {
        format: 'tabkeep',
        version: 1,
        sessions: [
          { name: 'Good', windows: [{ tabs: [{ url: 'https://a.test/' }] }] },
          { name: 'Bad', windows: [{ tabs: [{ url: 'https://b.test/' }, { url: 42 }] }] },
        ],
      },
      { now: NOW },
    );
    expect(parsed.sessions.map((s) => s.name)).toEqual(['Good']);
    expect(parsed.skipped).toEqual([
      {
        where: 'session 2, window 1, tab 2, field “url”',
        why: 'wrong type: Expected string but received 42.',
      },
    ]);
  });

  it('rejects a file of a newer version, a damaged envelope, and a file with nothing usable', () => {
    const newer = () => parseTabkeep({ format: 'tabkeep', version: 2, sessions: [] }, { now: NOW });
    expect(newer).toThrow(FormatError);
    expect(newer).toThrow(
      'This looks like a Tabkeep file, but it cannot be imported: field “version”: it was written by a newer Tabkeep (file version 2); this one reads version 1. Update Tabkeep, then import it again.',
    );
    expect(() =>
      parseTabkeep({ format: 'tabkeep', version: 1, sessions: 'x' }, { now: NOW }),
    ).toThrow(
      /Tabkeep file, but it cannot be imported: field “sessions”: wrong type: Expected Array/,
    );
    expect(() =>
      parseTabkeep({ format: 'tabkeep', version: 1, sessions: [{ windows: [] }] }, { now: NOW }),
    ).toThrow(
      'This looks like a Tabkeep file, but it cannot be imported: session 1, field “name”: it is missing.',
    );
  });

  it('keeps javascript: and data: URLs as text, drops data: favicons, and is not fooled by __proto__', () => {
    const json = JSON.parse(
      '{"format":"tabkeep","version":1,"__proto__":{"polluted":true},"sessions":[{"name":"x","__proto__":{"kind":"crash"},"windows":[{"tabs":[{"url":"javascript:alert(1)","favIconUrl":"data:image/png;base64,AA=="},{"url":"data:text/html,hi","__proto__":{"pinned":true}}]}]}]}',
    );
    const parsed = parseTabkeep(json, { now: NOW });
    const tabs = parsed.sessions[0]!.windows[0]!.tabs;
    expect(tabs.map((t) => t.url)).toEqual(['javascript:alert(1)', 'data:text/html,hi']);
    expect(tabs[0]).not.toHaveProperty('favIconUrl');
    expect(tabs[1]!.pinned).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
