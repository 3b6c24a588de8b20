// The memory of a running Chromium: the proportional set size (PSS: shared pages split
// between the processes that share them) of every process of one profile, from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile
  }
}

/** The browser process of `profile` and all its descendants. */
function processesOf(profile) {
  const parents = new Map();
  let root = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (stat === null) continue;
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(Number(entry), ppid);
    const cmdline = read(`/proc/${entry}/cmdline`) ?? '';
    if (cmdline.includes(`--user-data-dir=${profile}`) && !cmdline.includes('--type=')) {
      root = Number(entry);
    }
  }
  if (root === null) return [];
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === out[i]) out.push(pid);
  }
  return out;
}

/** Bytes of PSS, summed over the profile's processes. */
export function chromiumPss(profile) {
  let kib = 0;
  for (const pid of processesOf(profile)) {
    const rollup = read(`/proc/${pid}/smaps_rollup`) ?? '';
    const match = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (match) kib += Number(match[1]);
  }
  return kib * 1024;
}

// Clock ticks of /proc/<pid>/stat: 100 a second on Linux.
const MS_PER_TICK = 10;

/** A process's kind: the browser, an extension's renderer, a web renderer, the GPU… */
function kindOf(pid) {
  const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
  return cmdline.includes('--extension-process') ? 'extension-renderer' : type;
}

/**
 * CPU time (user and system) each process of the profile has used so far, by pid; diff two
 * with `cpuSpentSince` to see where a step spent its time.
 */
export function chromiumCpu(profile) {
  const out = new Map();
  for (const pid of processesOf(profile)) {
    const stat = read(`/proc/${pid}/stat`);
    if (stat === null) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(pid, {
      kind: kindOf(pid),
      ms: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
    });
  }
  return out;
}

/** Milliseconds of CPU by process kind between two `chromiumCpu` readings. */
export function cpuSpentSince(before, after) {
  const byKind = {};
  for (const [pid, { kind, ms }] of after) {
    byKind[kind] = (byKind[kind] ?? 0) + ms - (before.get(pid)?.ms ?? 0);
  }
  return byKind;
}

/** Samples chromiumPss every `everyMs` until stopped; `stop()` returns the peak. */
export function samplePeak(profile, everyMs = 50) {
  let peak = chromiumPss(profile);
  const timer = setInterval(() => {
    peak = Math.max(peak, chromiumPss(profile));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, chromiumPss(profile));
    },
  };
}
