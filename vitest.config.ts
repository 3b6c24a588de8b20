import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // One file at a time: the browser tests each drive a real browser, and the machine has
    // two cores. The unit tests take about a second either way.
    fileParallelism: false,
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto', './tests/unit/setup.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          // Real browsers start slowly on a loaded machine.
          expect: { poll: { timeout: 15_000 } },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          environment: 'node',
        },
      },
    ],
  },
});
