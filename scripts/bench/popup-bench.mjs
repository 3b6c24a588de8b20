// Time to the popup's first session row at 10, 1,000 and 10,000 saved sessions, against a
// blank extension page (bench-blank.html) timed the same way, and the blank page with one
// empty script before its element (bench-script.html): what any page whose rows come from
// a script pays, the popup's floor. The three interleaved.
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
      const times = { popup: [], blank: [], script: [] };
      const pages = { popup: 'popup.html', blank: 'bench-blank.html', script: 'bench-script.html' };
      const kinds = Object.keys(times);
      const levelStart = Date.now();
      for (let i = 0; i < runs; i++) {
        if (i >= minRuns && Date.now() - levelStart > levelBudgetMs) break;
        // Each page first, second and third in turn.
        for (let k = 0; k < kinds.length; k++) {
          const which = kinds[(i + k) % kinds.length];
          const t = await firstPaint(browser.context, browser.extensionUrl(pages[which]));
          times[which].push(t.paintedMs);
        }
      }
      const [popup, blank, script] = kinds.map((k) => stats(times[k]));
      levels.push({
        sessions: seeded,
        seedMs: seed.ms,
        popupMs: popup,
        blankMs: blank,
        oneScriptMs: script,
        ratio: ratio(popup.median, blank.median),
        oneScriptRatio: ratio(script.median, blank.median),
      });
    }
    const top = levels.at(-1);
    const flat = ratio(top.popupMs.median, levels[0].popupMs.median);
    return {
      levels,
      ratioAt10000: top.ratio,
      target: POPUP_TARGET_RATIO,
      pass: top.ratio <= POPUP_TARGET_RATIO,
      oneScriptRatioAt10000: top.oneScriptRatio,
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
