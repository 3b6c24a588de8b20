import { callService } from '../lib/client';

/*
 * A restore through the service, timed from the bench page until its call returns. The bare
 * loops it is compared with run in the worker (scripts/bench/restore-bench.mjs).
 */

export async function timeRestore(id: string) {
  const t0 = performance.now();
  const report = await callService('restore', { id });
  return { ms: performance.now() - t0, windows: report.windows, tabs: report.tabs };
}
