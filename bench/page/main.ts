import { runBench } from '../autosave-bench';
import { closeOtherWindows, openLoopbackTabs, tabStates } from '../loopback-tabs';
import { searchQueries } from '../search-queries';
import { timeSaves } from '../save-timing';
import { seedLoopbackSession, seedSessions } from '../seed-sessions';
import { settleWorker } from '../settle';

// The runner calls these through page.evaluate; nothing runs on load.
Object.assign(window, {
  runBench,
  benchApi: {
    closeOtherWindows,
    openLoopbackTabs,
    searchQueries,
    seedLoopbackSession,
    seedSessions,
    settleWorker,
    tabStates,
    timeSaves,
  },
});
