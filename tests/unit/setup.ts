import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { speak } from './locale-fake';

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no messages; tests read the words in English unless they say otherwise.
  speak('en');
});
