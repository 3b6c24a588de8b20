/*
 * What people type into the popup's search, over sessions made by synthetic-browser.ts
 * (its 40 sites and 90 words): host names, title words, fragments of URLs, some that match
 * tens of thousands of tabs, some a few, some none. Fixed, so every run asks the same.
 */
export const SEARCH_QUERIES: readonly string[] = [
  // Hosts and parts of them.
  'github',
  'github.com',
  'stackoverflow.com',
  'wikipedia',
  'docs.python.org',
  'news.ycombinator',
  'youtube',
  'mail.google.com',
  'crates.io',
  'lwn',
  'figma',
  'www.',
  // Title words, alone and together, in any case.
  'restore',
  'playlist',
  'Release',
  'performance',
  'budget',
  'flight',
  'recipe',
  'weather report',
  'pull request',
  'design review',
  'Session Window',
  'memory cache worker',
  'invoice',
  'movie',
  // Fragments of URLs.
  '/pull-',
  'merge-branch',
  'page=12',
  '?page=3',
  '4821',
  'https://',
  'api-design',
  'travel-hotel',
  'docs.rs/search',
  'github.com/review',
  // Short ones: many hits.
  'ca',
  'io',
  'e',
  // Misses.
  'kubernetes',
  'zzyzx',
  'münchen',
  'localhost:3000',
  'facebook.com',
  'recipes-for-cats',
  'qwertyuiop',
  '検索',
  'xn--',
  'notion.so/secret-plan',
  'reddit.com/r/zzz',
];

export function searchQueries(): readonly string[] {
  return SEARCH_QUERIES;
}
