import { Dexie } from 'dexie';
import { browser } from 'wxt/browser';
import type { RawBrowserState } from '../lib/capture/raw';
import { TabkeepDb } from '../lib/db';
import { SessionService } from '../lib/service';
import { installByteMeter, type ByteMeter } from './byte-meter';
import { makeBrowser, seededRandom, type Random } from './synthetic-browser';

export interface RigOptions {
  seed: number;
  windows: number;
  tabsPerWindow: number;
  /** The fake clock's start. */
  start: number;
}

/** A session service on a database of its own, over a generated browser and a fake clock. */
export interface Rig {
  db: TabkeepDb;
  meter: ByteMeter;
  service: SessionService;
  /** What readBrowser returns; change it to change the browser. */
  browserState: RawBrowserState;
  rand: Random;
  clock: { now: number };
  extensionOrigin: string;
}

export async function makeRig(name: string, options: RigOptions): Promise<Rig> {
  await Dexie.delete(name);
  const db = new TabkeepDb(name);
  const meter = installByteMeter(db);
  const rand = seededRandom(options.seed);
  const clock = { now: options.start };
  const browserState = makeBrowser(rand, { ...options, now: options.start });
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const service = new SessionService({
    db,
    readBrowser: async () => browserState,
    runRestore: () => Promise.reject(new Error('The benchmark restores nothing.')),
    incognitoAllowed: async () => false,
    cookies: {
      available: () => false,
      readAll: () => Promise.reject(new Error('The benchmark reads no cookies.')),
      set: () => Promise.reject(new Error('The benchmark sets no cookies.')),
    },
    resolveContainer: async () => null,
    applySchedule: async () => undefined,
    extensionOrigin,
    browserName: 'chrome',
    now: () => clock.now,
  });
  return { db, meter, service, browserState, rand, clock, extensionOrigin };
}

/** Deletes the rig's database, so the next rig's storage figures start clean. */
export async function dropRig(rig: Rig): Promise<void> {
  rig.db.close();
  await Dexie.delete(rig.db.name);
}
