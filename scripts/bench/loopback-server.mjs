// Pages on 127.0.0.1 for the tabs the save and restore benchmarks open, counting requests
// per path so the restore benchmark can tell which tabs loaded. Each page is a title and a
// line of text; ?title= sets the title.
import { createServer } from 'node:http';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { URL } from 'node:url';

export async function startLoopbackServer() {
  const counts = new Map();
  let lastRequest = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    lastRequest = Date.now();
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    const title = url.searchParams.get('title') ?? `Page ${url.pathname}`;
    const escaped = title.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><title>${escaped}</title><p>${escaped}</p>`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    /** Paths under `prefix` requested so far (each counted once), and requests in all. */
    loaded(prefix) {
      let paths = 0;
      let requests = 0;
      for (const [path, n] of counts) {
        if (!path.startsWith(prefix)) continue;
        paths++;
        requests += n;
      }
      return { paths, requests };
    },
    /** Resolves once no request came for `quietMs` (or after `maxMs`). */
    async quiet(quietMs = 1500, maxMs = 120_000) {
      const start = Date.now();
      while (Date.now() - lastRequest < quietMs && Date.now() - start < maxMs) await sleep(200);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
