// Time to the popup's first session row at 10, 1,000 and 10,000 saved sessions, against a
// blank extension page (bench-blank.html) timed the same way, the two interleaved.
import { launchExtension, openBenchPage } from './chromium.mjs';
import { firstPaint, installFirstPaintProbe } from './first-paint.mjs';
import { ratio, stats } from './stats.mjs';

export const POPUP_TARGET_RATIO = 1.3;
const LEVELS = [10, 1000, 10_000];

/**
 * `runs` loads of each page per level, or fewer once a level has taken `levelBudgetMs`
 * (at least `minRuns`): a popup that takes 20 s to its first row would otherwise take
 * the benchmark's whole hour. The report says how many ran.
 */
export async function popupBench({
  extensionDir,
  runs = 25,
  minRuns = 5,
  levelBudgetMs = 120_000,
}) {
  const browser = await launchExtension(extensionDir);
  try {
    await browser.context.addInitScript(
      installFirstPaintProbe,
      '[data-session-id],[data-bench-blank]',
    );
    const bench = await openBenchPage(browser);
    const levels = [];
    let seeded = 0;
    for (const level of LEVELS) {
      const seed = await bench.evaluate((o) => globalThis.benchApi.seedSessions(o), {
        sessions: level - seeded,
        windowsPerSession: 2,
        tabsPerWindow: 10,
        seed: 1000 + level,
      });
      seeded += seed.sessions;
      console.log(`bench: popup at ${seeded} sessions, ${runs} runs of each page`);
      const popup = [];
      const blank = [];
      const levelStart = Date.now();
      for (let i = 0; i < runs; i++) {
        if (i >= minRuns && Date.now() - levelStart > levelBudgetMs) break;
        const order = i % 2 === 0 ? ['popup', 'blank'] : ['blank', 'popup'];
        for (const which of order) {
          const page = which === 'popup' ? 'popup.html' : 'bench-blank.html';
          const t = await firstPaint(browser.context, browser.extensionUrl(page));
          (which === 'popup' ? popup : blank).push(t.paintedMs);
        }
      }
      levels.push({
        sessions: seeded,
        seedMs: seed.ms,
        popupMs: stats(popup),
        blankMs: stats(blank),
        ratio: ratio(stats(popup).median, stats(blank).median),
      });
    }
    const top = levels.at(-1);
    const flat = ratio(top.popupMs.median, levels[0].popupMs.median);
    return {
      levels,
      ratioAt10000: top.ratio,
      target: POPUP_TARGET_RATIO,
      pass: top.ratio <= POPUP_TARGET_RATIO,
      flatness: {
        t10000OverT10: flat,
        note: 'median popup time at 10,000 over that at 10; flat is about 1',
      },
      measure:
        "navigation start to just after the frame that first shows a [data-session-id] element (popup) or the blank page's one element: MutationObserver installed before any page script, then requestAnimationFrame and a posted message; each load a new tab; medians of the runs, popup and blank interleaved; sessions of 2 windows x 10 tabs imported through the service",
    };
  } finally {
    await browser.close();
  }
}
