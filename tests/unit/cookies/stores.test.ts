import { describe, expect, it } from 'vitest';
import type { SavedCookie } from '@/lib/cookies/model';
import { containersOf, isContainerStore, storeFor, type StoreTargets } from '@/lib/cookies/stores';
import { chromeCookie } from './fixtures';

function cookie(storeId: string, extra: Partial<SavedCookie> = {}): SavedCookie {
  return chromeCookie({ storeId, ...extra });
}

const work = { name: 'Work', color: 'blue', icon: 'briefcase' };
const shopping = { name: 'Shopping', color: 'pink', icon: 'cart' };

const chrome: StoreTargets = { defaultStore: '0', containers: null };
const firefox: StoreTargets = {
  defaultStore: 'firefox-default',
  // Ids of this profile: not those the cookies were saved with.
  containers: new Map<string, string | null>([
    ['Work', 'firefox-container-7'],
    ['Shopping', null],
  ]),
};

describe('isContainerStore', () => {
  it('is false for default and private stores of both browsers, true for any other', () => {
    expect(['0', '1', 'firefox-default', 'firefox-private'].map(isContainerStore)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isContainerStore('firefox-container-1')).toBe(true);
    expect(isContainerStore('2')).toBe(true);
  });
});

describe('storeFor', () => {
  it('sends a default-store cookie of either browser to this browser’s default store', () => {
    expect(storeFor(cookie('0'), chrome)).toEqual({ storeId: '0' });
    expect(storeFor(cookie('firefox-default'), chrome)).toEqual({ storeId: '0' });
    expect(storeFor(cookie('0'), firefox)).toEqual({ storeId: 'firefox-default' });
    expect(storeFor(cookie('firefox-default'), firefox)).toEqual({ storeId: 'firefox-default' });
  });

  it('skips a private window’s cookie, saying why, in either browser', () => {
    for (const storeId of ['1', 'firefox-private']) {
      for (const targets of [chrome, firefox]) {
        const result = storeFor(cookie(storeId), targets);
        expect(result).not.toHaveProperty('storeId');
        expect(result).toEqual({ why: expect.stringMatching(/private window/) });
      }
    }
  });

  it('maps a container cookie to the container of the same name here', () => {
    expect(storeFor(cookie('firefox-container-1', { container: work }), firefox)).toEqual({
      storeId: 'firefox-container-7',
    });
  });

  it('in a browser without containers, names the container the cookie was saved in', () => {
    expect(storeFor(cookie('firefox-container-1', { container: work }), chrome)).toEqual({
      why: 'it was saved in the Firefox container “Work”, and this browser has no containers.',
    });
  });

  it('says so when the container could not be found or made, or is not in the map', () => {
    expect(storeFor(cookie('firefox-container-2', { container: shopping }), firefox)).toEqual({
      why: 'the container “Shopping” could not be found or made here.',
    });
    expect(
      storeFor(
        cookie('firefox-container-3', { container: { name: 'Banking', color: '', icon: '' } }),
        firefox,
      ),
    ).toEqual({ why: 'the container “Banking” could not be found or made here.' });
  });

  it('skips a container cookie whose container name was not saved, naming the store', () => {
    expect(storeFor(cookie('firefox-container-4'), firefox)).toEqual({
      why: 'it was saved in a container (firefox-container-4) whose name is not known.',
    });
    expect(storeFor(cookie('firefox-container-4'), chrome)).toEqual({
      why: 'it was saved in a container (firefox-container-4) whose name is not known.',
    });
  });

  it('goes by the store id, not a container name a default-store cookie carries', () => {
    expect(storeFor(cookie('firefox-default', { container: work }), firefox)).toEqual({
      storeId: 'firefox-default',
    });
  });
});

describe('containersOf', () => {
  it('lists the containers of container-store cookies, once per name, in first-seen order', () => {
    const saved = [
      cookie('firefox-container-2', { container: shopping }),
      cookie('firefox-container-1', { container: work }),
      cookie('firefox-container-2', { name: 'cart', container: shopping }),
      cookie('firefox-default'),
      // A container recorded on a non-container store is not one to resolve.
      cookie('firefox-default', { container: { name: 'Stray', color: 'red', icon: 'circle' } }),
      cookie('firefox-private', { container: { name: 'Private', color: 'red', icon: 'circle' } }),
      cookie('firefox-container-5'),
    ];
    expect(containersOf(saved)).toEqual([shopping, work]);
  });

  it('is empty without container cookies', () => {
    expect(containersOf([])).toEqual([]);
    expect(containersOf([cookie('0'), cookie('1')])).toEqual([]);
  });
});
