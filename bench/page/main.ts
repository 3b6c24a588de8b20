import { runBench } from '../autosave-bench';

// The runner calls this through page.evaluate; nothing runs on load.
Object.assign(window, { runBench });
