import { createServer } from 'node:http';
import { listenOnLoopback } from './loopback';

export interface PagesServer {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  /** URL of the page whose title is `Page <name>`. */
  url(name: string): string;
  /** How many times the page `name` was requested so far. */
  hits(name: string): number;
  /** Names of every page requested so far. */
  requested(): string[];
  close(): Promise<void>;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Serves distinguishable pages on loopback, since the test machine has no other network. */
export async function startPagesServer(): Promise<PagesServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const match = req.method === 'GET' ? /^\/page\/([^/?#]+)$/.exec(req.url ?? '') : null;
    let name: string | undefined;
    try {
      name = match ? decodeURIComponent(match[1]!) : undefined;
    } catch {
      name = undefined; // malformed %-escape: treat as not found
    }
    if (name === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    hits.set(name, (hits.get(name) ?? 0) + 1);
    const text = escapeHtml(name);
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(
        `<!doctype html><html><head><meta charset="utf-8"><title>Page ${text}</title></head>` +
          `<body><h1>${text}</h1></body></html>`,
      );
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    origin,
    url: (name) => `${origin}/page/${encodeURIComponent(name)}`,
    hits: (name) => hits.get(name) ?? 0,
    requested: () => [...hits.keys()],
    close,
  };
}
