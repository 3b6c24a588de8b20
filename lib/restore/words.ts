import type { RestoreReport } from '../protocol';

const count = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

/** The first sentence of a restore's report, for each mode's outcome. */
export function restoredLine(report: RestoreReport): string {
  const opened =
    report.windows === 0
      ? `Added ${count(report.tabs, 'tab')} to the current window.`
      : `Restored ${count(report.windows, 'window')}, ${count(report.tabs, 'tab')}.`;
  if (report.closedWindows === undefined || report.closedWindows === 0) return opened;
  return `${opened} Closed ${count(report.closedWindows, 'window')}: what they held is under Autosaves.`;
}
